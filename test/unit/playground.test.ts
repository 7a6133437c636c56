/**
 * The playground's install code, read and written: each form carries exactly the non-default
 * options, reads back to the same options (with hand edits), and anything it cannot read is
 * refused with a reason, never run. Also its links and its advice.
 */
import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../demo/playground/advice.js';
import { fromQuery, toQuery } from '../../demo/playground/link.js';
import { readSnippet } from '../../demo/playground/paste.js';
import { snippetsFor } from '../../demo/playground/snippets.js';

const SCRIPT = 'http://127.0.0.1:5178/nps-widget.js';
const ENDPOINT = 'http://127.0.0.1:5178/api/nps';

/** Options a site owner might choose, with text that needs escaping in every form. */
const chosen = {
  endpoint: ENDPOINT,
  brand: `Acme's "Goods" </script> & co`,
  surveyId: 'checkout',
  kind: 'enps',
  placement: 'inline',
  resurveyDays: 0,
  followUpDetractor: 'What went wrong?',
  exitIntent: true,
  show: 'manual',
  touchpoint: 'checkout',
  sampleRate: 0.25,
};

describe('snippetsFor', () => {
  it('writes the README forms with only the endpoint when nothing else is chosen', () => {
    const { scriptTag, asyncSnippet, esm } = snippetsFor({ endpoint: ENDPOINT, brand: '', kind: 'nps', resurveyDays: 90 }, SCRIPT);

    expect(scriptTag).toBe(`<script src="${SCRIPT}"\n        data-endpoint="${ENDPOINT}"\n        async></script>`);
    expect(asyncSnippet).toBe(
      [
        '<script>',
        '  window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };',
        `  nps('init', { endpoint: '${ENDPOINT}' });`,
        '</script>',
        `<script async src="${SCRIPT}"></script>`,
      ].join('\n'),
    );
    expect(esm).toBe(`import { createNpsWidget } from 'nps-widget';\n\ncreateNpsWidget({ endpoint: '${ENDPOINT}' });`);
  });

  it('names data attributes in kebab case, writes true as a bare attribute and escapes HTML', () => {
    const { scriptTag } = snippetsFor(chosen, SCRIPT);

    expect(scriptTag).toContain('data-resurvey-days="0"');
    expect(scriptTag).toContain('data-follow-up-detractor="What went wrong?"');
    expect(scriptTag).toMatch(/^\s+data-exit-intent$/m);
    expect(scriptTag).toContain('data-brand="Acme\'s &quot;Goods&quot; &lt;/script&gt; &amp; co"');
    // An inline survey needs its container, in the page and in the options.
    expect(scriptTag).toContain('<div id="nps-survey"></div>');
    expect(scriptTag).toContain('data-container="#nps-survey"');
    // A manual survey with a touchpoint is shown by a call.
    expect(scriptTag).toContain("nps('show', { touchpoint: 'checkout' });");
  });

  it('keeps a brand with </script> from closing the script it is written in', () => {
    const { asyncSnippet, esm } = snippetsFor(chosen, SCRIPT);
    const page = new DOMParser().parseFromString(asyncSnippet, 'text/html');

    expect(page.querySelectorAll('script')).toHaveLength(2);
    expect(asyncSnippet).toContain(`brand: 'Acme\\'s "Goods" <\\/script> & co',`);
    expect(esm).toContain('const widget = createNpsWidget({\n  endpoint:');
    expect(esm).toContain("widget.show({ touchpoint: 'checkout' });");
  });
});

describe('readSnippet', () => {
  const forms = { scriptTag: 'the script tag', asyncSnippet: 'the async snippet', esm: 'the ESM code' } as const;

  for (const [form, source] of Object.entries(forms) as Array<[keyof typeof forms, string]>) {
    it(`reads ${source} back to the options it was written from`, () => {
      const written = snippetsFor(chosen, SCRIPT)[form];

      expect(readSnippet(written)).toEqual({ ok: true, source, values: chosen, leftOut: [] });
    });
  }

  it('accepts hand edits: double quotes, quoted keys, comments, trailing commas, other spacing', () => {
    const edited = `<script>
      window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
      nps("init", {
        "endpoint": "/api/nps", // the collector
        brand: 'Acme',
        /* a week */ resurveyDays: 7,
        debug: true,
      });
      nps("show");
    </script>
    <script async src="/nps-widget.js"></script>`;

    expect(readSnippet(edited)).toEqual({
      ok: true,
      source: 'the async snippet',
      values: { endpoint: '/api/nps', brand: 'Acme', resurveyDays: 7, debug: true },
      leftOut: [],
    });
    expect(readSnippet(`<script src="/nps-widget.js" data-endpoint='/api/nps' data-sample-rate="0.5" data-debug async></script>`)).toMatchObject({
      ok: true,
      values: { endpoint: '/api/nps', sampleRate: 0.5, debug: true },
    });
  });

  it('says what the form cannot hold instead of dropping it silently', () => {
    const result = readSnippet(
      "createNpsWidget({ endpoint: '/api/nps', metadata: { plan: 'pro' }, colour: 'red' }).show({ touchpoint: 'cart', anchor: '#buy' });",
    );

    expect(result).toMatchObject({ ok: true, values: { endpoint: '/api/nps', touchpoint: 'cart' } });
    expect(result.ok && result.leftOut).toEqual(['metadata (an object; set it in code)', 'colour (not an option of this widget)', 'show option anchor']);
  });

  it('refuses what it cannot read, saying why, and runs nothing', () => {
    const ran = { value: false };
    (globalThis as { ranSnippet?: () => void }).ranSnippet = () => (ran.value = true);

    expect(readSnippet('   ')).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(readSnippet('hello there')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Not understood: it has no <script> with data-endpoint/) });
    expect(readSnippet("nps('init', { endpoint: ranSnippet() })")).toMatchObject({
      ok: false,
      reason: 'Not understood: "ranSnippet" is code, not a value at character 25.',
    });
    expect(readSnippet('createNpsWidget({ endpoint: `/api/${ranSnippet()}` })')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/code, not a value/),
    });
    expect(readSnippet("nps('init', { endpoint: '/api/nps' ")).toMatchObject({ ok: false, reason: expect.stringMatching(/expected "," or "}"/) });
    expect(readSnippet("nps('init', { brand: 'Acme' })")).toMatchObject({ ok: false, reason: 'Not understood: the async snippet has no endpoint.' });
    expect(ran.value).toBe(false);
  });
});

describe('links', () => {
  it('carry the non-default options and read back to the same', () => {
    const query = toQuery({ ...chosen, endpoint: ENDPOINT, kind: 'enps', theme: 'light' }, ENDPOINT);

    expect(query.has('endpoint')).toBe(false);
    expect(query.has('theme')).toBe(false);
    expect(query.get('resurveyDays')).toBe('0');
    expect(fromQuery(new URLSearchParams(query.toString()), ENDPOINT)).toEqual(chosen);
  });
});

describe('adviceFor', () => {
  it('warns about choices that defeat the survey, and is quiet about the defaults', () => {
    expect(adviceFor({ endpoint: ENDPOINT })).toEqual([]);
    const advice = adviceFor({ endpoint: ENDPOINT, sampleRate: 0, resurveyDays: 0, delaySeconds: 300 });

    expect(advice.map(({ option }) => option)).toEqual(['sampleRate', 'resurveyDays', 'delaySeconds']);
    expect(advice[0]?.text).toMatch(/nobody is ever asked/);
    expect(advice[1]?.text).toMatch(/every page view/);
  });
});
