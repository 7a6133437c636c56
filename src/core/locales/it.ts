import type { LocaleTable } from '../locale.js';

/** Italian (italiano). Register: formal Lei (pronouns in lower case, as is now usual), the register of Italian customer and employee surveys. */
export default {
  tag: 'it',
  dir: 'ltr',
  strings: {
    question: 'Con quale probabilità consiglierebbe {brand} a un amico o a un collega?',
    questionNoBrand: 'Con quale probabilità ci consiglierebbe a un amico o a un collega?',
    questionEnps: 'Con quale probabilità consiglierebbe {brand} come luogo di lavoro?',
    questionEnpsNoBrand: 'Con quale probabilità consiglierebbe la nostra organizzazione come luogo di lavoro?',
    lowLabel: 'Per niente probabile',
    highLabel: 'Estremamente probabile',
    followUp: 'Qual è il motivo principale del suo punteggio?',
    placeholder: 'Facoltativo',
    submitLabel: 'Invia',
    thankYou: 'Grazie! Il suo feedback ci aiuta a migliorare.',
    closeLabel: 'Chiudi',
    choiceEnd: '{n}, {label}',
    announcement: 'In fondo alla pagina si è aperto un sondaggio di una sola domanda: {question}',
    consentQuestion: 'Possiamo contattarla in merito alla sua risposta?',
    consentYes: 'Sì',
    consentNo: 'No',
    promoterLinkText: 'Lasci una recensione',
    opensInNewTab: '(si apre in una nuova scheda)',
  },
} satisfies LocaleTable;
