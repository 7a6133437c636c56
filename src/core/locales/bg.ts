import type { LocaleTable } from '../locale.js';

/** Bulgarian (български). Register: formal (polite "Вие", capitalised "Вашата"/"Ви" as Bulgarian spelling rules require when one reader is addressed), as Bulgarian customer surveys do. */
export default {
  tag: 'bg',
  dir: 'ltr',
  strings: {
    question: 'Колко вероятно е да препоръчате {brand} на приятел или колега?',
    questionNoBrand: 'Колко вероятно е да ни препоръчате на приятел или колега?',
    questionEnps: 'Колко вероятно е да препоръчате {brand} като място за работа?',
    questionEnpsNoBrand: 'Колко вероятно е да препоръчате нашата организация като място за работа?',
    lowLabel: 'Изобщо не е вероятно',
    highLabel: 'Изключително вероятно',
    followUp: 'Коя е основната причина за Вашата оценка?',
    placeholder: 'Незадължително',
    submitLabel: 'Изпращане',
    thankYou: 'Благодарим Ви! Вашето мнение ни помага да ставаме по-добри.',
    closeLabel: 'Затваряне',
    choiceEnd: '{n}, {label}',
    announcement: 'В края на страницата се отвори анкета с един въпрос: {question}',
    consentQuestion: 'Може ли да се свържем с Вас във връзка с Вашия отговор?',
    consentYes: 'Да',
    consentNo: 'Не',
    promoterLinkText: 'Напишете отзив',
    opensInNewTab: '(отваря се в нов раздел)',
  },
} satisfies LocaleTable;
