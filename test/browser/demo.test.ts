/**
 * The demo's whole loop in Chromium, as a newcomer meets it: the survey appears on the shop,
 * the answer reaches the collector, the results page and the receiver's dashboard show the score
 * and the comment; the checkout page asks about every order; the placements page shows each
 * placement; and the shop's "Forget my answers" brings the survey back without losing undelivered answers. The
 * playground has tests of its own (playground.test.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import { answerSurvey as answerIn, waitForRecords as waitForStored, widgetStorage as storageOf } from '../chromium.mjs';
import { useBrowser, type DemoServer } from './harness.js';

/** The widget may take its time deciding to appear; the loop must still fit in a minute. */
const SURVEY_TIMEOUT_MS = 15_000;

/** Requests to anything but the demo server land in foreignRequests: the demo must work with no network. */
const harness = useBrowser({ allowRequest: (url) => url.startsWith(server.url) });
let server: DemoServer;
let context: BrowserContext;
let page: Page;
let foreignRequests: string[];
let pageErrors: string[];
/** console.error lines: the widget reports bad options and failed deliveries there. */
let consoleErrors: string[];

beforeEach(async () => {
  server = await harness.demoServer();
  // A fresh context per test: no survey history in localStorage, like a first visit.
  ({ context, page, pageErrors, consoleErrors, foreignRequests } = await harness.open());
});

const waitForRecords = (done: (records: NpsResponse[]) => boolean, timeoutMs?: number) => waitForStored(server.url, done, timeoutMs);

const submittedCount = (count: number) => (records: NpsResponse[]) => records.filter((record) => record.complete).length >= count;

const answerSurvey = (score: number, comment: string) => answerIn(page, score, comment);

/** The class of the survey's panel, inside the widget's shadow root. */
function panelClass(): Promise<string> {
  return page.locator('[data-nps-widget]').evaluate((host) => host.shadowRoot?.querySelector('.panel')?.className ?? '');
}

const widgetStorage = () => storageOf(page);

/** Places an order on checkout.html and returns the order id the confirmation shows. */
async function placeOrder(): Promise<string> {
  const button = page.getByRole('button', { name: 'Place order' });
  await button.click();
  await page.getByRole('button', { name: 'Processing…' }).waitFor();
  const confirmation = page.locator('#order-confirmation');
  await confirmation.waitFor();
  const orderId = (await confirmation.locator('#order-id').textContent()) ?? '';
  expect(orderId).toMatch(/^A-\d{5}$/);
  return orderId;
}

/** Nothing went wrong in the page, and nothing left 127.0.0.1. */
function expectCleanRun(ignoredConsole: RegExp | null = null) {
  expect(pageErrors).toEqual([]);
  expect(consoleErrors.filter((text) => !ignoredConsole?.test(text))).toEqual([]);
  expect(foreignRequests).toEqual([]);
}

describe('demo', () => {
  it('shows the survey on the shop, stores the answer and shows it on the results page', async () => {
    const comment = 'Found what I needed in two clicks.';
    await page.goto(server.url);
    await page.getByRole('dialog').waitFor({ timeout: SURVEY_TIMEOUT_MS });

    await answerSurvey(9, comment);

    const records = await waitForRecords(submittedCount(1));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      surveyId: 'nps',
      score: 9,
      category: 'promoter',
      complete: true,
      comment,
      surveyType: 'relationship',
      touchpoint: null,
    });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Survey results' }).click();
    await page.waitForURL(/\/results\.html$/);
    // One promoter and nothing else: NPS +100.
    await page
      .locator('#preview')
      .getByText(/\+100\b/)
      .first()
      .waitFor();
    await page.getByText('1 response stored').waitFor();
    await page.getByRole('table', { name: 'Latest comments' }).getByRole('cell', { name: comment }).waitFor();

    expectCleanRun();
  });

  it("shows the demo's answers on the receiver's dashboard, through the API", async () => {
    await page.goto(server.url);
    await page.getByRole('dialog').waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await answerSurvey(3, 'The parcel came late.');
    await waitForRecords(submittedCount(1));

    await page.goto(new URL('/results.html', server.url).href);
    const token = page.locator('#demo-token');
    await expect.poll(() => token.textContent()).toMatch(/^\S{16,}$/);
    const shown = (await token.textContent()) ?? '';
    await page.getByRole('link', { name: 'Open the dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByLabel('Read token', { exact: true }).fill(shown);
    await page.getByRole('button', { name: 'Show the results' }).click();
    await expect(page.getByLabel('Survey', { exact: true }).locator('option').allTextContents()).resolves.toEqual(['nps (1 response)']);
    // One detractor: NPS -100, and the reason listed.
    await expect.poll(() => page.locator('[data-nps-preview] .score [aria-hidden="true"]').first().textContent()).toBe('\u2212100');
    await expect.poll(() => page.getByRole('region', { name: 'Reasons' }).locator('.reasons q').allTextContents()).toEqual(['The parcel came late.']);
    expectCleanRun();
  });

  it('links every page to the others', async () => {
    const pages = ['/', '/checkout.html', '/placements.html', '/playground.html', '/results.html'];
    for (const path of pages) {
      await page.goto(new URL(path, server.url).href);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const [name, href] of [
        ['Shop', '/'],
        ['Checkout', '/checkout.html'],
        ['Placements', '/placements.html'],
        ['Playground', '/playground.html'],
        ['Survey results', '/results.html'],
      ]) {
        await expect(nav.getByRole('link', { name, exact: false }).first().getAttribute('href')).resolves.toBe(href);
      }
      await expect(nav.locator('[aria-current="page"]').getAttribute('href')).resolves.toBe(path);
    }
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Checkout', exact: true }).last().click();
    await page.waitForURL(/\/checkout\.html$/);
    expectCleanRun();
  });

  it('asks about checkout next to the order confirmation after an order', async () => {
    // The shop's cart travels to checkout.
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Add to cart: Canvas tote' }).click();
    await page.locator('#cart').getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout\.html$/);
    await expect(page.locator('#cart-items').textContent()).resolves.toContain('Canvas tote × 1');
    await expect(page.locator('#cart-total').textContent()).resolves.toBe('$42.00');

    // Manual: nothing shows before the order.
    await page.waitForTimeout(500);
    await expect(page.locator('[data-nps-widget]').count()).resolves.toBe(0);

    const orderId = await placeOrder();
    const survey = page.getByRole('dialog');
    await survey.waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await expect(panelClass()).resolves.toMatch(/\banchored\b/);
    await answerSurvey(10, 'Checkout was quick.');

    const records = await waitForRecords(submittedCount(1));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      surveyId: 'checkout',
      score: 10,
      complete: true,
      comment: 'Checkout was quick.',
      surveyType: 'transactional',
      touchpoint: 'checkout',
      metadata: { orderId },
    });
    expectCleanRun();
  });

  it('asks again after a second order (resurveyDays 0), on the same page and after a reload', async () => {
    await page.goto(new URL('/checkout.html', server.url).href);
    const survey = page.getByRole('dialog');

    const first = await placeOrder();
    await survey.waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await answerSurvey(8, 'First order.');
    await waitForRecords(submittedCount(1));
    const history = await widgetStorage();
    expect(JSON.parse(history['nps-widget:history:checkout'] ?? 'null')).toMatchObject({ lastRespondedAt: expect.any(Number) });

    // "Place another order": the thank-you makes way, and the next order is asked about too.
    await page.getByRole('button', { name: 'Place another order' }).click();
    await expect(page.locator('[data-nps-widget]').count()).resolves.toBe(0);
    const second = await placeOrder();
    expect(second).not.toBe(first);
    await survey.waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await answerSurvey(6, 'Second order.');

    // A later visit: the stored answers do not stop the question either.
    await page.reload();
    const third = await placeOrder();
    await survey.waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await answerSurvey(9, 'Third order.');

    const records = await waitForRecords(submittedCount(3));
    const byOrder = Object.fromEntries(records.map((record) => [String(record.metadata['orderId']), record]));
    expect(Object.keys(byOrder).sort()).toEqual([first, second, third].sort());
    expect(byOrder[first]).toMatchObject({ surveyId: 'checkout', touchpoint: 'checkout', score: 8, comment: 'First order.' });
    expect(byOrder[second]).toMatchObject({ surveyId: 'checkout', touchpoint: 'checkout', score: 6, comment: 'Second order.' });
    expect(byOrder[third]).toMatchObject({ surveyId: 'checkout', touchpoint: 'checkout', score: 9, comment: 'Third order.' });
    for (const record of records) expect(record.surveyType).toBe('transactional');
    expectCleanRun();
  });

  it('shows every placement on the placements page', async () => {
    await page.goto(new URL('/placements.html', server.url).href);
    const host = page.locator('[data-nps-widget]');
    const expected: Array<[string, RegExp]> = [
      ['bottom-right', /\bcorner\b.*\bbottom-right\b|\bbottom-right\b.*\bcorner\b/],
      ['bottom-left', /\bcorner\b.*\bbottom-left\b|\bbottom-left\b.*\bcorner\b/],
      ['top-right', /\bcorner\b.*\btop-right\b|\btop-right\b.*\bcorner\b/],
      ['top-left', /\bcorner\b.*\btop-left\b|\btop-left\b.*\bcorner\b/],
      ['bottom-bar', /\bbar\b/],
      ['modal', /\bmodal\b/],
      ['inline', /\binline\b/],
      ['anchored', /\banchored\b/],
    ];
    for (const [placement, panel] of expected) {
      const button = page.locator(`[data-placement="${placement}"]`);
      await button.click();
      await page.getByRole('dialog').waitFor();
      await expect(host.count(), placement).resolves.toBe(1);
      const className = await panelClass();
      expect(className, placement).toMatch(/^panel\b/);
      expect(className, placement).toMatch(panel);
      await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.locator('#snippet').textContent()).resolves.toContain(
        placement === 'anchored' ? "anchor: '#anchor-target'" : `placement: '${placement}'`,
      );
      await expect(page.locator('#inline-slot [data-nps-widget]').count(), placement).resolves.toBe(placement === 'inline' ? 1 : 0);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await expect(host.count()).resolves.toBe(0);
    }

    // A click while a survey is open replaces it: one widget at a time.
    await page.locator('[data-placement="bottom-right"]').click();
    await page.getByRole('dialog').waitFor();
    await page.locator('[data-placement="inline"]').click();
    await page.locator('#inline-slot [data-nps-widget]').waitFor();
    await expect(host.count()).resolves.toBe(1);

    // The snippet is text, never markup.
    await expect(page.locator('#snippet script').count()).resolves.toBe(0);
    await expect(page.locator('#snippet').textContent()).resolves.toContain('<script src="/nps-widget.js"></script>');
    expectCleanRun();
  });

  it('"Forget my answers" brings the survey back and keeps undelivered answers', async () => {
    // The collector is down, so the answer waits in the outbox.
    await context.route('**/api/nps', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"down"}' }));
    const comment = 'Answered while the server was down.';
    await page.goto(server.url);
    await page.getByRole('dialog').waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await answerSurvey(7, comment);
    const before = await widgetStorage();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['nps-widget:history:nps', 'nps-widget:outbox']));
    expect(before['nps-widget:outbox']).toContain(comment);

    // Answered: a new visit does not ask again.
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(1500);
    await expect(page.locator('[data-nps-widget]').count()).resolves.toBe(0);

    // "Show the survey again" forces it once, without touching the stored history.
    await page.getByRole('link', { name: 'Show the survey again' }).click();
    await page.waitForURL(/\?nps-force=1$/);
    await page.getByRole('dialog').waitFor({ timeout: SURVEY_TIMEOUT_MS });

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Forget my answers (this browser)' }).click()]);
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('dialog').waitFor({ timeout: SURVEY_TIMEOUT_MS });
    const after = await widgetStorage();
    expect(after['nps-widget:outbox']).toContain(comment);

    // The collector comes back: the answer given before the reset is delivered.
    await context.unroute('**/api/nps');
    await context.setOffline(true);
    await context.setOffline(false);
    const records = await waitForRecords(submittedCount(1), 25_000);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ score: 7, comment, complete: true, surveyType: 'relationship' });
    // Chromium logs each 503 as a failed resource load.
    expectCleanRun(/Failed to load resource: the server responded with a status of 503/);
  }, 60_000);
});
