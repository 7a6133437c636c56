import type { LocaleTable } from '../locale.js';

/** Danish (dansk). Register: informal du, which Danish surveys use with customers and employees alike; De would sound stiff and old-fashioned. */
export default {
  tag: 'da',
  dir: 'ltr',
  strings: {
    question: 'Hvor sandsynligt er det, at du vil anbefale {brand} til en ven eller kollega?',
    questionNoBrand: 'Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?',
    questionEnps: 'Hvor sandsynligt er det, at du vil anbefale {brand} som arbejdsplads?',
    questionEnpsNoBrand: 'Hvor sandsynligt er det, at du vil anbefale vores organisation som arbejdsplads?',
    lowLabel: 'Slet ikke sandsynligt',
    highLabel: 'Yderst sandsynligt',
    followUp: 'Hvad er hovedårsagen til din vurdering?',
    placeholder: 'Valgfrit',
    submitLabel: 'Send',
    thankYou: 'Tak! Din feedback hjælper os med at blive bedre.',
    closeLabel: 'Luk',
    choiceEnd: '{n}, {label}',
    announcement: 'Der er åbnet en undersøgelse med ét spørgsmål nederst på siden: {question}',
    consentQuestion: 'Må vi kontakte dig om dit svar?',
    consentYes: 'Ja',
    consentNo: 'Nej',
    promoterLinkText: 'Skriv en anmeldelse',
    opensInNewTab: '(åbner i en ny fane)',
  },
} satisfies LocaleTable;
