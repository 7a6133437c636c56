/**
 * What the loader (dist/nps-widget.js) downloads, when, and what happens when a file it needs
 * cannot be had, in real Chromium against a real server on 127.0.0.1: a page where no survey
 * shows downloads the loader alone and still sends what an earlier page left owed; a survey
 * that will show brings its file (at once for `show: 'auto'`, at idle for `show: 'manual'`);
 * only anchored surveys bring the positioning; a file that fails is named, reported and asked
 * for again by the next show.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAILED_LOADS, useBrowser, type TestServer } from './harness.js';

const harness = useBrowser({ ignoreConsole: FAILED_LOADS });
let server: TestServer;
let page: Page;
let pageErrors: string[];
let consoleErrors: string[];
/** The script files the page requested, by path (and query). */
let scripts: string[];

beforeEach(async () => {
  server = await harness.testServer();
  ({ page, pageErrors, consoleErrors } = await harness.open({ viewport: { width: 1280, height: 800 } }));
  scripts = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname + url.search);
  });
});

const QUESTION = 'How likely are you to recommend Acme to a friend or colleague?';

/** A page of the site with the async snippet: `init` as given, events recorded in window.events. */
function sitePage(init: string, script = '/nps-widget.js'): string {
  return `<!doctype html><html lang="en"><head><title>Shop</title></head>
<body><main><h1>Shop</h1><p id="order" style="margin: 300px 0 1200px">Order A-1001 confirmed</p></main>
<script>
  window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
  nps('init', ${init});
  window.events = [];
  ['show', 'error'].forEach(function (name) { nps('on', name, function (data) { window.events.push({ name: name, message: data && data.message }); }); });
</script>
<script async src="${script}"></script></body></html>`;
}

const events = () => page.evaluate(() => (window as unknown as { events: { name: string; message?: string }[] }).events);
const show = (options: Record<string, unknown> = {}) => page.evaluate((o) => (window as unknown as { nps: (...a: unknown[]) => void }).nps('show', o), options);

/** An answer an earlier page of the site left in the outbox, not yet delivered. */
async function leaveOwedAnswer(surveyId = 'nps'): Promise<string> {
  const id = '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a10';
  const response = {
    schemaVersion: 1,
    id,
    surveyId,
    kind: 'nps',
    scale: '0-10',
    score: 9,
    category: 'promoter',
    comment: null,
    complete: false,
    surveyType: 'relationship',
    touchpoint: null,
    user: null,
    metadata: {},
    locale: 'en',
    pageUrl: null,
    createdAt: new Date().toISOString(),
  };
  server.page('/blank', '<!doctype html><title>Blank</title>');
  await page.goto(`${server.origin}/blank`);
  await page.evaluate(([key, entry]) => localStorage.setItem(key, JSON.stringify([entry])), [
    `nps-widget:outbox:${surveyId}`,
    { response, endpoint: '/collect', revision: 1, attempts: 0, notBefore: 0, lease: null },
  ] as const);
  return id;
}

/** The visitor answered yesterday: the rules say no for 90 days. */
async function answeredYesterday(surveyId = 'nps') {
  await page.evaluate(
    ([key, at]) => localStorage.setItem(key, JSON.stringify({ draw: 0.1, asks: 0, lastAskedAt: at, lastRespondedAt: at, lastDismissedAt: null })),
    [`nps-widget:history:${surveyId}`, Date.now() - 86_400_000] as const,
  );
}

describe('what a page view downloads', () => {
  it('no survey shows: the loader alone, and it still sends what an earlier page owed', async () => {
    const id = await leaveOwedAnswer();
    await answeredYesterday();
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme' }`));
    scripts.length = 0;
    await page.goto(`${server.origin}/shop`);
    const [delivery] = await server.waitForDeliveries(1);
    expect((delivery?.json as { id?: string } | undefined)?.id).toBe(id);
    await page.waitForTimeout(500);
    expect(scripts).toEqual(['/nps-widget.js']);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a corner survey (show: auto): the loader and the survey file, nothing else', async () => {
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme' }`));
    await page.goto(`${server.origin}/shop`);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    await page.getByRole('radio', { name: /^9\b/ }).click();
    await server.waitForDeliveries(1);
    expect(scripts).toEqual(['/nps-widget.js', '/nps-widget-survey.js']);
  });

  it('show: manual fetches the survey file at idle once the visitor is eligible, so show() waits for nothing', async () => {
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme', show: 'manual' }`));
    await page.goto(`${server.origin}/shop`);
    await expect.poll(() => scripts).toEqual(['/nps-widget.js', '/nps-widget-survey.js']);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    await show({ touchpoint: 'checkout' });
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(scripts).toEqual(['/nps-widget.js', '/nps-widget-survey.js']);
  });

  it('show: manual fetches nothing more for a visitor the rules turn away', async () => {
    await leaveOwedAnswer();
    await answeredYesterday();
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme', show: 'manual' }`));
    scripts.length = 0;
    await page.goto(`${server.origin}/shop`);
    await server.waitForDeliveries(1);
    await page.waitForTimeout(2500); // past the idle prefetch's longest wait
    expect(scripts).toEqual(['/nps-widget.js']);
  });

  it('an anchored survey: the positioning too, once, loaded beside the survey', async () => {
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme', show: 'manual' }`));
    await page.goto(`${server.origin}/shop`);
    await show({ anchor: '#order' });
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(await page.locator('[data-nps-widget]').evaluate((host) => host.shadowRoot?.querySelector('.panel')?.className)).toBe('panel anchored');
    await page.keyboard.press('Escape');
    await show({ anchor: '#order', force: true });
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(scripts.sort()).toEqual(['/nps-widget-anchored.js', '/nps-widget-survey.js', '/nps-widget.js']);
  });

  it("carries the script's query to the files beside it, so a ?v= versions them all", async () => {
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme', accentColor: '#0b57d0' }`, '/nps-widget.js?v=7'));
    await page.goto(`${server.origin}/shop`);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(scripts.sort()).toEqual(['/nps-widget-extras.js?v=7', '/nps-widget-survey.js?v=7', '/nps-widget.js?v=7']);
  });
});

describe('a file that cannot be had', () => {
  it('404 or offline: one console error naming its URL, an error event, the outbox left alone, and the next show tries again', async () => {
    const owed = await leaveOwedAnswer('checkout');
    let refusals = 2; // the idle prefetch's request and the first show's
    await page.route(/\/nps-widget-survey\.js/, (route) => (refusals-- > 0 ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme', surveyId: 'checkout', show: 'manual' }`));
    await page.goto(`${server.origin}/shop`);
    // The answer an earlier page owed goes out whether or not the survey can load.
    const [delivery] = await server.waitForDeliveries(1);
    expect((delivery?.json as { id?: string } | undefined)?.id).toBe(owed);
    await expect.poll(() => refusals).toBe(1);
    await show();
    await expect.poll(() => consoleErrors.length).toBe(1);
    expect(consoleErrors[0]).toMatch(
      new RegExp(`^nps-widget: could not load ${server.origin}/nps-widget-survey\\.js\\?retry=1 \\(.+\\); the survey will not show\\.$`),
    );
    expect((await events()).filter((e) => e.name === 'error').map((e) => e.message)).toEqual([consoleErrors[0]]);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('nps-widget:outbox:checkout'))).toBeNull();
    // Back online: the next show loads the file and shows.
    await show();
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(consoleErrors).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('a Content Security Policy that allows only the loader: the survey file is named, nothing breaks', async () => {
    server.page('/strict', sitePage(`{ endpoint: '/collect', brand: 'Acme' }`).replace(/<script>[\s\S]*?<\/script>/, '<script src="/init.js"></script>'), {
      'Content-Security-Policy': `default-src 'self'; script-src ${server.origin}/nps-widget.js ${server.origin}/init.js; connect-src 'self'`,
    });
    server.page(
      '/init.js',
      `window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
nps('init', { endpoint: '/collect', brand: 'Acme' });
window.events = [];
nps('on', 'error', function (e) { window.events.push({ name: 'error', message: e.message }); });`,
      { 'Content-Type': 'text/javascript' },
    );
    await page.goto(`${server.origin}/strict`);
    await expect.poll(() => consoleErrors.filter((e) => e.startsWith('nps-widget:'))).toHaveLength(1);
    expect(consoleErrors.find((e) => e.startsWith('nps-widget:'))).toMatch(new RegExp(`^nps-widget: could not load ${server.origin}/nps-widget-survey\\.js`));
    expect(await events()).toHaveLength(1);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a survey file from another build is refused by its version, with the reason', async () => {
    await page.route(/\/nps-widget-survey\.js/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/(["'])\d+\.\d+\.\d+[^"']*\1/, '"0.0.0-old"') });
    });
    server.page('/shop', sitePage(`{ endpoint: '/collect', brand: 'Acme' }`));
    await page.goto(`${server.origin}/shop`);
    await expect.poll(() => consoleErrors.length).toBe(1);
    expect(consoleErrors[0]).toMatch(/nps-widget-survey\.js \(from another build: 0\.0\.0-old\); the survey will not show\.$/);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
  });
});
