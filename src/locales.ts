/**
 * Built-in locale tables for the ESM package: each is its own chunk (dist/locales/<tag>.js),
 * so a bundle pays only for the languages its visitors use. English is in the main chunk.
 */
import type { LocaleTable } from './core/locale.js';

const tables = import.meta.glob<LocaleTable>(['./core/locales/*.ts', '!./core/locales/en.ts'], { import: 'default' });

export function loadPackagedLocale(tag: string): Promise<LocaleTable> {
  const load = tables[`./core/locales/${tag}.ts`];
  return load ? load() : Promise.reject(new Error(`no built-in locale "${tag}"`));
}
