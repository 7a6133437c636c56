/**
 * The built dist/nps-widget.js in real Chromium, against a real HTTP receiver on 127.0.0.1:
 * what a respondent does and what the receiver gets.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FAILED_LOADS, useBrowser, type Delivery, type TestServer } from './harness.js';
import type { NpsResponse } from '../../src/core/payload.js';
import { validateResponse } from '../../src/core/validate.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { relationshipContext } from '../fixtures.js';

// Only the widget's own words count here.
const harness = useBrowser({ ignoreConsole: FAILED_LOADS });
let server: TestServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let consoleErrors: string[];

beforeEach(async () => {
  server = await harness.testServer();
  ({ context, page, pageErrors, consoleErrors } = await harness.open());
});

const QUESTION = 'How likely are you to recommend Acme to a friend or colleague?';
const REASON = 'What is the primary reason for your score?';

const radio = (n: number) => page.getByRole('radio', { name: new RegExp(`^${n}\\b`) });
const payloads = (deliveries: Delivery[]) =>
  deliveries.map((d) => {
    const checked = validateResponse(d.json);
    if (!checked.ok) throw new Error(`receiver got an invalid payload: ${checked.reason}\n${d.body}`);
    return checked.response;
  });
/** Where keyboard focus really is, looking inside the widget's shadow root. */
const focusedName = () =>
  page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement ?? outer;
    if (!inner || inner.tagName === 'TEXTAREA' || inner === document.body) return inner?.tagName ?? null;
    return inner.getAttribute('aria-label') ?? inner.textContent?.trim() ?? null;
  });

function scriptTagPage(attributes: string): string {
  return `<!doctype html><html lang="en"><head><title>Order complete</title></head>
<body><main><h1>Thanks for shopping at Acme</h1><p>Your order is on its way.</p></main>
<script src="/nps-widget.js" ${attributes} async></script></body></html>`;
}

function snippetPage(init: string): string {
  return `<!doctype html><html lang="en"><head><title>Checkout</title></head>
<body><main><h1>Checkout</h1><button id="buy">Place order</button>
<div id="order-confirmation" style="margin: 240px 0 1400px; padding: 12px; width: 320px; border: 1px solid">Order A-1001 confirmed</div></main>
<script>
  window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
  nps('init', ${init});
  window.events = [];
  ['show', 'score', 'submit', 'dismiss', 'error'].forEach(function (name) {
    nps('on', name, function (data) { window.events.push({ name: name, message: data && data.message }); });
  });
  window.deliveries = [];
  nps('on', 'delivery', function (d) {
    window.deliveries.push({ id: d.response.id, complete: d.response.complete, attempt: d.attempt, outcome: d.outcome, status: d.status, retryInMs: d.retryInMs });
  });
  document.getElementById('buy').addEventListener('click', function () {
    nps('show', { touchpoint: 'checkout', anchor: '#order-confirmation', metadata: { orderId: 'A-1001' } });
  });
</script>
<script async src="/nps-widget.js"></script></body></html>`;
}

describe('script tag with data attributes, answered with the mouse', () => {
  it('delivers the score at once and the reason on submit, with one id and every field', async () => {
    server.page('/order', scriptTagPage('data-endpoint="/collect" data-brand="Acme" data-auto-close-seconds="1"'));
    await page.goto(`${server.origin}/order?utm_source=mail#top`);
    await page.evaluate(() => {
      document.cookie = 'session=secret; path=/';
    });
    const startedAt = Date.now();

    const dialog = page.getByRole('dialog', { name: QUESTION });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.getByRole('radio').count()).toBe(11);
    expect(await page.locator('[data-nps-widget]').count()).toBe(1);

    await radio(9).click();
    const [scored] = payloads(await server.waitForDeliveries(1));
    await page.getByRole('textbox', { name: REASON }).fill('Fast delivery and friendly support');
    await page.getByRole('button', { name: 'Submit' }).click();
    const [, submitted] = payloads(await server.waitForDeliveries(2));

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you');
    await expect.poll(() => page.locator('[data-nps-widget]').count(), { timeout: 5000 }).toBe(0);

    const common = {
      schemaVersion: 1,
      surveyId: 'nps',
      kind: 'nps',
      scale: '0-10',
      score: 9,
      category: 'promoter',
      surveyType: 'relationship',
      touchpoint: null,
      user: null,
      metadata: {},
      locale: 'en',
      pageUrl: `${server.origin}/order`,
    };
    expect(scored).toEqual({ ...common, id: scored?.id, comment: null, complete: false, createdAt: scored?.createdAt, sentAt: scored?.sentAt });
    expect(submitted).toEqual({
      ...common,
      id: scored?.id,
      comment: 'Fast delivery and friendly support',
      complete: true,
      createdAt: scored?.createdAt,
      sentAt: submitted?.sentAt,
    });
    const created = Date.parse(scored!.createdAt);
    expect(created).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(Date.parse(submitted!.sentAt)).toBeGreaterThanOrEqual(Date.parse(scored!.sentAt));
    expect(server.deliveries.every((d) => d.method === 'POST' && d.headers['content-type'] === 'text/plain;charset=UTF-8')).toBe(true);
    expect(server.deliveries.some((d) => d.headers.cookie)).toBe(false);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a bad data attribute with one console error and shows nothing', async () => {
    server.page('/bad', scriptTagPage('data-endpoint="/collect" data-kind="employee"'));
    await page.goto(`${server.origin}/bad`);
    await expect.poll(() => consoleErrors.length).toBe(1);
    await page.waitForTimeout(200);
    expect(consoleErrors).toEqual(['nps-widget: invalid options, the survey will not show: option "kind" is "employee"; allowed: "nps" or "enps".']);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('async snippet, answered with the keyboard only', () => {
  it('shows next to the anchor without stealing focus, and is answered by keys alone', async () => {
    server.page('/checkout', snippetPage(`{ endpoint: '${server.crossOrigin}/collect', brand: 'Acme', show: 'manual', user: { id: 'u-42' } }`));
    await page.goto(`${server.origin}/checkout`);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Place order');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: QUESTION });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await focusedName()).toBe('Place order');

    // Placed under the confirmation it is about, and following it when the page scrolls.
    const anchorBox = async () => (await page.locator('#order-confirmation').boundingBox())!;
    const panelBox = async () => (await dialog.boundingBox())!;
    await expect.poll(async () => Math.round((await panelBox()).y - ((await anchorBox()).y + (await anchorBox()).height))).toBe(12);
    await page.mouse.wheel(0, 150);
    await expect.poll(async () => Math.round((await panelBox()).y - ((await anchorBox()).y + (await anchorBox()).height))).toBe(12);

    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('0, Not at all likely');
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
    expect(await radio(8).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await radio(9).getAttribute('aria-checked')).toBe('true');
    expect(await focusedName()).toBe('9');

    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('TEXTAREA');
    await page.keyboard.type('Quick checkout');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Submit');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you');

    await expect.poll(() => payloads(server.deliveries).some((r) => r.complete)).toBe(true);
    const received = payloads(server.deliveries);
    const ids = new Set(received.map((r) => r.id));
    expect(ids.size).toBe(1);
    // Eleven key presses, few requests: quick changes of score settle into the latest one.
    expect(received.length).toBeLessThanOrEqual(4);
    const final = received.at(-1) as NpsResponse;
    expect(final).toMatchObject({
      score: 9,
      category: 'promoter',
      complete: true,
      comment: 'Quick checkout',
      surveyType: 'transactional',
      touchpoint: 'checkout',
      metadata: { orderId: 'A-1001' },
      user: { id: 'u-42' },
    });
    expect(server.preflights).toBe(0);
    const events = await page.evaluate(() => (window as unknown as { events: { name: string }[] }).events.map((e) => e.name));
    expect(events[0]).toBe('show');
    expect(events.filter((e) => e === 'submit')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('closes on Esc and gives focus back to where the respondent was', async () => {
    server.page('/checkout', snippetPage(`{ endpoint: '/collect', brand: 'Acme', show: 'manual' }`));
    await page.goto(`${server.origin}/checkout`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('0, Not at all likely');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-nps-widget]').count()).toBe(0);
    expect(await focusedName()).toBe('Place order');
    const events = await page.evaluate(() => (window as unknown as { events: { name: string }[] }).events.map((e) => e.name));
    expect(events).toEqual(['show', 'dismiss']);
    expect(server.deliveries).toHaveLength(0);
  });
});

describe('delivery against a failing receiver', () => {
  it('retries 503 until stored, and reports a permanent 400 through the error event', async () => {
    server.answer({ status: 503, headers: { 'Retry-After': '1' } }, { status: 201 }, { status: 400 });
    server.page('/checkout', snippetPage(`{ endpoint: '/collect', brand: 'Acme', show: 'manual' }`));
    await page.goto(`${server.origin}/checkout`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await radio(3).click();
    const [first, retry] = payloads(await server.waitForDeliveries(2));
    expect(retry?.id).toBe(first?.id);
    expect(retry!.sentAt > first!.sentAt).toBe(true);
    expect(server.deliveries[1]!.receivedAt - server.deliveries[0]!.receivedAt).toBeGreaterThanOrEqual(900);

    await page.getByRole('button', { name: 'Submit' }).click();
    await server.waitForDeliveries(3);
    await expect.poll(() => consoleErrors.length).toBe(1);
    expect(consoleErrors[0]).toMatch(/was not delivered to \/collect: the endpoint answered HTTP 400/);
    const errors = await page.evaluate(() => (window as unknown as { events: { name: string; message?: string }[] }).events.filter((e) => e.name === 'error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/HTTP 400/);
    // Every request as it ended, for an inspector: the 503 and when it goes again, the retry, the refusal.
    const deliveries = await page.evaluate(() => (window as unknown as { deliveries: Record<string, unknown>[] }).deliveries);
    expect(deliveries.map(({ id: _id, retryInMs: _retryInMs, ...rest }) => rest)).toEqual([
      { complete: false, attempt: 1, outcome: 'retry', status: 503 },
      { complete: false, attempt: 2, outcome: 'delivered', status: 201 },
      { complete: true, attempt: 1, outcome: 'dropped', status: 400 },
    ]);
    expect(deliveries[0]?.retryInMs).toBeGreaterThanOrEqual(1000);
    expect(new Set(deliveries.map((d) => d['id']))).toEqual(new Set([first?.id]));
    expect(pageErrors).toEqual([]);
  });
});

/** A plain page of the site that loads the widget with `init` and shows nothing by itself. */
const sitePage = (title: string, init: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head>
<body><main><h1>${title}</h1></main>
<script>
  window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
  nps('init', ${init});
</script>
<script async src="/nps-widget.js"></script></body></html>`;

describe('one outbox for the whole site', () => {
  it('sends an answer left waiting by one survey from a later page of another survey, by its own route', async () => {
    server.answer({ status: 503, headers: { 'Retry-After': '60' } }, { status: 503, headers: { 'Retry-After': '60' } });
    server.page(
      '/checkout',
      sitePage('Checkout', `{ endpoint: '/collect?from=checkout', surveyId: 'checkout', brand: 'Acme', show: 'manual', requestTimeoutSeconds: 3 }`),
    );
    server.page('/help', sitePage('Help', `{ endpoint: '/collect?from=help', surveyId: 'support', brand: 'Acme', show: 'manual' }`));
    await page.goto(`${server.origin}/checkout`);
    await page.waitForFunction(() => Boolean(window.nps?.loaded));
    await page.evaluate(() => window.nps?.('show', { force: true }));
    await radio(4).click();
    await page.getByRole('textbox').fill('Slow delivery.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await server.waitForDeliveries(2);
    const waiting = await page.evaluate(
      () => JSON.parse(localStorage.getItem('nps-widget:outbox') ?? '[]') as Array<{ response: NpsResponse; timeoutMs: number }>,
    );
    expect(waiting.map((e) => [e.response.surveyId, e.response.complete, e.timeoutMs])).toEqual([['checkout', true, 3000]]);

    // Another tab opens a page of another survey, where no survey shows: the checkout's answer
    // goes from there at once, while the checkout's own tab still waits out its Retry-After.
    const help = await context.newPage();
    help.on('pageerror', (error) => pageErrors.push(error.message));
    await help.goto(`${server.origin}/help`);
    const [late] = (await server.waitForDeliveries(3)).slice(2);
    expect(late?.url).toBe('/collect?from=checkout');
    expect(payloads([late!])[0]).toMatchObject({ surveyId: 'checkout', score: 4, complete: true, comment: 'Slow delivery.' });
    await expect.poll(() => help.evaluate(() => localStorage.getItem('nps-widget:outbox'))).toBeNull();
    expect(server.deliveries).toHaveLength(3);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("takes in what an earlier version left under a survey's own key, and two widgets on one page send it once", async () => {
    const earlier = completeResponse(
      startResponse({ ...relationshipContext, surveyId: 'support' }, 2, crypto.randomUUID(), new Date()),
      'Left by an older version.',
    );
    const entry = { response: earlier, endpoint: '/collect?from=earlier', revision: 2, attempts: 3, notBefore: 0, lease: null };
    await context.addInitScript(
      (json) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('nps-widget:outbox:support', json);
          sessionStorage.setItem('seeded', '1');
        }
      },
      JSON.stringify([entry]),
    );
    server.page(
      '/two',
      `<!doctype html><html lang="en"><head><title>Two surveys</title></head><body><main><h1>Two surveys</h1></main>
<script src="/nps-widget.js"></script>
<script>
  NpsWidget.createNpsWidget({ endpoint: '/collect', surveyId: 'checkout', show: 'manual' });
  NpsWidget.createNpsWidget({ endpoint: '/collect', surveyId: 'nps', show: 'manual' });
</script></body></html>`,
    );
    await page.goto(`${server.origin}/two`);
    const [delivery] = await server.waitForDeliveries(1);
    expect(delivery?.url).toBe('/collect?from=earlier');
    expect(payloads([delivery!])[0]).toMatchObject({ id: earlier.id, surveyId: 'support', complete: true, comment: 'Left by an older version.' });
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('nps-widget:outbox')))).toEqual([]);
    // Stored once: nothing else goes out, from this page or the next.
    await page.reload();
    await page.waitForTimeout(1500);
    expect(server.deliveries).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});

/** The requests for the extras file from now on. */
const extrasRequests = () => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/nps-widget-extras.js')) seen.push(request.url());
  });
  return seen;
};
/** The accent custom properties the host element sets. */
const accentOnHost = () =>
  page
    .locator('[data-nps-widget]')
    .evaluate((host) => [(host as HTMLElement).style.getPropertyValue('--nps-accent'), (host as HTMLElement).style.getPropertyValue('--nps-accent-text')]);

describe('extras: what only some configurations load', () => {
  it('are not fetched by a survey that uses none of them', async () => {
    const seen = extrasRequests();
    server.page('/plain', scriptTagPage('data-endpoint="/collect" data-brand="Acme"'));
    await page.goto(`${server.origin}/plain`);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    await radio(8).click();
    await server.waitForDeliveries(1);
    expect(seen).toEqual([]);
    expect(await accentOnHost()).toEqual(['initial', 'initial']);
  });

  it('are fetched once from beside the script for an accent colour, which then gets its text colour', async () => {
    const seen = extrasRequests();
    server.page('/accent', scriptTagPage('data-endpoint="/collect" data-brand="Acme" data-accent-color="#ffd600"'));
    await page.goto(`${server.origin}/accent`);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(await accentOnHost()).toEqual(['#ffd600', '#111318']);
    expect(seen).toEqual([`${server.origin}/nps-widget-extras.js`]);
  });

  it('watch scrolling for scrollPercent, and the survey waits for it', async () => {
    const seen = extrasRequests();
    server.page(
      '/long',
      `<!doctype html><html lang="en"><body><div style="height: 4000px">Long article</div>
<script src="/nps-widget.js" data-endpoint="/collect" data-brand="Acme" data-scroll-percent="50" async></script></body></html>`,
    );
    await page.goto(`${server.origin}/long`);
    await expect.poll(() => seen.length).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    await page.mouse.wheel(0, 3000);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
  });

  it('never keep a survey from showing: without their file it shows in its own colours, after the delay alone', async () => {
    // Every request for the file fails, retries (?retry=1) included.
    await page.route(/\/nps-widget-extras\.js/, (route) => route.abort());
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    server.page(
      '/offline-extras',
      `<!doctype html><html lang="en"><body><div style="height: 4000px">Long article</div>
<script src="/nps-widget.js" data-endpoint="/collect" data-brand="Acme" data-accent-color="#ffd600" data-scroll-percent="90" async></script></body></html>`,
    );
    await page.goto(`${server.origin}/offline-extras`);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(await accentOnHost()).toEqual(['initial', 'initial']);
    // One for the scroll signal (the loader's), one for the accent (the survey's).
    expect(warnings.filter((w) => w.includes('could not load the extras'))).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });

  it('are not needed to ask for consent and link promoters: both are part of the survey', async () => {
    const seen = extrasRequests();
    await page.route(/\/nps-widget-extras\.js/, (route) => route.abort());
    server.page(
      '/order',
      scriptTagPage('data-endpoint="/collect" data-brand="Acme" data-ask-consent data-promoter-link="/review" data-auto-close-seconds="0"'),
    );
    await page.goto(`${server.origin}/order`);
    await radio(10).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('group', { name: 'May we contact you about your answer?' }).getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you');
    expect(await page.getByRole('link', { name: /Leave a review/ }).getAttribute('href')).toBe('/review');
    const [, , consented] = payloads(await server.waitForDeliveries(3));
    expect(consented).toMatchObject({ score: 10, complete: true, consentToContact: true });
    expect(seen).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('<nps-survey>, registered by the script tag', () => {
  it('works from plain HTML, delivers, and leaves nothing behind when removed', async () => {
    server.page(
      '/cms',
      `<!doctype html><html lang="en"><body><main><h1>Help centre</h1>
<article id="block"><p>Was this article useful?</p>
<nps-survey endpoint="/collect" brand="Acme" survey-id="help" auto-close-seconds="0"></nps-survey></article></main>
<script src="/nps-widget.js" async></script></body></html>`,
    );
    await page.goto(`${server.origin}/cms`);
    const dialog = page.getByRole('dialog', { name: QUESTION });
    await dialog.waitFor();
    // Inline, in the flow of the article, inside the element itself.
    const inside = await page.locator('nps-survey [data-nps-widget]').count();
    expect(inside).toBe(1);
    const block = (await page.locator('#block').boundingBox())!;
    const panel = (await dialog.boundingBox())!;
    expect(panel.y).toBeGreaterThan(block.y);
    expect(panel.y + panel.height).toBeLessThanOrEqual(block.y + block.height + 1);
    await radio(10).click();
    await page.getByRole('textbox', { name: REASON }).fill('Found my answer');
    await page.getByRole('button', { name: 'Submit' }).click();
    const [, final] = payloads(await server.waitForDeliveries(2));
    expect(final).toMatchObject({ surveyId: 'help', score: 10, comment: 'Found my answer', complete: true });

    await page.evaluate(() => document.querySelector('nps-survey')?.remove());
    expect(await page.locator('[data-nps-widget]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('closing the loop, answered with the keyboard', () => {
  it('asks for consent after the reason, delivers the answer with the same id, and links promoters on', async () => {
    server.page(
      '/order',
      scriptTagPage('data-endpoint="/collect" data-brand="Acme" data-ask-consent data-promoter-link="/review?rating={score}" data-auto-close-seconds="1"'),
    );
    server.page('/review', '<!doctype html><title>Review Acme</title><h1>Review</h1>');
    await page.goto(`${server.origin}/order`);
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fast and friendly');
    await page.keyboard.press('Control+Enter');
    const [scored, submitted] = payloads(await server.waitForDeliveries(2));
    expect(submitted).toMatchObject({ id: scored?.id, score: 10, complete: true, comment: 'Fast and friendly' });
    expect(submitted).not.toHaveProperty('consentToContact');

    // The question takes focus, and neither answer is chosen for the respondent.
    const consent = page.getByRole('group', { name: 'May we contact you about your answer?' });
    await consent.waitFor();
    await expect.poll(focusedName).toBe('Yes');
    expect(await consent.getByRole('button').allTextContents()).toEqual(['Yes', 'No']);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('No');
    await page.keyboard.press('Enter');
    const [, , answered] = payloads(await server.waitForDeliveries(3));
    expect(answered).toMatchObject({ id: scored?.id, score: 10, category: 'promoter', complete: true, comment: 'Fast and friendly', consentToContact: false });

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you');
    const link = page.getByRole('link', { name: 'Leave a review (opens in a new tab)' });
    expect(await link.getAttribute('href')).toBe('/review?rating=10');
    // Past autoCloseSeconds the link is still there for the promoter.
    await page.waitForTimeout(1500);
    expect(await link.isVisible()).toBe(true);
    const [review] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await review.waitForLoadState();
    expect(review.url()).toBe(`${server.origin}/review?rating=10`);
    expect(await page.locator('[data-nps-widget]').count()).toBe(1);
    expect(server.deliveries).toHaveLength(3);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows detractors no link, and leaves consent out when closed at the question', async () => {
    server.page('/order', scriptTagPage('data-endpoint="/collect" data-brand="Acme" data-ask-consent data-promoter-link="/review"'));
    await page.goto(`${server.origin}/order`);
    await radio(3).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('group', { name: 'May we contact you about your answer?' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-nps-widget]').count()).toBe(0);
    const delivered = payloads(await server.waitForDeliveries(2));
    await page.waitForTimeout(300);
    expect(server.deliveries).toHaveLength(2);
    expect(delivered.every((response) => !('consentToContact' in response))).toBe(true);
    expect(delivered[1]).toMatchObject({ score: 3, category: 'detractor', complete: true });
  });
});

describe('a legacy scale', () => {
  it("offers its choices, moves over them by keys, and delivers the scale and the site's category", async () => {
    server.page('/order', snippetPage("{ endpoint: '/collect', brand: 'Acme', show: 'manual', scale: '1-7', promoterMin: 7, passiveMin: 6 }"));
    await page.goto(`${server.origin}/order`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('dialog', { name: QUESTION }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(7);
    expect(await page.getByRole('radio', { name: '1, Not at all likely' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '7, Extremely likely' }).count()).toBe(1);
    await radio(1).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => radio(6).getAttribute('aria-checked')).toBe('true');
    // The first score goes at once, the change once it settles.
    const [first, changed] = payloads(await server.waitForDeliveries(2));
    expect(first).toMatchObject({ scale: '1-7', score: 7, category: 'promoter', touchpoint: 'checkout' });
    expect(changed).toMatchObject({ id: first?.id, scale: '1-7', score: 6, category: 'passive' });
    // One row of seven equal choices.
    const boxes = await page.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    expect(Math.max(...boxes.map((b) => b.width)) - Math.min(...boxes.map((b) => b.width))).toBeLessThan(1);
    expect(pageErrors).toEqual([]);
  });
});
