import type { LocaleTable } from '../locale.js';

/** Chinese, Simplified (简体中文). Register: formal and courteous, addressing the respondent as 您, as mainland Chinese customer and employee surveys do. */
export default {
  tag: 'zh-Hans',
  dir: 'ltr',
  strings: {
    question: '您向朋友或同事推荐{brand}的可能性有多大？',
    questionNoBrand: '您向朋友或同事推荐我们的可能性有多大？',
    questionEnps: '您推荐他人来{brand}工作的可能性有多大？',
    questionEnpsNoBrand: '您推荐他人来我们单位工作的可能性有多大？',
    lowLabel: '完全不可能',
    highLabel: '极有可能',
    followUp: '您给出这个分数的主要原因是什么？',
    placeholder: '选填',
    submitLabel: '提交',
    thankYou: '感谢您的反馈！您的意见将帮助我们不断改进。',
    closeLabel: '关闭',
    choiceEnd: '{n}（{label}）',
    announcement: '页面末尾已显示一份单题问卷：{question}',
    consentQuestion: '我们可以就您的回答与您联系吗？',
    consentYes: '是',
    consentNo: '否',
    promoterLinkText: '撰写评价',
    opensInNewTab: '（在新标签页中打开）',
  },
} satisfies LocaleTable;
