import type { LocaleTable } from '../locale.js';

/** Japanese (日本語). Register: polite です/ます forms with respectful ご-prefixed nouns, the standard for Japanese customer and employee surveys. */
export default {
  tag: 'ja',
  dir: 'ltr',
  strings: {
    question: '{brand}を友人や同僚に薦める可能性はどのくらいありますか？',
    questionNoBrand: '当社を友人や同僚に薦める可能性はどのくらいありますか？',
    questionEnps: '{brand}を働く場所として薦める可能性はどのくらいありますか？',
    questionEnpsNoBrand: '当組織を働く場所として薦める可能性はどのくらいありますか？',
    lowLabel: 'まったく可能性がない',
    highLabel: '非常に可能性が高い',
    followUp: 'そのスコアを付けた主な理由は何ですか？',
    placeholder: '任意',
    submitLabel: '送信',
    thankYou: 'ご回答ありがとうございました。いただいたご意見は今後の改善に役立てます。',
    closeLabel: '閉じる',
    choiceEnd: '{n}（{label}）',
    announcement: 'ページの末尾に1問のアンケートが表示されました：{question}',
    consentQuestion: 'ご回答について、こちらからご連絡してもよろしいですか？',
    consentYes: 'はい',
    consentNo: 'いいえ',
    promoterLinkText: 'レビューを書く',
    opensInNewTab: '（新しいタブで開きます）',
  },
} satisfies LocaleTable;
