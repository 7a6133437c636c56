/**
 * Which built-in locale a visitor gets. A module of its own with no imports, because the
 * script-tag file does not carry it: a page whose first language is English never needs it,
 * and other pages load it from the locale folder (dist/locales/match.js) just before their
 * locale file. Pure: the page's languages are passed in.
 */

/** Every built-in locale. English is in the script; the others load on demand. */
export const LOCALES = [
  'en',
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'es-419',
  'et',
  'fa',
  'fi',
  'fr',
  'ga',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'is',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-Hans',
  'zh-Hant',
] as const;

export type BuiltInLocale = (typeof LOCALES)[number];

/** Spanish as spoken in the Americas (and UN M.49 "Latin America and the Caribbean"). */
const LATIN_AMERICA = new Set(['419', 'AR', 'BO', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PR', 'PY', 'SV', 'US', 'UY', 'VE']);
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
