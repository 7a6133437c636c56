import type { LocaleTable } from '../locale.js';

/** Russian (русский). Register: formal ("вы"), lower-case as Russian style guides prescribe for questionnaires addressed to any reader. */
export default {
  tag: 'ru',
  dir: 'ltr',
  strings: {
    question: 'Насколько вероятно, что вы порекомендуете компанию {brand} другу или коллеге?',
    questionNoBrand: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
    questionEnps: 'Насколько вероятно, что вы порекомендуете компанию {brand} как место работы?',
    questionEnpsNoBrand: 'Насколько вероятно, что вы порекомендуете нашу организацию как место работы?',
    lowLabel: 'Совсем маловероятно',
    highLabel: 'Очень вероятно',
    followUp: 'Какова основная причина вашей оценки?',
    placeholder: 'Необязательно',
    submitLabel: 'Отправить',
    thankYou: 'Спасибо! Ваш отзыв помогает нам стать лучше.',
    closeLabel: 'Закрыть',
    choiceEnd: '{n}, {label}',
    announcement: 'В конце страницы открылся опрос из одного вопроса: {question}',
    consentQuestion: 'Можно ли связаться с вами по поводу вашего ответа?',
    consentYes: 'Да',
    consentNo: 'Нет',
    promoterLinkText: 'Оставить отзыв',
    opensInNewTab: '(откроется в новой вкладке)',
  },
} satisfies LocaleTable;
