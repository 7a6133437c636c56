import type { LocaleTable } from '../locale.js';

/** Thai (ไทย). Register: polite written Thai with "คุณ" and no gendered ending particles (ครับ/ค่ะ), as Thai surveys use; questions end without "?", following formal Thai typography. */
export default {
  tag: 'th',
  dir: 'ltr',
  strings: {
    question: 'คุณมีแนวโน้มที่จะแนะนำ {brand} ให้เพื่อนหรือเพื่อนร่วมงานมากน้อยเพียงใด',
    questionNoBrand: 'คุณมีแนวโน้มที่จะแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยเพียงใด',
    questionEnps: 'คุณมีแนวโน้มที่จะแนะนำให้ผู้อื่นมาทำงานที่ {brand} มากน้อยเพียงใด',
    questionEnpsNoBrand: 'คุณมีแนวโน้มที่จะแนะนำให้ผู้อื่นมาทำงานที่องค์กรของเรามากน้อยเพียงใด',
    lowLabel: 'ไม่มีแนวโน้มเลย',
    highLabel: 'มีแนวโน้มมากที่สุด',
    followUp: 'เหตุผลหลักที่คุณให้คะแนนนี้คืออะไร',
    placeholder: 'ไม่บังคับ',
    submitLabel: 'ส่ง',
    thankYou: 'ขอบคุณสำหรับคำตอบ ความคิดเห็นของคุณช่วยให้เราพัฒนาได้ดียิ่งขึ้น',
    closeLabel: 'ปิด',
    choiceEnd: '{n} ({label})',
    announcement: 'แบบสำรวจที่มีคำถามเดียวได้เปิดขึ้นที่ท้ายหน้า: {question}',
    consentQuestion: 'เราขอติดต่อคุณเกี่ยวกับคำตอบของคุณได้หรือไม่',
    consentYes: 'ได้',
    consentNo: 'ไม่ได้',
    promoterLinkText: 'เขียนรีวิว',
    opensInNewTab: '(เปิดในแท็บใหม่)',
  },
} satisfies LocaleTable;
