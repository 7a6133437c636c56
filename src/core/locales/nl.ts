import type { LocaleTable } from '../locale.js';

/** Dutch (Nederlands). Register: formal u, the safe choice for a survey that can appear on any organisation's site (banks and public bodies as well as shops). */
export default {
  tag: 'nl',
  dir: 'ltr',
  strings: {
    question: 'Hoe waarschijnlijk is het dat u {brand} aan een vriend of collega zou aanbevelen?',
    questionNoBrand: 'Hoe waarschijnlijk is het dat u ons aan een vriend of collega zou aanbevelen?',
    questionEnps: 'Hoe waarschijnlijk is het dat u {brand} als werkgever zou aanbevelen?',
    questionEnpsNoBrand: 'Hoe waarschijnlijk is het dat u onze organisatie als werkgever zou aanbevelen?',
    lowLabel: 'Helemaal niet waarschijnlijk',
    highLabel: 'Zeer waarschijnlijk',
    followUp: 'Wat is de belangrijkste reden voor uw score?',
    placeholder: 'Optioneel',
    submitLabel: 'Versturen',
    thankYou: 'Hartelijk dank! Uw feedback helpt ons om beter te worden.',
    closeLabel: 'Sluiten',
    choiceEnd: '{n}, {label}',
    announcement: 'Onderaan de pagina is een enquête van één vraag geopend: {question}',
    consentQuestion: 'Mogen we contact met u opnemen over uw antwoord?',
    consentYes: 'Ja',
    consentNo: 'Nee',
    promoterLinkText: 'Review schrijven',
    opensInNewTab: '(opent in een nieuw tabblad)',
  },
} satisfies LocaleTable;
