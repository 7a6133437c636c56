import type { LocaleTable } from '../locale.js';

/** Hindi (हिन्दी). Register: formal, with the respectful आप and its plural verb forms, as Hindi customer and workplace surveys address respondents. */
export default {
  tag: 'hi',
  dir: 'ltr',
  strings: {
    question: 'इसकी कितनी संभावना है कि आप किसी मित्र या सहकर्मी को {brand} की सिफ़ारिश करेंगे?',
    questionNoBrand: 'इसकी कितनी संभावना है कि आप किसी मित्र या सहकर्मी को हमारी सिफ़ारिश करेंगे?',
    questionEnps: 'इसकी कितनी संभावना है कि आप काम करने की जगह के रूप में {brand} की सिफ़ारिश करेंगे?',
    questionEnpsNoBrand: 'इसकी कितनी संभावना है कि आप काम करने की जगह के रूप में हमारे संगठन की सिफ़ारिश करेंगे?',
    lowLabel: 'बिल्कुल संभावना नहीं',
    highLabel: 'बहुत अधिक संभावना',
    followUp: 'आपके स्कोर का मुख्य कारण क्या है?',
    placeholder: 'वैकल्पिक',
    submitLabel: 'भेजें',
    thankYou: 'धन्यवाद! आपकी प्रतिक्रिया से हमें बेहतर बनने में मदद मिलती है।',
    closeLabel: 'बंद करें',
    choiceEnd: '{n}, {label}',
    announcement: 'पृष्ठ के अंत में एक प्रश्न वाला सर्वेक्षण खुला है: {question}',
    consentQuestion: 'क्या हम आपके उत्तर के बारे में आपसे संपर्क कर सकते हैं?',
    consentYes: 'हाँ',
    consentNo: 'नहीं',
    promoterLinkText: 'समीक्षा लिखें',
    opensInNewTab: '(नए टैब में खुलता है)',
  },
} satisfies LocaleTable;
