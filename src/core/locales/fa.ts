import type { LocaleTable } from '../locale.js';

/** Persian (فارسی). Register: formal ("شما" with plural verbs), the polite address Persian customer surveys use. */
export default {
  tag: 'fa',
  dir: 'rtl',
  strings: {
    question: 'چقدر احتمال دارد {brand} را به یک دوست یا همکار توصیه کنید؟',
    questionNoBrand: 'چقدر احتمال دارد ما را به یک دوست یا همکار توصیه کنید؟',
    questionEnps: 'چقدر احتمال دارد {brand} را به‌عنوان محل کار توصیه کنید؟',
    questionEnpsNoBrand: 'چقدر احتمال دارد سازمان ما را به‌عنوان محل کار توصیه کنید؟',
    lowLabel: 'اصلاً محتمل نیست',
    highLabel: 'بسیار محتمل',
    followUp: 'دلیل اصلی امتیازی که دادید چیست؟',
    placeholder: 'اختیاری',
    submitLabel: 'ارسال',
    thankYou: 'سپاسگزاریم! نظر شما به ما کمک می‌کند بهتر شویم.',
    closeLabel: 'بستن',
    choiceEnd: '{n}، {label}',
    announcement: 'یک نظرسنجی تک‌سؤالی در انتهای صفحه باز شد: {question}',
    consentQuestion: 'اجازه می‌دهید دربارهٔ پاسخ‌تان با شما تماس بگیریم؟',
    consentYes: 'بله',
    consentNo: 'خیر',
    promoterLinkText: 'ثبت نظر',
    opensInNewTab: '(در برگهٔ جدید باز می‌شود)',
  },
} satisfies LocaleTable;
