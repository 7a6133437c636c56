import type { LocaleTable } from '../locale.js';

/** Lithuanian (lietuvių). Register: formal, with the capitalised polite "Jūs" customary in Lithuanian customer communication; the brand follows a head noun in the accusative ("įmonę {brand}") so it stays uninflected. */
export default {
  tag: 'lt',
  dir: 'ltr',
  strings: {
    question: 'Kiek tikėtina, kad rekomenduotumėte įmonę {brand} draugui ar kolegai?',
    questionNoBrand: 'Kiek tikėtina, kad rekomenduotumėte mus draugui ar kolegai?',
    questionEnps: 'Kiek tikėtina, kad rekomenduotumėte organizaciją {brand} kaip darbovietę?',
    questionEnpsNoBrand: 'Kiek tikėtina, kad rekomenduotumėte mūsų organizaciją kaip darbovietę?',
    lowLabel: 'Visiškai netikėtina',
    highLabel: 'Labai tikėtina',
    followUp: 'Kokia pagrindinė Jūsų įvertinimo priežastis?',
    placeholder: 'Neprivaloma',
    submitLabel: 'Siųsti',
    thankYou: 'Ačiū! Jūsų atsiliepimas padeda mums tobulėti.',
    closeLabel: 'Uždaryti',
    choiceEnd: '{n}, {label}',
    announcement: 'Puslapio apačioje atsivėrė vieno klausimo apklausa: {question}',
    consentQuestion: 'Ar galime susisiekti su Jumis dėl Jūsų atsakymo?',
    consentYes: 'Taip',
    consentNo: 'Ne',
    promoterLinkText: 'Parašyti atsiliepimą',
    opensInNewTab: '(atsidaro naujame skirtuke)',
  },
} satisfies LocaleTable;
