import type { LocaleTable } from '../locale.js';

/** Hebrew (עברית). Register: polite plural address ("אתם"), the gender-neutral form Israeli customer surveys use; buttons use action nouns ("שליחה", "סגירה") as Hebrew interfaces do. */
export default {
  tag: 'he',
  dir: 'rtl',
  strings: {
    question: 'מה הסבירות שתמליצו על {brand} לחבר או לעמית?',
    questionNoBrand: 'מה הסבירות שתמליצו עלינו לחבר או לעמית?',
    questionEnps: 'מה הסבירות שתמליצו על {brand} כמקום עבודה?',
    questionEnpsNoBrand: 'מה הסבירות שתמליצו על הארגון שלנו כמקום עבודה?',
    lowLabel: 'בכלל לא סביר',
    highLabel: 'סביר מאוד',
    followUp: 'מהי הסיבה העיקרית לציון שנתתם?',
    placeholder: 'לא חובה',
    submitLabel: 'שליחה',
    thankYou: 'תודה רבה! המשוב שלכם עוזר לנו להשתפר.',
    closeLabel: 'סגירה',
    choiceEnd: '{n}, {label}',
    announcement: 'בסוף העמוד נפתח סקר בן שאלה אחת: {question}',
    consentQuestion: 'האם נוכל ליצור איתכם קשר בנוגע לתשובה שלכם?',
    consentYes: 'כן',
    consentNo: 'לא',
    promoterLinkText: 'כתיבת ביקורת',
    opensInNewTab: '(נפתח בכרטיסייה חדשה)',
  },
} satisfies LocaleTable;
