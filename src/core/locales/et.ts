import type { LocaleTable } from '../locale.js';

/** Estonian (eesti). Register: formal plural (teie, verbs in -ksite), the usual address of Estonian customer communication; the brand follows a partitive head noun ("ettevõtet {brand}") so it keeps its base form. */
export default {
  tag: 'et',
  dir: 'ltr',
  strings: {
    question: 'Kui tõenäoliselt soovitaksite ettevõtet {brand} oma sõbrale või kolleegile?',
    questionNoBrand: 'Kui tõenäoliselt soovitaksite meid oma sõbrale või kolleegile?',
    questionEnps: 'Kui tõenäoliselt soovitaksite organisatsiooni {brand} töökohana?',
    questionEnpsNoBrand: 'Kui tõenäoliselt soovitaksite meie organisatsiooni töökohana?',
    lowLabel: 'Üldse mitte tõenäoliselt',
    highLabel: 'Väga tõenäoliselt',
    followUp: 'Mis on teie hinnangu peamine põhjus?',
    placeholder: 'Valikuline',
    submitLabel: 'Saada',
    thankYou: 'Aitäh! Teie tagasiside aitab meil paremaks muutuda.',
    closeLabel: 'Sulge',
    choiceEnd: '{n}, {label}',
    announcement: 'Lehe lõppu avanes ühe küsimusega küsitlus: {question}',
    consentQuestion: 'Kas võime teiega teie vastuse kohta ühendust võtta?',
    consentYes: 'Jah',
    consentNo: 'Ei',
    promoterLinkText: 'Kirjutage arvustus',
    opensInNewTab: '(avaneb uuel vahelehel)',
  },
} satisfies LocaleTable;
