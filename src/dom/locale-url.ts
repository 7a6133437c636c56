/**
 * Loads a locale file from a folder URL with a native dynamic import: no element is added to
 * the page, and a strict CSP needs nothing beyond allowing scripts from that folder.
 */
import type { LocaleTable } from '../core/locale.js';
import { isLocaleTable } from '../core/locale.js';

export async function loadLocaleFrom(folder: string, tag: string): Promise<LocaleTable> {
  const url = new URL(`${tag}.js`, folder.endsWith('/') ? folder : `${folder}/`).href;
  const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  if (!isLocaleTable(module.default) || module.default.tag !== tag) throw new Error(`${url} is not the "${tag}" locale table`);
  return module.default;
}
