/**
 * Loads locale files from a folder URL with a native dynamic import: no element is added to
 * the page, and a strict CSP needs nothing beyond allowing scripts from that folder.
 */
import type { BuiltInLocale, LocaleTable, pickLocale } from '../core/locale.js';
import { isLocaleTable } from '../core/locale.js';

const inFolder = (folder: string, file: string) => new URL(file, folder.endsWith('/') ? folder : `${folder}/`).href;

export async function loadLocaleFrom(folder: string, tag: string): Promise<LocaleTable> {
  const url = inFolder(folder, `${tag}.js`);
  const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  if (!isLocaleTable(module.default) || module.default.tag !== tag) throw new Error(`${url} is not the "${tag}" locale table`);
  return module.default;
}

/** The locale for these candidates (most wanted first), by the matcher in the folder (match.js). */
export async function pickLocaleFrom(folder: string, ...wanted: Parameters<typeof pickLocale>): Promise<BuiltInLocale> {
  const url = inFolder(folder, 'match.js');
  const module = (await import(/* @vite-ignore */ url)) as { pickLocale?: typeof pickLocale };
  if (typeof module.pickLocale !== 'function') throw new Error(`${url} is not the locale matcher`);
  return module.pickLocale(...wanted);
}
