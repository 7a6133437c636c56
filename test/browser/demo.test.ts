/**
 * The demo's whole loop in Chromium, as a newcomer meets it: the survey appears on the shop,
 * the answer reaches the collector, and the results page shows the score and the comment.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import { launchChromium } from '../chromium.mjs';

// The demo serves the built scripts, so dist/ must exist before the server module loads.
for (const file of ['index.js', 'nps-widget.js', 'nps-preview.js']) {
  const path = fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test builds before running vitest).`);
}
const { startDemoServer } = await import('../../demo/server.mjs');

/** The widget may take its time deciding to appear; the loop must still fit in a minute. */
const SURVEY_TIMEOUT_MS = 15_000;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let directory: string;
let context: BrowserContext;
let page: Page;
/** Requests to anything but the demo server: the demo must work with no network. */
let foreignRequests: string[];
let pageErrors: Error[];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'nps-demo-'));
  server = await startDemoServer({ port: 0, dataFile: join(directory, 'responses.json'), quiet: true });
  // A fresh context per test: no survey history in localStorage, like a first visit.
  context = await browser.newContext();
  foreignRequests = [];
  pageErrors = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(server.url)) foreignRequests.push(request.url());
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

async function storedRecords(): Promise<NpsResponse[]> {
  const response = await fetch(new URL('/api/responses', server.url));
  return (await response.json()) as NpsResponse[];
}

/** Delivery is asynchronous (beacon or fetch): poll the collector until the answer has landed. */
async function waitForSubmittedRecord(timeoutMs = 10_000): Promise<NpsResponse[]> {
  const deadline = Date.now() + timeoutMs;
  let records = await storedRecords();
  while (!records.some((record) => record.complete)) {
    if (Date.now() > deadline) {
      throw new Error(`No submitted response reached the collector within ${timeoutMs} ms; stored: ${JSON.stringify(records)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
    records = await storedRecords();
  }
  return records;
}

/** Accessible names begin with the number; 0 and 10 may go on with an end label. */
const scoreRadio = (score: number) => page.getByRole('dialog').getByRole('radio', { name: new RegExp(`^${score}\\b`) });

async function answerSurvey(score: number, comment: string) {
  const survey = page.getByRole('dialog');
  await scoreRadio(score).click();
  await survey.getByRole('textbox').fill(comment);
  await survey.getByRole('button', { name: /submit|send/i }).click();
  await page.locator('[data-nps-widget]').getByRole('status').waitFor();
}

describe('demo', () => {
  it('shows the survey on the shop, stores the answer and shows it on the results page', async () => {
    const comment = 'Found what I needed in two clicks.';
    await page.goto(server.url);
    await page.getByRole('dialog').waitFor({ timeout: SURVEY_TIMEOUT_MS });

    await answerSurvey(9, comment);

    const records = await waitForSubmittedRecord();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      score: 9,
      category: 'promoter',
      complete: true,
      comment,
      surveyType: 'relationship',
      touchpoint: null,
    });

    await page.goto(new URL('/results.html', server.url).href);
    // One promoter and nothing else: NPS +100.
    await page.locator('#preview').getByText(/\+100\b/).first().waitFor();
    await page.getByText('1 response stored').waitFor();
    await page.getByRole('table', { name: 'Latest comments' }).getByRole('cell', { name: comment }).waitFor();

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('asks about checkout next to the order confirmation after an order', async () => {
    await page.goto(server.url);
    // A shopper who ignores the general survey still gets the one about their order.
    const survey = page.getByRole('dialog');
    await survey.waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await survey.getByRole('button', { name: 'Close' }).click();
    await survey.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.locator('#order-confirmation').waitFor();
    await survey.waitFor({ timeout: SURVEY_TIMEOUT_MS });
    await answerSurvey(10, 'Checkout was quick.');

    const records = await waitForSubmittedRecord();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      score: 10,
      complete: true,
      comment: 'Checkout was quick.',
      surveyType: 'transactional',
      touchpoint: 'checkout',
      metadata: expect.objectContaining({ orderId: 'A-1001' }),
    });
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
