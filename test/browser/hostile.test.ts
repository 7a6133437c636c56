/**
 * The survey on pages that are strict, messy or hostile: a strict Content Security Policy, CSS
 * that resets everything, colliding custom properties, fixed elements with huge z-indexes.
 * Each runs with both script builds: the loader (the survey loaded from beside it) and the
 * single file.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, type TestServer } from './harness.js';

const harness = useBrowser();
let server: TestServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let violations: string[];

beforeEach(async () => {
  server = await harness.testServer();
  ({ context, page, pageErrors } = await harness.open({ viewport: { width: 1280, height: 800 } }));
  violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
});

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";

/** What a person sees of the survey: the panel's box, its question's font size, its choices' boxes. */
async function appearance() {
  await page.locator('.panel').waitFor();
  await page.getByRole('radio', { name: /^7\b/ }).click();
  await page.locator('.submit').waitFor();
  await page.locator('.panel').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  return page.locator('[data-nps-widget]').evaluate((host) => {
    const root = host.shadowRoot!;
    // oxlint-disable-next-line unicorn/consistent-function-scoping -- this function runs inside the page
    const box = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    };
    const question = root.querySelector('.question')!;
    const selected = root.querySelector('.choice[aria-checked="true"]')!;
    return {
      panel: box(root.querySelector('.panel')),
      choices: [...root.querySelectorAll('.choice')].map(box),
      font: getComputedStyle(question).fontSize,
      family: getComputedStyle(question).fontFamily,
      background: getComputedStyle(root.querySelector('.panel')!).backgroundColor,
      selected: [getComputedStyle(selected).backgroundColor, getComputedStyle(selected).color],
      submit: getComputedStyle(root.querySelector('.submit')!).backgroundColor,
    };
  });
}

describe.each(['nps-widget.js', 'nps-widget.full.js'])('%s', (script) => {
  function pageWith(head: string, attributes: string) {
    return `<!doctype html><html lang="en"><head><title>Host page</title>${head}</head>
  <body><header id="fixed">Site header</header><main><h1>Page</h1><p>Content.</p></main>
  <script src="/${script}" data-endpoint="/collect" data-brand="Acme" ${attributes}></script></body></html>`;
  }

  describe('strict Content Security Policy', () => {
    it(`works under "${STRICT_CSP}" with no inline code, in Finnish too`, async () => {
      server.page('/csp', pageWith('', 'data-locale="fi"'), { 'Content-Security-Policy': STRICT_CSP });
      await page.goto(`${server.origin}/csp`);
      await expect.poll(() => page.locator('#nps-question').textContent()).toMatch(/^Kuinka todennäköisesti/);
      await page.getByRole('radio', { name: /^9\b/ }).click();
      await page.locator('textarea').fill('Toimii');
      await page.locator('button.submit').click();
      await expect.poll(() => server.deliveries.some((d) => (d.json as { complete?: boolean }).complete)).toBe(true);
      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('a hostile page', () => {
    const HOSTILE = `<style>
      * { all: unset !important; }
      button { display: none !important; }
      html { font-size: 10px !important; }
      *, *::before, *::after { box-sizing: content-box !important; }
      :root { --nps-accent: #ff0000; --nps-accent-text: #00ff00; --nps-z: 1; --accent: red; --bg: black; --text: yellow; --border: lime; }
      #fixed { display: block !important; position: fixed !important; inset: 0 0 auto 0 !important; height: 100vh !important; z-index: 2147482000 !important; background: rgba(0, 0, 0, 0.1) !important; }
    </style>`;

    it('looks exactly as on a clean page, and stacks above the page', async () => {
      server.page('/clean', pageWith('', ''));
      server.page('/hostile', pageWith(HOSTILE, ''));
      await page.goto(`${server.origin}/clean`);
      const clean = await appearance();
      await context.clearCookies();
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${server.origin}/hostile`);
      const hostile = await appearance();
      expect(hostile).toEqual(clean);
      expect(clean.font).toBe('16px');
      const [x = 0, y = 0, width = 0, height = 0] = hostile.panel;
      const topmost = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.hasAttribute('data-nps-widget'), [x + width / 2, y + height / 2]);
      expect(topmost).toBe(true);
      await server.waitForDeliveries(2);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('pages that change the platform under the survey', () => {
    it('works with polluted prototypes, a fetch replaced after load and no crypto.randomUUID', async () => {
      await page.addInitScript(() => {
        // oxlint-disable-next-line no-extend-native -- this test plays a page that pollutes prototypes
        Object.defineProperty(Object.prototype, 'polluted', { value: 'x', enumerable: true, writable: true, configurable: true });
        (Array.prototype as unknown as { extra: () => void }).extra = () => {};
        Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      });
      // The page breaks fetch after the script loads and only then starts the survey.
      server.page(
        '/patched',
        '<!doctype html><html lang="en"><head><title>Patched</title></head><body><main><h1>Page</h1></main>' +
          `<script src="/${script}"></script><script src="/patch-then-init.js"></script></body></html>`,
      );
      server.page(
        '/patch-then-init.js',
        `window.fetch = function () { throw new Error("fetch is broken on this page"); };\nwindow.nps('init', { endpoint: '/collect', brand: 'Acme' });`,
        { 'Content-Type': 'text/javascript' },
      );
      await page.goto(`${server.origin}/patched`);
      await page.getByRole('radio', { name: /^10\b/ }).click();
      const [delivery] = await server.waitForDeliveries(1);
      const body = delivery?.json as Record<string, unknown>;
      expect(body['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Object.keys(body)).not.toContain('polluted');
      expect(body['metadata']).toEqual({});
      expect(pageErrors).toEqual([]);
    });

    it('starts from <head> before <body> exists, once when loaded twice, and when added after DOMContentLoaded', async () => {
      const tag = `<script src="/${script}" data-endpoint="/collect" data-brand="Acme"></script>`;
      server.page('/head', `<!doctype html><html lang="en"><head><title>Head</title>${tag}${tag}</head><body><main><h1>Late body</h1></main></body></html>`);
      await page.goto(`${server.origin}/head`);
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(300);
      expect(await page.locator('[data-nps-widget]').count()).toBe(1);

      await page.evaluate(() => localStorage.clear());
      server.page('/late', `<!doctype html><html lang="en"><head><title>Late</title></head><body><main><h1>Loaded</h1></main></body></html>`);
      await page.goto(`${server.origin}/late`);
      await page.evaluate((src) => {
        const late = document.createElement('script');
        late.src = src;
        late.dataset['endpoint'] = '/collect';
        document.body.append(late);
      }, `/${script}`);
      await page.getByRole('dialog').waitFor();
      expect(pageErrors).toEqual([]);
    });
  });

  describe('a nonce-based Content Security Policy', () => {
    it('loads what it needs with the nonce of its script tag, in Finnish too, and delivers', async () => {
      const nonce = 'r4nd0m-n0nce';
      const policy = `default-src 'none'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'`;
      server.page(
        '/nonce',
        `<!doctype html><html lang="fi"><head><title>Nonce</title></head><body><main><h1>Sivu</h1></main>
<script nonce="${nonce}" src="/${script}" data-endpoint="/collect" data-brand="Acme" data-nonce="${nonce}"></script></body></html>`,
        { 'Content-Security-Policy': policy },
      );
      await page.goto(`${server.origin}/nonce`);
      await expect.poll(() => page.locator('#nps-question').textContent()).toMatch(/^Kuinka todennäköisesti/);
      await page.getByRole('radio', { name: /^8\b/ }).click();
      await server.waitForDeliveries(1);
      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
