/**
 * Loads a locale file from a folder URL with a native dynamic import: no element is added to
 * the page, and a strict CSP needs nothing beyond allowing scripts from that folder.
 */
import type { BuiltInLocale, LocaleTable, pickLocale } from '../core/locale.js';

export const NO_FOLDER = "the script's own URL is unknown; set the localesUrl option";
import { isLocaleTable } from '../core/locale.js';

const inFolder = (folder: string, file: string) => new URL(file, folder.endsWith('/') ? folder : `${folder}/`).href;

export async function loadLocaleFrom(folder: string, tag: string): Promise<LocaleTable> {
  const url = inFolder(folder, `${tag}.js`);
  const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  if (!isLocaleTable(module.default) || module.default.tag !== tag) throw new Error(`${url} is not the "${tag}" locale table`);
  return module.default;
}

/**
 * The locale for these candidates (most wanted first). When the first is English the answer
 * is known without the matcher, which is then never fetched; otherwise it loads from the folder.
 */
export async function pickLocaleFrom(folder: string | null, ...wanted: Parameters<typeof pickLocale>): Promise<BuiltInLocale> {
  const first = [wanted[0], wanted[1], ...wanted[2]].find(Boolean);
  if (!first || /^en(?![a-z])/i.test(first)) return 'en';
  if (!folder) throw new Error(NO_FOLDER);
  const url = inFolder(folder, 'match.js');
  const module = (await import(/* @vite-ignore */ url)) as { pickLocale?: typeof pickLocale };
  if (typeof module.pickLocale !== 'function') throw new Error(`${url} is not the locale matcher`);
  return module.pickLocale(...wanted);
}
