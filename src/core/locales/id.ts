import type { LocaleTable } from '../locale.js';

/** Indonesian (Bahasa Indonesia). Register: formal, addressing the respondent as "Anda", the standard for Indonesian customer and employee surveys. */
export default {
  tag: 'id',
  dir: 'ltr',
  strings: {
    question: 'Seberapa besar kemungkinan Anda merekomendasikan {brand} kepada teman atau kolega?',
    questionNoBrand: 'Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman atau kolega?',
    questionEnps: 'Seberapa besar kemungkinan Anda merekomendasikan {brand} sebagai tempat bekerja?',
    questionEnpsNoBrand: 'Seberapa besar kemungkinan Anda merekomendasikan organisasi kami sebagai tempat bekerja?',
    lowLabel: 'Sangat tidak mungkin',
    highLabel: 'Sangat mungkin',
    followUp: 'Apa alasan utama Anda memberikan skor tersebut?',
    placeholder: 'Opsional',
    submitLabel: 'Kirim',
    thankYou: 'Terima kasih! Masukan Anda membantu kami menjadi lebih baik.',
    closeLabel: 'Tutup',
    choiceEnd: '{n}, {label}',
    announcement: 'Survei berisi satu pertanyaan telah muncul di akhir halaman: {question}',
    consentQuestion: 'Bolehkah kami menghubungi Anda terkait jawaban Anda?',
    consentYes: 'Ya',
    consentNo: 'Tidak',
    promoterLinkText: 'Tulis ulasan',
    opensInNewTab: '(terbuka di tab baru)',
  },
} satisfies LocaleTable;
