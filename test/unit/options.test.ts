import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/core/all-options.js';
import { optionsFromDataset, parseShowOptions } from '../../src/core/options.js';

const BASE = 'https://shop.example/checkout?step=2';

describe('parseOptions', () => {
  it('needs only the endpoint and fills in every default', () => {
    const { value, errors, warnings } = parseOptions({ endpoint: '/api/nps' }, BASE);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({
      endpoint: '/api/nps',
      kind: 'nps',
      surveyId: 'nps',
      show: 'auto',
      locale: null,
      theme: 'light',
      autoCloseSeconds: 4,
      credentials: 'omit',
      user: null,
      metadata: {},
    });
  });

  it('names the option, the value and what is allowed', () => {
    const { value, errors } = parseOptions({ endpoint: '/x', kind: 'employee', autoCloseSeconds: -1 }, BASE);
    expect(value).toBeNull();
    expect(errors).toEqual(['option "kind" is "employee"; allowed: "nps" or "enps"', 'option "autoCloseSeconds" is -1; allowed: a number from 0 to 600']);
  });

  it('reports a missing endpoint', () => {
    expect(parseOptions({ brand: 'Acme' }, BASE).errors).toEqual([
      'option "endpoint" is missing; allowed: an https: URL, a same-origin path, or http: on localhost',
    ]);
  });

  it.each([
    ['/api/nps', true],
    ['https://api.example.com/nps', true],
    ['http://127.0.0.1:8080/nps', true],
    ['http://localhost/nps', true],
    ['http://api.example.com/nps', false],
    ['javascript:alert(1)', false],
    ['data:text/plain,hi', false],
    ['   ', false],
  ])('endpoint %s accepted: %s', (endpoint, ok) => {
    expect(parseOptions({ endpoint }, BASE).value !== null).toBe(ok);
  });

  it('checks colours and per-locale wording', () => {
    expect(parseOptions({ endpoint: '/x', accentColor: 'teal' }, BASE).errors).toEqual([
      'option "accentColor" is "teal"; allowed: a colour as #rgb, #rrggbb or rgb(r, g, b)',
    ]);
    expect(parseOptions({ endpoint: '/x', accentColor: '#0a7', strings: { fi: { thankYou: 'Kiitos!' } } }, BASE).errors).toEqual([]);
    expect(parseOptions({ endpoint: '/x', strings: { fi: { thanks: 'Kiitos!' } } }, BASE).errors[0]).toMatch(
      /^option "strings" is \{"fi":\{"thanks":"Kiitos!"\}\}; allowed: an object of locale tags to objects of wording \(question, /,
    );
  });

  it('rejects metadata that is not flat', () => {
    const { errors } = parseOptions({ endpoint: '/x', metadata: { order: { id: 1 } } }, BASE);
    expect(errors[0]).toContain('option "metadata" is {"order":{"id":1}}; allowed: a flat object');
  });

  it('warns about unknown options without failing', () => {
    const { value, warnings } = parseOptions({ endpoint: '/x', colour: 'red' }, BASE);
    expect(value).not.toBeNull();
    expect(warnings).toEqual(['unknown option "colour" is ignored']);
  });

  it('treats names inherited from Object as unknown options, not as rules', () => {
    const { value, warnings } = parseOptions({ endpoint: '/x', toString: 1, constructor: 'x', hasOwnProperty: true }, BASE);
    expect(value).not.toBeNull();
    expect(warnings).toEqual(['unknown option "toString" is ignored', 'unknown option "constructor" is ignored', 'unknown option "hasOwnProperty" is ignored']);
  });

  it('refuses something that is not an options object', () => {
    expect(parseOptions('/api/nps', BASE).errors[0]).toMatch(/options must be an object/);
  });
});

describe('scales, consent and the promoter link', () => {
  it('defaults to the 0-10 scale, no consent step and no link', () => {
    expect(parseOptions({ endpoint: '/x' }, BASE).value).toMatchObject({
      scale: '0-10',
      promoterMin: null,
      passiveMin: null,
      askConsent: false,
      promoterLink: null,
    });
  });

  it('takes a legacy scale with its own thresholds', () => {
    const { value, errors } = parseOptions({ endpoint: '/x', scale: '1-5', promoterMin: 4, passiveMin: 3 }, BASE);
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ scale: '1-5', promoterMin: 4, passiveMin: 3 });
  });

  it('names a scale that is not offered', () => {
    expect(parseOptions({ endpoint: '/x', scale: '0-5' }, BASE).errors).toEqual(['option "scale" is "0-5"; allowed: "0-10" or "1-10" or "1-7" or "1-5"']);
  });

  it('refuses thresholds that do not fit the scale, and any change to NPS thresholds on 0-10', () => {
    expect(parseOptions({ endpoint: '/x', scale: '1-5', promoterMin: 7 }, BASE)).toMatchObject({
      value: null,
      errors: ['options "passiveMin" and "promoterMin": passiveMin 4 and promoterMin 7 do not fit the 1-5 scale; allowed: 1 < passiveMin <= promoterMin <= 5'],
    });
    expect(parseOptions({ endpoint: '/x', promoterMin: 8 }, BASE).errors).toEqual([
      'options "passiveMin" and "promoterMin": passiveMin 7 and promoterMin 8 do not fit the 0-10 scale; allowed: 7 and 9 (NPS)',
    ]);
    expect(parseOptions({ endpoint: '/x', scale: '1-7', passiveMin: 2.5 }, BASE).errors).toEqual([
      'option "passiveMin" is 2.5; allowed: an integer from 1 to 10',
    ]);
  });

  it('takes a promoter link over https or to the same site, never a script URL', () => {
    expect(parseOptions({ endpoint: '/x', promoterLink: ' https://reviews.example/acme?stars={score} ' }, BASE).value?.promoterLink).toBe(
      'https://reviews.example/acme?stars={score}',
    );
    expect(parseOptions({ endpoint: '/x', promoterLink: '/review' }, BASE).value?.promoterLink).toBe('/review');
    for (const link of ['javascript:alert(1)', 'http://reviews.example/', 'data:text/html,hi']) {
      expect(parseOptions({ endpoint: '/x', promoterLink: link }, BASE).errors[0]).toMatch(
        /^option "promoterLink" is .*; allowed: an https: URL, a same-origin path, or http: on localhost$/,
      );
    }
  });

  it('reads the new options from data attributes', () => {
    const options = optionsFromDataset({ endpoint: '/x', scale: '1-7', promoterMin: '7', passiveMin: '5', askConsent: '', promoterLink: '/review' });
    expect(parseOptions(options, BASE).value).toMatchObject({ scale: '1-7', promoterMin: 7, passiveMin: 5, askConsent: true, promoterLink: '/review' });
  });
});

describe('optionsFromDataset', () => {
  it("turns data attributes into typed options by the option tables: the loader's at once, the survey's when checked", () => {
    const options = optionsFromDataset({ endpoint: '/x', brand: 'Acme', autoCloseSeconds: '0', debug: '', show: 'manual' });
    expect(Object.fromEntries(Object.entries(options))).toEqual({ endpoint: '/x', brand: 'Acme', autoCloseSeconds: '0', debug: true, show: 'manual' });
    const { value, errors } = parseOptions(options, BASE);
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ brand: 'Acme', autoCloseSeconds: 0, debug: true, show: 'manual' });
  });

  it('converts text only for data attributes: code that passes a number as text is told so', () => {
    expect(parseOptions({ endpoint: '/x', autoCloseSeconds: '0' }, BASE).errors).toEqual(['option "autoCloseSeconds" is "0"; allowed: a number from 0 to 600']);
    expect(parseOptions({ endpoint: '/x', delaySeconds: '5' }, BASE).errors).toEqual(['option "delaySeconds" is "5"; allowed: a number from 0 to 86400']);
  });

  it('passes unconvertible values through so validation names them', () => {
    const options = optionsFromDataset({ endpoint: '/x', autoCloseSeconds: 'soon' });
    expect(parseOptions(options, BASE).errors).toEqual(['option "autoCloseSeconds" is "soon"; allowed: a number from 0 to 600']);
  });
});

describe('parseShowOptions', () => {
  it('accepts touchpoint, anchor selector, metadata and force', () => {
    const { value } = parseShowOptions({ touchpoint: 'checkout', anchor: '#done', metadata: { orderId: 'A-1' }, force: true });
    expect(value).toEqual({ touchpoint: 'checkout', anchor: '#done', metadata: { orderId: 'A-1' }, force: true });
  });

  it('names bad show options', () => {
    expect(parseShowOptions({ touchpoint: 3, anchor: {} }).errors).toEqual([
      'show option "touchpoint" is 3; allowed: a non-empty string',
      'show option "anchor" is {}; allowed: an Element or a CSS selector',
    ]);
  });
});
