import type { LocaleTable } from '../locale.js';

/** Greek (Ελληνικά). Register: formal (plural "εσείς"), the polite form Greek customer and employee surveys use. */
export default {
  tag: 'el',
  dir: 'ltr',
  strings: {
    question: 'Πόσο πιθανό είναι να προτείνετε την εταιρεία {brand} σε έναν φίλο ή συνάδελφο;',
    questionNoBrand: 'Πόσο πιθανό είναι να μας προτείνετε σε έναν φίλο ή συνάδελφο;',
    questionEnps: 'Πόσο πιθανό είναι να προτείνετε τον οργανισμό {brand} ως χώρο εργασίας;',
    questionEnpsNoBrand: 'Πόσο πιθανό είναι να προτείνετε τον οργανισμό μας ως χώρο εργασίας;',
    lowLabel: 'Καθόλου πιθανό',
    highLabel: 'Εξαιρετικά πιθανό',
    followUp: 'Ποιος είναι ο κύριος λόγος για τη βαθμολογία σας;',
    placeholder: 'Προαιρετικό',
    submitLabel: 'Υποβολή',
    thankYou: 'Σας ευχαριστούμε! Τα σχόλιά σας μας βοηθούν να βελτιωνόμαστε.',
    closeLabel: 'Κλείσιμο',
    choiceEnd: '{n}, {label}',
    announcement: 'Στο τέλος της σελίδας άνοιξε μια έρευνα με μία ερώτηση: {question}',
    consentQuestion: 'Μπορούμε να επικοινωνήσουμε μαζί σας σχετικά με την απάντησή σας;',
    consentYes: 'Ναι',
    consentNo: 'Όχι',
    promoterLinkText: 'Γράψτε μια κριτική',
    opensInNewTab: '(ανοίγει σε νέα καρτέλα)',
  },
} satisfies LocaleTable;
