import type { LocaleTable } from '../locale.js';

/** Romanian (română). Register: formal ("dumneavoastră" and the polite plural verb forms), as Romanian customer surveys and forms use. */
export default {
  tag: 'ro',
  dir: 'ltr',
  strings: {
    question: 'Cât de probabil este să recomandați {brand} unui prieten sau coleg?',
    questionNoBrand: 'Cât de probabil este să ne recomandați unui prieten sau coleg?',
    questionEnps: 'Cât de probabil este să recomandați {brand} ca loc de muncă?',
    questionEnpsNoBrand: 'Cât de probabil este să recomandați organizația noastră ca loc de muncă?',
    lowLabel: 'Deloc probabil',
    highLabel: 'Extrem de probabil',
    followUp: 'Care este motivul principal pentru scorul acordat?',
    placeholder: 'Opțional',
    submitLabel: 'Trimiteți',
    thankYou: 'Vă mulțumim! Opinia dumneavoastră ne ajută să devenim mai buni.',
    closeLabel: 'Închideți',
    choiceEnd: '{n}, {label}',
    announcement: 'La finalul paginii s-a deschis un sondaj cu o singură întrebare: {question}',
    consentQuestion: 'Vă putem contacta în legătură cu răspunsul dumneavoastră?',
    consentYes: 'Da',
    consentNo: 'Nu',
    promoterLinkText: 'Scrieți o recenzie',
    opensInNewTab: '(se deschide într-o filă nouă)',
  },
} satisfies LocaleTable;
