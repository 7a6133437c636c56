import type { LocaleTable } from '../locale.js';

/** Maltese (Malti). Register: second person singular ("int"), the neutral, courteous address Maltese public and commercial questionnaires use; Maltese has no separate polite pronoun in this kind of text. */
export default {
  tag: 'mt',
  dir: 'ltr',
  strings: {
    question: 'Kemm huwa probabbli li tirrakkomanda {brand} lil ħabib jew lil kollega?',
    questionNoBrand: 'Kemm huwa probabbli li tirrakkomandana lil ħabib jew lil kollega?',
    questionEnps: 'Kemm huwa probabbli li tirrakkomanda {brand} bħala post tax-xogħol?',
    questionEnpsNoBrand: 'Kemm huwa probabbli li tirrakkomanda l-organizzazzjoni tagħna bħala post tax-xogħol?',
    lowLabel: 'Xejn probabbli',
    highLabel: 'Probabbli ħafna',
    followUp: "X'inhi r-raġuni ewlenija għall-punteġġ tiegħek?",
    placeholder: 'Mhux obbligatorju',
    submitLabel: 'Ibgħat',
    thankYou: 'Grazzi! L-opinjoni tiegħek tgħinna nitjiebu.',
    closeLabel: 'Agħlaq',
    choiceEnd: '{n}, {label}',
    announcement: "Infetaħ stħarriġ b'mistoqsija waħda fl-aħħar tal-paġna: {question}",
    consentQuestion: 'Nistgħu nikkuntattjawk dwar it-tweġiba tiegħek?',
    consentYes: 'Iva',
    consentNo: 'Le',
    promoterLinkText: 'Ikteb reviżjoni',
    opensInNewTab: "(tinfetaħ f'tab ġdida)",
  },
} satisfies LocaleTable;
