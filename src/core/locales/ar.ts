import type { LocaleTable } from '../locale.js';

/** Arabic (العربية), Modern Standard. Register: formal MSA addressing the reader in the second person singular with the conventional generic masculine, as Arabic customer surveys do. */
export default {
  tag: 'ar',
  dir: 'rtl',
  strings: {
    question: 'ما مدى احتمال أن توصي بـ{brand} لصديق أو زميل؟',
    questionNoBrand: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟',
    questionEnps: 'ما مدى احتمال أن توصي بالعمل في {brand}؟',
    questionEnpsNoBrand: 'ما مدى احتمال أن توصي بالعمل في مؤسستنا؟',
    lowLabel: 'غير محتمل على الإطلاق',
    highLabel: 'محتمل للغاية',
    followUp: 'ما السبب الرئيسي وراء تقييمك؟',
    placeholder: 'اختياري',
    submitLabel: 'إرسال',
    thankYou: 'شكرًا لك! تساعدنا ملاحظاتك على التحسّن.',
    closeLabel: 'إغلاق',
    choiceEnd: '{n}، {label}',
    announcement: 'فُتح استطلاع من سؤال واحد في نهاية الصفحة: {question}',
    consentQuestion: 'هل تسمح لنا بالتواصل معك بشأن إجابتك؟',
    consentYes: 'نعم',
    consentNo: 'لا',
    promoterLinkText: 'كتابة مراجعة',
    opensInNewTab: '(يُفتح في علامة تبويب جديدة)',
  },
} satisfies LocaleTable;
