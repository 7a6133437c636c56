import type { LocaleTable } from '../locale.js';

/** Slovak (slovenčina). Register: formal vykanie, standard in Slovak customer surveys, with plural participles ("odporučili") so no gender is assumed; the brand follows a head noun ("spoločnosť {brand}") so it stays uninflected. */
export default {
  tag: 'sk',
  dir: 'ltr',
  strings: {
    question: 'Aká je pravdepodobnosť, že by ste spoločnosť {brand} odporučili priateľovi alebo kolegovi?',
    questionNoBrand: 'Aká je pravdepodobnosť, že by ste nás odporučili priateľovi alebo kolegovi?',
    questionEnps: 'Aká je pravdepodobnosť, že by ste organizáciu {brand} odporučili ako zamestnávateľa?',
    questionEnpsNoBrand: 'Aká je pravdepodobnosť, že by ste našu organizáciu odporučili ako zamestnávateľa?',
    lowLabel: 'Vôbec nepravdepodobné',
    highLabel: 'Veľmi pravdepodobné',
    followUp: 'Aký je hlavný dôvod vášho hodnotenia?',
    placeholder: 'Nepovinné',
    submitLabel: 'Odoslať',
    thankYou: 'Ďakujeme! Vaša spätná väzba nám pomáha zlepšovať sa.',
    closeLabel: 'Zavrieť',
    choiceEnd: '{n}, {label}',
    announcement: 'Na konci stránky sa otvoril dotazník s jednou otázkou: {question}',
    consentQuestion: 'Môžeme vás kontaktovať v súvislosti s vašou odpoveďou?',
    consentYes: 'Áno',
    consentNo: 'Nie',
    promoterLinkText: 'Napísať recenziu',
    opensInNewTab: '(otvorí sa na novej karte)',
  },
} satisfies LocaleTable;
