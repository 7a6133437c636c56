/**
 * The package's languages: the matcher and the locale tables, each table its own chunk
 * (dist/locales/<tag>.js), so a bundle pays only for the languages its visitors use. English
 * is in the survey; a survey loads this module only for a visitor whose first language is not.
 */
import type { LocaleTable } from '../core/locale.js';

export { pickLocale } from '../core/locale-match.js';

const tables = import.meta.glob<LocaleTable>(['../core/locales/*.ts', '!../core/locales/en.ts'], { import: 'default' });

export function loadLocale(tag: string): Promise<LocaleTable> {
  const load = tables[`../core/locales/${tag}.ts`];
  return load ? load() : Promise.reject(new Error(`no built-in locale "${tag}"`));
}
