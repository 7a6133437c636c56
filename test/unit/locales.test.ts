// @vitest-environment node
/**
 * Every built-in locale: complete, translated, placeholders intact; and which one a visitor gets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, PLACEHOLDERS, STRING_KEYS, type LocaleTable, isLocaleTable, matchLocale, pickLocale, fill } from '../../src/core/locale.js';
import en from '../../src/core/locales/en.js';
import { loadLocale as loadPackagedLocale } from '../../src/survey/packaged-locales.js';

const folder = new URL('../../src/core/locales/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
const tables = new Map<string, LocaleTable>([['en', en]]);
for (const tag of LOCALES) if (tag !== 'en') tables.set(tag, await loadPackagedLocale(tag));

/** The same text as English is fine only where the language genuinely writes it so. */
const SAME_AS_ENGLISH_ALLOWED = new Set(['choiceEnd', 'consentNo']);

describe('built-in locales', () => {
  it('has one file per listed locale, at least 38 of them', () => {
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...LOCALES].sort());
    expect(LOCALES.length).toBeGreaterThanOrEqual(38);
    for (const required of [
      'en',
      'fi',
      'hu',
      'bg',
      'hr',
      'cs',
      'da',
      'nl',
      'et',
      'fr',
      'de',
      'el',
      'ga',
      'it',
      'lv',
      'lt',
      'mt',
      'pl',
      'pt',
      'ro',
      'sk',
      'sl',
      'es',
      'sv',
      'nb',
      'is',
      'tr',
      'ru',
      'uk',
      'ar',
      'he',
      'fa',
      'hi',
      'ja',
      'ko',
      'zh-Hans',
      'zh-Hant',
      'id',
      'vi',
      'th',
      'pt-BR',
      'es-419',
    ]) {
      expect(LOCALES).toContain(required);
    }
  });

  describe.each([...LOCALES])('%s', (tag) => {
    const table = tables.get(tag)!;

    it('is a complete table under its own tag', () => {
      expect(isLocaleTable(table)).toBe(true);
      expect(table.tag).toBe(tag);
      expect(Object.keys(table.strings).sort()).toEqual([...STRING_KEYS].sort());
      expect(table.dir).toBe(['ar', 'he', 'fa'].includes(tag) ? 'rtl' : 'ltr');
    });

    it('has no empty, untranslated or HTML strings', () => {
      for (const key of STRING_KEYS) {
        const text = table.strings[key];
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toMatch(/<[a-z/]/i);
        if (tag !== 'en' && !SAME_AS_ENGLISH_ALLOWED.has(key)) expect(text, `${key} is still English`).not.toBe(en.strings[key]);
      }
    });

    it('keeps its placeholders, and the choice names begin with the number', () => {
      for (const [key, placeholders] of Object.entries(PLACEHOLDERS)) {
        const text = table.strings[key as keyof typeof table.strings];
        for (const placeholder of placeholders ?? []) expect(text.split(placeholder).length - 1, `${key} ${placeholder}`).toBe(1);
      }
      for (const key of STRING_KEYS) {
        const unknown = [...table.strings[key].matchAll(/\{(\w+)\}/g)].map((m) => m[0]).filter((p) => !(PLACEHOLDERS[key] ?? []).includes(p));
        expect(unknown, key).toEqual([]);
      }
      expect(table.strings.choiceEnd.startsWith('{n}')).toBe(true);
    });

    it('ships as a standalone file with no runtime imports', () => {
      const source = readFileSync(new URL(`${tag}.ts`, folder), 'utf8');
      expect(source.match(/^import .*$/gm) ?? []).toEqual(["import type { LocaleTable } from '../locale.js';"]);
    });
  });
});

describe('which locale a visitor gets', () => {
  it.each([
    ['fi', 'fi'],
    ['fi-FI', 'fi'],
    ['de-AT', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['pt', 'pt'],
    ['es-MX', 'es-419'],
    ['es-419', 'es-419'],
    ['es-ES', 'es'],
    ['zh-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['en_GB', 'en'],
    ['iw', 'he'],
    ['xx-YY', null],
  ])('%s -> %s', (requested, expected) => {
    expect(matchLocale(requested)).toBe(expected);
  });

  it('prefers the option, then the page, then the browser, then English', () => {
    expect(pickLocale('fi', 'de', ['sv'])).toBe('fi');
    expect(pickLocale(null, 'de-CH', ['sv'])).toBe('de');
    expect(pickLocale(null, null, ['xx', 'sv-FI', 'fi'])).toBe('sv');
    expect(pickLocale('tlh', '', ['xx'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(fill('{n}, {label} {other}', { n: '0', label: 'Ei' })).toBe('0, Ei {other}');
  });
});
