/**
 * Languages: the shape of a locale table, which built-in locale a visitor gets, and the
 * filling of placeholders. Pure: the page's languages are passed in. It imports no table:
 * the tables (English included) import their shape from here, and the option checks that
 * need the keys do not pull in any wording.
 */

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
 * The keys every table has. Listed, not read off the English table: the option checks on
 * every page need the keys, and only a survey that shows needs the English words. The type
 * below fails the build when a key of LocaleStrings is missing here.
 */
export const STRING_KEYS = [
  'question',
  'questionNoBrand',
  'questionEnps',
  'questionEnpsNoBrand',
  'lowLabel',
  'highLabel',
  'followUp',
  'placeholder',
  'submitLabel',
  'thankYou',
  'closeLabel',
  'choiceEnd',
  'announcement',
  'consentQuestion',
  'consentYes',
  'consentNo',
  'promoterLinkText',
  'opensInNewTab',
] as const satisfies readonly StringKey[];
type Listed<T extends true> = T;
/** Compiles only while STRING_KEYS lists every key of LocaleStrings. */
export type EveryKeyListed = Listed<Exclude<StringKey, (typeof STRING_KEYS)[number]> extends never ? true : false>;

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

/**
 * Whether English serves these candidates without asking the matcher: the first language
 * wanted (the option, the page's, the browser's first) is English, or none is given.
 */
export function englishFirst(option: string | null, pageLang: string | null, browser: readonly string[]): boolean {
  const first = [option, pageLang, ...browser].find(Boolean);
  return !first || /^en(?![a-z])/i.test(first);
}
