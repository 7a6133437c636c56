import type { LocaleTable } from '../locale.js';

/** German (Deutsch). Register: formal Sie, as German customer and employee surveys use with people the company does not know; the same Sie throughout. */
export default {
  tag: 'de',
  dir: 'ltr',
  strings: {
    question: 'Wie wahrscheinlich ist es, dass Sie {brand} einem Freund oder Kollegen weiterempfehlen?',
    questionNoBrand: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?',
    questionEnps: 'Wie wahrscheinlich ist es, dass Sie {brand} als Arbeitgeber weiterempfehlen?',
    questionEnpsNoBrand: 'Wie wahrscheinlich ist es, dass Sie unsere Organisation als Arbeitgeber weiterempfehlen?',
    lowLabel: 'Überhaupt nicht wahrscheinlich',
    highLabel: 'Äußerst wahrscheinlich',
    followUp: 'Was ist der Hauptgrund für Ihre Bewertung?',
    placeholder: 'Freiwillige Angabe',
    submitLabel: 'Absenden',
    thankYou: 'Vielen Dank! Ihr Feedback hilft uns, besser zu werden.',
    closeLabel: 'Schließen',
    choiceEnd: '{n}, {label}',
    announcement: 'Am Ende der Seite wurde eine Umfrage mit einer einzigen Frage geöffnet: {question}',
    consentQuestion: 'Dürfen wir Sie zu Ihrer Antwort kontaktieren?',
    consentYes: 'Ja',
    consentNo: 'Nein',
    promoterLinkText: 'Rezension schreiben',
    opensInNewTab: '(öffnet in einem neuen Tab)',
  },
} satisfies LocaleTable;
