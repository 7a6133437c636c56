/**
 * Languages: the shape of a locale table, which built-in locale a visitor gets, and the
 * filling of placeholders. Pure: the page's languages are passed in.
 */
import en from './locales/en.js';

export interface LocaleStrings {
  /** The NPS question; `{brand}` is the brand name. */
  question: string;
  /** The NPS question when no brand is configured ("recommend us"). */
  questionNoBrand: string;
  /** The eNPS question; `{brand}` is the organisation's name. */
  questionEnps: string;
  questionEnpsNoBrand: string;
  lowLabel: string;
  highLabel: string;
  followUp: string;
  placeholder: string;
  submitLabel: string;
  thankYou: string;
  /** Accessible name of the close button. */
  closeLabel: string;
  /** Accessible name of choices 0 and 10: `{n}` the number, `{label}` its end label. */
  choiceEnd: string;
  /** Told to screen readers, politely, when the survey appears by itself; `{question}` is the question. */
  announcement: string;
  /** With `askConsent`: asked after the reason, answered with consentYes / consentNo. */
  consentQuestion: string;
  consentYes: string;
  consentNo: string;
  /** The promoters' thank-you link (`promoterLink`), e.g. to a review site. */
  promoterLinkText: string;
  /** Told to screen readers after a link that opens a new tab. */
  opensInNewTab: string;
}

export type StringKey = keyof LocaleStrings;

/**
 * The keys every table has, read off the English table (built in anyway) instead of listed a
 * second time: its `satisfies LocaleTable` lets it have none missing and none extra.
 */
export const STRING_KEYS = /* @__PURE__ */ Object.keys(en.strings) as readonly StringKey[];

export interface LocaleTable {
  /** BCP 47 tag, as reported in the payload's `locale`. */
  tag: string;
  dir: 'ltr' | 'rtl';
  strings: LocaleStrings;
}

/** Placeholders each string must keep in every translation. */
export const PLACEHOLDERS: Partial<Record<StringKey, readonly string[]>> = {
  question: ['{brand}'],
  questionEnps: ['{brand}'],
  choiceEnd: ['{n}', '{label}'],
  announcement: ['{question}'],
};

export { LOCALES, type BuiltInLocale, matchLocale, pickLocale } from './locale-match.js';

/** Whether a loaded module's export is a complete locale table. */
export function isLocaleTable(value: unknown): value is LocaleTable {
  const table = value as Partial<LocaleTable> | null;
  if (typeof table !== 'object' || table === null || typeof table.tag !== 'string') return false;
  if (table.dir !== 'ltr' && table.dir !== 'rtl') return false;
  const strings = table.strings as Record<string, unknown> | undefined;
  return STRING_KEYS.every((key) => typeof strings?.[key] === 'string' && strings[key] !== '');
}

/** Replaces `{name}` placeholders; unknown ones are left as they are. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
