import type { LocaleTable } from '../locale.js';

/** Swedish (svenska). Register: informal du, the norm in Swedish surveys for customers and employees alike; ni would sound distant. */
export default {
  tag: 'sv',
  dir: 'ltr',
  strings: {
    question: 'Hur sannolikt är det att du skulle rekommendera {brand} till en vän eller kollega?',
    questionNoBrand: 'Hur sannolikt är det att du skulle rekommendera oss till en vän eller kollega?',
    questionEnps: 'Hur sannolikt är det att du skulle rekommendera {brand} som arbetsplats?',
    questionEnpsNoBrand: 'Hur sannolikt är det att du skulle rekommendera vår organisation som arbetsplats?',
    lowLabel: 'Inte alls sannolikt',
    highLabel: 'Mycket sannolikt',
    followUp: 'Vad är den främsta anledningen till ditt betyg?',
    placeholder: 'Valfritt',
    submitLabel: 'Skicka',
    thankYou: 'Tack! Din feedback hjälper oss att bli bättre.',
    closeLabel: 'Stäng',
    choiceEnd: '{n}, {label}',
    announcement: 'En enkät med en enda fråga har öppnats längst ned på sidan: {question}',
    consentQuestion: 'Får vi kontakta dig om ditt svar?',
    consentYes: 'Ja',
    consentNo: 'Nej',
    promoterLinkText: 'Skriv ett omdöme',
    opensInNewTab: '(öppnas i en ny flik)',
  },
} satisfies LocaleTable;
