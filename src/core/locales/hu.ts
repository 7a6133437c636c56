import type { LocaleTable } from '../locale.js';

/** Hungarian (magyar). Register: formal (Ön-forms, without the pronoun), the usual address of Hungarian customer surveys; the brand stands after a colon ("a következő céget: {brand}") so it needs neither an a/az article nor a suffix. */
export default {
  tag: 'hu',
  dir: 'ltr',
  strings: {
    question: 'Mennyire valószínű, hogy ajánlaná egy barátjának vagy kollégájának a következő céget: {brand}?',
    questionNoBrand: 'Mennyire valószínű, hogy ajánlana minket egy barátjának vagy kollégájának?',
    questionEnps: 'Mennyire valószínű, hogy munkahelyként ajánlaná a következő szervezetet: {brand}?',
    questionEnpsNoBrand: 'Mennyire valószínű, hogy munkahelyként ajánlaná a szervezetünket?',
    lowLabel: 'Egyáltalán nem valószínű',
    highLabel: 'Rendkívül valószínű',
    followUp: 'Mi a fő oka annak, hogy ezt a pontszámot adta?',
    placeholder: 'Nem kötelező',
    submitLabel: 'Küldés',
    thankYou: 'Köszönjük! Visszajelzése segít nekünk a fejlődésben.',
    closeLabel: 'Bezárás',
    choiceEnd: '{n}, {label}',
    announcement: 'Az oldal alján megnyílt egy egykérdéses kérdőív: {question}',
    consentQuestion: 'Megkereshetjük a válaszával kapcsolatban?',
    consentYes: 'Igen',
    consentNo: 'Nem',
    promoterLinkText: 'Vélemény írása',
    opensInNewTab: '(új lapon nyílik meg)',
  },
} satisfies LocaleTable;
