import type { LocaleTable } from '../locale.js';

/** Latvian (latviešu). Register: formal, with the capitalised polite "Jūs" customary in Latvian customer communication; the brand follows a head noun in the accusative ("uzņēmumu {brand}") so it stays uninflected. */
export default {
  tag: 'lv',
  dir: 'ltr',
  strings: {
    question: 'Cik ticams, ka Jūs ieteiktu uzņēmumu {brand} draugam vai kolēģim?',
    questionNoBrand: 'Cik ticams, ka Jūs ieteiktu mūs draugam vai kolēģim?',
    questionEnps: 'Cik ticams, ka Jūs ieteiktu organizāciju {brand} kā darbavietu?',
    questionEnpsNoBrand: 'Cik ticams, ka Jūs ieteiktu mūsu organizāciju kā darbavietu?',
    lowLabel: 'Nemaz nav ticams',
    highLabel: 'Ļoti ticams',
    followUp: 'Kāds ir galvenais Jūsu vērtējuma iemesls?',
    placeholder: 'Neobligāti',
    submitLabel: 'Nosūtīt',
    thankYou: 'Paldies! Jūsu atsauksme palīdz mums pilnveidoties.',
    closeLabel: 'Aizvērt',
    choiceEnd: '{n}, {label}',
    announcement: 'Lapas beigās atvērta aptauja ar vienu jautājumu: {question}',
    consentQuestion: 'Vai drīkstam ar Jums sazināties saistībā ar Jūsu atbildi?',
    consentYes: 'Jā',
    consentNo: 'Nē',
    promoterLinkText: 'Uzrakstīt atsauksmi',
    opensInNewTab: '(atveras jaunā cilnē)',
  },
} satisfies LocaleTable;
