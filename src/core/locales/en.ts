/** English wording: the defaults every text option falls back to. `{brand}` is filled in. */
export const en = {
  question: 'How likely are you to recommend {brand} to a friend or colleague?',
  questionEnps: 'How likely are you to recommend {brand} as a place to work?',
  /** Used for {brand} when no brand is configured: "recommend us to a friend". */
  brandFallback: 'us',
  lowLabel: 'Not at all likely',
  highLabel: 'Extremely likely',
  followUp: 'What is the primary reason for your score?',
  placeholder: '',
  submitLabel: 'Submit',
  thankYou: 'Thank you! Your feedback helps us improve.',
  closeLabel: 'Close',
} as const;

export type Strings = { -readonly [K in keyof typeof en]: string };
