import type { LocaleTable } from '../locale.js';

/** Polish (polski). Register: informal "ty" (capitalised "Twój" in direct address), as Polish brands commonly address people online; it also avoids the gendered Pan/Pani forms. The brand follows a head noun in the accusative ("firmę {brand}") so it stays uninflected. */
export default {
  tag: 'pl',
  dir: 'ltr',
  strings: {
    question: 'Jak prawdopodobne jest, że polecisz firmę {brand} znajomemu lub współpracownikowi?',
    questionNoBrand: 'Jak prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?',
    questionEnps: 'Jak prawdopodobne jest, że polecisz organizację {brand} jako miejsce pracy?',
    questionEnpsNoBrand: 'Jak prawdopodobne jest, że polecisz naszą organizację jako miejsce pracy?',
    lowLabel: 'Zupełnie nieprawdopodobne',
    highLabel: 'Bardzo prawdopodobne',
    followUp: 'Jaki jest główny powód Twojej oceny?',
    placeholder: 'Opcjonalnie',
    submitLabel: 'Wyślij',
    thankYou: 'Dziękujemy! Twoja opinia pomaga nam się rozwijać.',
    closeLabel: 'Zamknij',
    choiceEnd: '{n}, {label}',
    announcement: 'Na końcu strony otworzyła się ankieta z jednym pytaniem: {question}',
    consentQuestion: 'Czy możemy skontaktować się z Tobą w sprawie Twojej odpowiedzi?',
    consentYes: 'Tak',
    consentNo: 'Nie',
    promoterLinkText: 'Wystaw opinię',
    opensInNewTab: '(otwiera się w nowej karcie)',
  },
} satisfies LocaleTable;
