import type { LocaleTable } from '../locale.js';

/** Turkish (Türkçe). Register: formal ("siz" and its verb and possessive forms), as Turkish customer and employee surveys use. */
export default {
  tag: 'tr',
  dir: 'ltr',
  strings: {
    question: '{brand} markasını bir arkadaşınıza veya meslektaşınıza tavsiye etme olasılığınız nedir?',
    questionNoBrand: 'Bizi bir arkadaşınıza veya meslektaşınıza tavsiye etme olasılığınız nedir?',
    questionEnps: '{brand} kurumunu çalışılacak bir yer olarak tavsiye etme olasılığınız nedir?',
    questionEnpsNoBrand: 'Kurumumuzu çalışılacak bir yer olarak tavsiye etme olasılığınız nedir?',
    lowLabel: 'Hiç olası değil',
    highLabel: 'Son derece olası',
    followUp: 'Verdiğiniz puanın temel nedeni nedir?',
    placeholder: 'İsteğe bağlı',
    submitLabel: 'Gönder',
    thankYou: 'Teşekkür ederiz! Görüşleriniz kendimizi geliştirmemize yardımcı oluyor.',
    closeLabel: 'Kapat',
    choiceEnd: '{n}, {label}',
    announcement: 'Sayfanın sonunda tek soruluk bir anket açıldı: {question}',
    consentQuestion: 'Yanıtınızla ilgili sizinle iletişime geçebilir miyiz?',
    consentYes: 'Evet',
    consentNo: 'Hayır',
    promoterLinkText: 'Yorum yazın',
    opensInNewTab: '(yeni sekmede açılır)',
  },
} satisfies LocaleTable;
