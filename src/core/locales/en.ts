import type { LocaleTable } from '../locale.js';

/** English: the wording every other table translates, and the one built into the script. */
export default {
  tag: 'en',
  dir: 'ltr',
  strings: {
    question: 'How likely are you to recommend {brand} to a friend or colleague?',
    questionNoBrand: 'How likely are you to recommend us to a friend or colleague?',
    questionEnps: 'How likely are you to recommend {brand} as a place to work?',
    questionEnpsNoBrand: 'How likely are you to recommend our organisation as a place to work?',
    lowLabel: 'Not at all likely',
    highLabel: 'Extremely likely',
    followUp: 'What is the primary reason for your score?',
    placeholder: 'Optional',
    submitLabel: 'Submit',
    thankYou: 'Thank you! Your feedback helps us improve.',
    closeLabel: 'Close',
    choiceEnd: '{n}, {label}',
    announcement: 'A one-question survey has opened at the end of the page: {question}',
    consentQuestion: 'May we contact you about your answer?',
    consentYes: 'Yes',
    consentNo: 'No',
    promoterLinkText: 'Leave a review',
    opensInNewTab: '(opens in a new tab)',
  },
} satisfies LocaleTable;
