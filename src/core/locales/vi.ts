import type { LocaleTable } from '../locale.js';

/** Vietnamese (Tiếng Việt). Register: polite-neutral "bạn", the form Vietnamese software and online surveys use; "Quý khách" would fit customers but not the employee (eNPS) questions in the same table. */
export default {
  tag: 'vi',
  dir: 'ltr',
  strings: {
    question: 'Khả năng bạn giới thiệu {brand} cho bạn bè hoặc đồng nghiệp là bao nhiêu?',
    questionNoBrand: 'Khả năng bạn giới thiệu chúng tôi cho bạn bè hoặc đồng nghiệp là bao nhiêu?',
    questionEnps: 'Khả năng bạn giới thiệu {brand} như một nơi làm việc là bao nhiêu?',
    questionEnpsNoBrand: 'Khả năng bạn giới thiệu tổ chức của chúng tôi như một nơi làm việc là bao nhiêu?',
    lowLabel: 'Hoàn toàn không có khả năng',
    highLabel: 'Rất có khả năng',
    followUp: 'Lý do chính khiến bạn cho điểm như vậy là gì?',
    placeholder: 'Không bắt buộc',
    submitLabel: 'Gửi',
    thankYou: 'Cảm ơn bạn! Ý kiến của bạn giúp chúng tôi ngày càng hoàn thiện hơn.',
    closeLabel: 'Đóng',
    choiceEnd: '{n}, {label}',
    announcement: 'Một khảo sát gồm một câu hỏi đã xuất hiện ở cuối trang: {question}',
    consentQuestion: 'Chúng tôi có thể liên hệ với bạn về câu trả lời này không?',
    consentYes: 'Có',
    consentNo: 'Không',
    promoterLinkText: 'Viết đánh giá',
    opensInNewTab: '(mở trong thẻ mới)',
  },
} satisfies LocaleTable;
