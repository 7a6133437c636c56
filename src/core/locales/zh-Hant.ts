import type { LocaleTable } from '../locale.js';

/** Chinese, Traditional (繁體中文), for Taiwan and Hong Kong. Register: formal and courteous, addressing the respondent as 您, as customer and employee surveys there do. */
export default {
  tag: 'zh-Hant',
  dir: 'ltr',
  strings: {
    question: '您向朋友或同事推薦{brand}的可能性有多高？',
    questionNoBrand: '您向朋友或同事推薦我們的可能性有多高？',
    questionEnps: '您推薦他人來{brand}工作的可能性有多高？',
    questionEnpsNoBrand: '您推薦他人來本機構工作的可能性有多高？',
    lowLabel: '完全不可能',
    highLabel: '極有可能',
    followUp: '您給出這個分數的主要原因是什麼？',
    placeholder: '選填',
    submitLabel: '送出',
    thankYou: '感謝您的回饋！您的意見能幫助我們做得更好。',
    closeLabel: '關閉',
    choiceEnd: '{n}（{label}）',
    announcement: '頁面底部已顯示一份單題問卷：{question}',
    consentQuestion: '我們可以就您的回答與您聯絡嗎？',
    consentYes: '是',
    consentNo: '否',
    promoterLinkText: '撰寫評論',
    opensInNewTab: '（在新分頁中開啟）',
  },
} satisfies LocaleTable;
