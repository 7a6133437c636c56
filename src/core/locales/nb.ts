import type { LocaleTable } from '../locale.js';

/** Norwegian Bokmål (norsk bokmål). Register: informal du, the norm in Norwegian surveys for customers and employees alike; De is no longer used. */
export default {
  tag: 'nb',
  dir: 'ltr',
  strings: {
    question: 'Hvor sannsynlig er det at du vil anbefale {brand} til en venn eller kollega?',
    questionNoBrand: 'Hvor sannsynlig er det at du vil anbefale oss til en venn eller kollega?',
    questionEnps: 'Hvor sannsynlig er det at du vil anbefale {brand} som arbeidsplass?',
    questionEnpsNoBrand: 'Hvor sannsynlig er det at du vil anbefale vår organisasjon som arbeidsplass?',
    lowLabel: 'Svært lite sannsynlig',
    highLabel: 'Svært sannsynlig',
    followUp: 'Hva er hovedgrunnen til vurderingen din?',
    placeholder: 'Valgfritt',
    submitLabel: 'Send',
    thankYou: 'Tusen takk! Tilbakemeldingen din hjelper oss å bli bedre.',
    closeLabel: 'Lukk',
    choiceEnd: '{n}, {label}',
    announcement: 'En spørreundersøkelse med ett spørsmål er åpnet nederst på siden: {question}',
    consentQuestion: 'Kan vi kontakte deg om svaret ditt?',
    consentYes: 'Ja',
    consentNo: 'Nei',
    promoterLinkText: 'Skriv en anmeldelse',
    opensInNewTab: '(åpnes i en ny fane)',
  },
} satisfies LocaleTable;
