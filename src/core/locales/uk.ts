import type { LocaleTable } from '../locale.js';

/** Ukrainian (українська). Register: formal ("ви"), lower-case as usual in questionnaires addressed to any reader. */
export default {
  tag: 'uk',
  dir: 'ltr',
  strings: {
    question: 'Наскільки ймовірно, що ви порекомендуєте компанію {brand} другові чи колезі?',
    questionNoBrand: 'Наскільки ймовірно, що ви порекомендуєте нас другові чи колезі?',
    questionEnps: 'Наскільки ймовірно, що ви порекомендуєте компанію {brand} як місце роботи?',
    questionEnpsNoBrand: 'Наскільки ймовірно, що ви порекомендуєте нашу організацію як місце роботи?',
    lowLabel: 'Зовсім малоймовірно',
    highLabel: 'Дуже ймовірно',
    followUp: 'Яка основна причина вашої оцінки?',
    placeholder: 'Необов’язково',
    submitLabel: 'Надіслати',
    thankYou: 'Дякуємо! Ваш відгук допомагає нам ставати кращими.',
    closeLabel: 'Закрити',
    choiceEnd: '{n}, {label}',
    announcement: 'Наприкінці сторінки відкрилося опитування з одного запитання: {question}',
    consentQuestion: 'Чи можемо ми зв’язатися з вами щодо вашої відповіді?',
    consentYes: 'Так',
    consentNo: 'Ні',
    promoterLinkText: 'Залишити відгук',
    opensInNewTab: '(відкриється в новій вкладці)',
  },
} satisfies LocaleTable;
