import type { LocaleTable } from '../locale.js';

/** Korean (한국어). Register: formal polite 합니다/하십시오 style with honorific -시- verbs, as Korean customer and employee surveys use. */
export default {
  tag: 'ko',
  dir: 'ltr',
  strings: {
    question: '친구나 동료에게 {brand}을(를) 추천하실 가능성은 얼마나 됩니까?',
    questionNoBrand: '친구나 동료에게 저희를 추천하실 가능성은 얼마나 됩니까?',
    questionEnps: '{brand}에서 일하는 것을 추천하실 가능성은 얼마나 됩니까?',
    questionEnpsNoBrand: '저희 조직에서 일하는 것을 추천하실 가능성은 얼마나 됩니까?',
    lowLabel: '전혀 가능성 없음',
    highLabel: '매우 가능성 높음',
    followUp: '이 점수를 주신 가장 큰 이유는 무엇입니까?',
    placeholder: '선택 사항',
    submitLabel: '제출',
    thankYou: '감사합니다! 보내 주신 의견은 더 나은 서비스를 만드는 데 큰 도움이 됩니다.',
    closeLabel: '닫기',
    choiceEnd: '{n}, {label}',
    announcement: '페이지 끝에 한 문항짜리 설문이 열렸습니다: {question}',
    consentQuestion: '답변하신 내용에 대해 연락을 드려도 되겠습니까?',
    consentYes: '예',
    consentNo: '아니요',
    promoterLinkText: '리뷰 작성',
    opensInNewTab: '(새 탭에서 열립니다)',
  },
} satisfies LocaleTable;
