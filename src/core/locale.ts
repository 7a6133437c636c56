/**
 * Languages: the shape of a locale table, which built-in locale a visitor gets, and the
 * filling of placeholders. Pure: the page's languages are passed in.
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
}

export type StringKey = keyof LocaleStrings;

export const STRING_KEYS: readonly StringKey[] = [
  'question', 'questionNoBrand', 'questionEnps', 'questionEnpsNoBrand', 'lowLabel', 'highLabel', 'followUp',
  'placeholder', 'submitLabel', 'thankYou', 'closeLabel', 'choiceEnd', 'announcement',
];

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

/** Every built-in locale. English is in the script; the others load on demand. */
export const LOCALES = [
  'en', 'ar', 'bg', 'cs', 'da', 'de', 'el', 'es', 'es-419', 'et', 'fa', 'fi', 'fr', 'ga', 'he', 'hi',
  'hr', 'hu', 'id', 'is', 'it', 'ja', 'ko', 'lt', 'lv', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro',
  'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'uk', 'vi', 'zh-Hans', 'zh-Hant',
] as const;

export type BuiltInLocale = (typeof LOCALES)[number];

/** Spanish as spoken in the Americas (and UN M.49 "Latin America and the Caribbean"). */
const LATIN_AMERICA = new Set([
  '419', 'AR', 'BO', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PR', 'PY', 'SV', 'US', 'UY', 'VE',
]);
const TRADITIONAL_CHINESE = new Set(['TW', 'HK', 'MO']);

/** The built-in locale that serves one requested tag, or null when none does. */
export function matchLocale(requested: string): BuiltInLocale | null {
  const [language = '', ...rest] = requested.trim().replaceAll('_', '-').split('-');
  const base = language.toLowerCase();
  const subtags = rest.map((s) => (s.length === 4 ? s[0]?.toUpperCase() + s.slice(1).toLowerCase() : s.toUpperCase()));
  const script = subtags.find((s) => s.length === 4);
  const region = subtags.find((s) => s.length === 2 || s.length === 3);
  if (base === 'zh') return script === 'Hant' || (!script && region && TRADITIONAL_CHINESE.has(region)) ? 'zh-Hant' : 'zh-Hans';
  if (base === 'es') return region && LATIN_AMERICA.has(region) ? 'es-419' : 'es';
  if (base === 'pt') return region === 'BR' ? 'pt-BR' : 'pt';
  // Norwegian: Bokmål serves "no" and Nynorsk readers far better than English would.
  if (base === 'no' || base === 'nn') return 'nb';
  if (base === 'iw') return 'he'; // the tag Java and old Android still send
  return (LOCALES as readonly string[]).includes(base) ? (base as BuiltInLocale) : null;
}

/**
 * The locale a visitor gets: the `locale` option, then the page's `<html lang>`, then the
 * browser's languages, each falling back from region to base language; English otherwise.
 */
export function pickLocale(option: string | null, pageLang: string | null, browser: readonly string[]): BuiltInLocale {
  for (const candidate of [option, pageLang, ...browser]) {
    if (!candidate) continue;
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return 'en';
}

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
