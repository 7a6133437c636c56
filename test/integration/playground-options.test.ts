/**
 * The playground's form is built from its own list of options (demo/playground/options.js):
 * these tests fail as soon as that list and the widget's option table drift apart.
 */
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, parseOptions } from '../../src/core/all-options.js';
import { parseShowOptions } from '../../src/core/options.js';
import { NOT_IN_FORM, OPTIONS } from '../../demo/playground/options.js';

const widgetOptions = OPTIONS.filter((option) => !option.scope);
const inTable = (name: string) => (OPTION_NAMES as readonly string[]).includes(name);
const BASE_URL = 'http://127.0.0.1:5178/playground.html';

describe('the playground option list', () => {
  it('has every option of the widget a form can hold; the rest are named with the reason', () => {
    const listed = new Set(widgetOptions.map((option) => option.name));
    expect(OPTION_NAMES.filter((name) => !listed.has(name) && !Object.hasOwn(NOT_IN_FORM, name))).toEqual([]);
    expect(Object.keys(NOT_IN_FORM).filter((name) => !inTable(name))).toEqual([]);
    expect(widgetOptions.filter((option) => Object.hasOwn(NOT_IN_FORM, option.name))).toEqual([]);
  });

  it('lists nothing the widget lacks, except options it offers only where the loaded widget accepts them', () => {
    const unknown = widgetOptions.filter((option) => !inTable(option.name));
    expect(unknown.filter((option) => !option.whenAccepted).map((option) => option.name)).toEqual([]);
    expect(new Set(OPTIONS.map((option) => option.name)).size).toBe(OPTIONS.length);
  });

  it("shows the widget's own defaults", () => {
    const defaults = parseOptions({ endpoint: '/api/nps' }, BASE_URL).value as unknown as Record<string, unknown>;
    for (const option of widgetOptions.filter((o) => inTable(o.name) && !o.required)) {
      expect(defaults[option.name] ?? null, option.name).toEqual(option.default);
    }
  });

  it('offers exactly the values the widget allows for each choice', () => {
    for (const option of widgetOptions.filter((o) => o.input === 'choice' && inTable(o.name))) {
      for (const choice of option.choices ?? []) {
        expect(parseOptions({ endpoint: '/api/nps', [option.name]: choice, container: '#slot' }, BASE_URL).errors, `${option.name}: ${choice}`).toEqual([]);
      }
      // The widget's refusal names what it allows: the same values, no more.
      const [refusal] = parseOptions({ endpoint: '/api/nps', [option.name]: 'none of these' }, BASE_URL).errors;
      const allowed = [...(refusal?.split('allowed: ')[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1]);
      expect(allowed, option.name).toEqual(option.choices);
    }
  });

  it('takes numbers, booleans and texts where the widget does', () => {
    const samples: Record<string, unknown> = { number: 1, boolean: true, text: 'Acme', color: '#1e40af', locale: 'fi' };
    for (const option of widgetOptions.filter((o) => o.input !== 'choice' && inTable(o.name))) {
      // Thresholds are only the site's to set off 0-10.
      const threshold = option.name === 'promoterMin' || option.name === 'passiveMin';
      const value = option.name === 'endpoint' ? '/collect' : option.name === 'zIndex' ? 10 : threshold ? 8 : samples[option.input];
      expect(parseOptions({ endpoint: '/api/nps', ...(threshold ? { scale: '1-10' } : {}), [option.name]: value }, BASE_URL).errors, option.name).toEqual([]);
    }
  });

  it('keeps show() options apart, and show() knows them', () => {
    const showOptions = OPTIONS.filter((option) => option.scope === 'show');
    expect(showOptions.map((option) => option.name)).toEqual(['touchpoint']);
    expect(parseShowOptions({ touchpoint: 'checkout' }).warnings).toEqual([]);
  });
});
