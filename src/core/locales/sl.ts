import type { LocaleTable } from '../locale.js';

/** Slovenian (slovenščina). Register: formal vikanje, standard in Slovenian customer surveys, with plural participles ("priporočili") so no gender is assumed; the brand follows a head noun ("podjetje {brand}") so it stays uninflected. */
export default {
  tag: 'sl',
  dir: 'ltr',
  strings: {
    question: 'Kako verjetno je, da bi podjetje {brand} priporočili prijatelju ali sodelavcu?',
    questionNoBrand: 'Kako verjetno je, da bi nas priporočili prijatelju ali sodelavcu?',
    questionEnps: 'Kako verjetno je, da bi organizacijo {brand} priporočili kot delodajalca?',
    questionEnpsNoBrand: 'Kako verjetno je, da bi našo organizacijo priporočili kot delodajalca?',
    lowLabel: 'Sploh ni verjetno',
    highLabel: 'Zelo verjetno',
    followUp: 'Kaj je glavni razlog za vašo oceno?',
    placeholder: 'Neobvezno',
    submitLabel: 'Pošlji',
    thankYou: 'Hvala! Vaše mnenje nam pomaga, da postajamo boljši.',
    closeLabel: 'Zapri',
    choiceEnd: '{n}, {label}',
    announcement: 'Na koncu strani se je odprla anketa z enim vprašanjem: {question}',
    consentQuestion: 'Ali vas lahko kontaktiramo glede vašega odgovora?',
    consentYes: 'Da',
    consentNo: 'Ne',
    promoterLinkText: 'Napišite mnenje',
    opensInNewTab: '(odpre se v novem zavihku)',
  },
} satisfies LocaleTable;
