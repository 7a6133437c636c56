/**
 * The demo's results page in Chromium, against the demo server on 127.0.0.1, as a team uses
 * it: paste each input form, change the period and the segment, reach the significance mark
 * and its p-value with the keyboard, export both CSVs and read the files, filter the reasons,
 * load the Hungarian example and a generated year, and pass axe-core.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { toPayload } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { parseCsv } from '../../src/core/results/csv.js';
import type { ResultRecord } from '../../src/core/results/record.js';
import { recordsFromCsv, recordsToCsv } from '../../src/core/results/records-csv.js';
import { relationshipContext } from '../fixtures.js';
import { useBrowser, type DemoServer } from './harness.js';
import { axeViolations, tableRows as rowsOf } from './preview-page.js';

const harness = useBrowser({ allowRequest: (url) => url.startsWith(server.url) || url.startsWith('blob:') });
let server: DemoServer;
let page: Page;
let pageErrors: string[];
let consoleErrors: string[];
let foreignRequests: string[];

beforeEach(async () => {
  server = await harness.demoServer();
  // Periods are local to the viewer's zone by default: pin it, so the expected months hold anywhere.
  ({ page, pageErrors, consoleErrors, foreignRequests } = await harness.open({ timezoneId: 'Europe/Helsinki', viewport: { width: 1200, height: 900 } }));
  await page.goto(new URL('/results.html', server.url).href);
});

let serial = 0;
/** A submitted answer as the widget delivers it. */
function answer(score: number, createdAt: string, extra: Partial<ResultRecord> = {}): ResultRecord {
  serial += 1;
  const at = new Date(createdAt);
  const id = `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
  return { ...toPayload(completeResponse(startResponse({ ...relationshipContext, pageUrl: null }, score, id, at), ''), at), ...extra };
}
function month(createdAt: string, promoters: number, passives: number, detractors: number, extra: (i: number) => Partial<ResultRecord> = () => ({})) {
  let i = 0;
  const make = (score: number, n: number) => Array.from({ length: n }, () => answer(score, createdAt, extra(i++)));
  return [...make(10, promoters), ...make(8, passives), ...make(3, detractors)];
}

/**
 * Five months with hand-worked comparisons (as in test/unit/results-aggregate.test.ts):
 * January 0, February +40 (p = 0.0213 against January: significant), March empty, April +24,
 * May 0 (p = 0.1805 against April: noise). Checkout answers are the first ten of each month.
 */
const checkoutFirst = (i: number): Partial<ResultRecord> =>
  i < 10 ? { touchpoint: 'checkout', surveyType: 'transactional', metadata: { plan: 'pro' } } : { metadata: { plan: 'free' } };
const FIVE_MONTHS = [
  ...month('2026-01-15T10:00:00Z', 20, 10, 20, checkoutFirst),
  ...month('2026-02-15T10:00:00Z', 30, 10, 10, checkoutFirst),
  ...month('2026-04-15T10:00:00Z', 26, 10, 14, checkoutFirst),
  ...month('2026-05-15T10:00:00Z', 20, 10, 20, checkoutFirst),
];
// Reasons to filter: a detractor at checkout, a promoter elsewhere, and visitor text a spreadsheet would run.
Object.assign(FIVE_MONTHS[0]!, { comment: 'Checkout was great' }); // a promoter at checkout
Object.assign(FIVE_MONTHS[195]!, { comment: 'Support never answered', consentToContact: true, user: { email: 'ana@example.com' } }); // a detractor in May, not checkout
Object.assign(FIVE_MONTHS[50]!, { comment: '=HYPERLINK("http://evil.example","click")', consentToContact: false }); // a promoter at checkout in February
Object.assign(FIVE_MONTHS[85]!, { comment: 'Payment page froze' }); // a passive, February

const preview = () => page.locator('#preview');

async function paste(text: string) {
  await page.getByLabel('Paste scores, a frequency table or a CSV export', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Show pasted data' }).click();
}

/** What a sighted reader sees of the headline score. */
const headline = () => preview().locator('.score [aria-hidden="true"]').first().textContent();

/** Rows of a table in the preview, as the text a screen reader gets (the eye-only copies left out). */
const tableRows = (caption: RegExp) => rowsOf(preview(), caption);

/** The focused element inside the preview's shadow root: its name and what its aria-describedby says. */
function focusedInPreview() {
  return page.evaluate(() => {
    const root = document.querySelector('[data-nps-preview]')?.shadowRoot;
    const focused = root?.activeElement;
    const tip = focused?.getAttribute('aria-describedby') ? root?.getElementById(focused.getAttribute('aria-describedby') ?? '') : null;
    const copy = tip?.cloneNode(true) as Element | undefined;
    copy?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return {
      name: focused?.getAttribute('aria-label') ?? null,
      description: copy?.textContent ?? null,
      tipVisible: tip ? !(tip as HTMLElement).hidden : false,
    };
  });
}

async function downloaded(button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), preview().getByRole('button', { name: button }).click()]);
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

function expectCleanRun() {
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
}

describe('results page', () => {
  it('reads each pasted form, says which it recognised, and names a bad value without breaking the page', async () => {
    await paste('10 9 9 8\n3, 10');
    await expect(page.locator('#paste-status').textContent()).resolves.toBe('Read as a list of 6 scores.');
    await expect.poll(headline).toBe('+50'); // 4 promoters, 1 detractor of 6

    await page.getByRole('button', { name: 'Load the Hungarian example' }).click();
    await expect(page.locator('#paste-status').textContent()).resolves.toBe('Read as a frequency table: 10 scores listed, 378 responses.');
    await expect.poll(headline).toBe('\u221212');
    await expect(preview().getByText('378 responses').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#source').textContent()).resolves.toBe('Showing: pasted data (frequency table).');

    await paste('0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75');
    await expect(page.locator('#paste-status').textContent()).resolves.toContain('Read as a frequency table: 11 counts');
    await expect.poll(headline).toBe('\u221212');

    await paste(recordsToCsv(FIVE_MONTHS));
    await expect(page.locator('#paste-status').textContent()).resolves.toBe('Read as a CSV export: 200 responses.');
    await preview().getByRole('heading', { name: 'NPS over time' }).waitFor();
    await expect.poll(headline).toBe('+16'); // (96 - 64) / 200

    await paste(JSON.stringify(FIVE_MONTHS.slice(0, 50)));
    await expect(page.locator('#paste-status').textContent()).resolves.toBe('Read as JSON: 50 responses.');
    await expect.poll(headline).toBe('0');

    // A bad value: one error naming it and where it is; what was shown stays.
    await paste('9, 10, 11, 3');
    await expect(page.locator('#paste-status').textContent()).resolves.toBe(
      '“11” (the 3rd value) is not a score; scores are whole numbers from 0 to 10. Paste scores, a frequency table (score and count on each line) or a CSV export with a score column.',
    );
    await expect(page.locator('#paste-status').getAttribute('class')).resolves.toContain('is-error');
    await expect.poll(headline).toBe('0');
    expectCleanRun();
  });

  it('reads pasted scores on a legacy scale and labels them non-standard NPS', async () => {
    await page.getByLabel('Scores are on', { exact: true }).selectOption('1-5');
    await paste('5 5 5 4 3 1');
    await expect(page.locator('#paste-status').textContent()).resolves.toBe('Read as a list of 6 scores.');
    await expect(page.locator('#source').textContent()).resolves.toBe('Showing: pasted data (scores, 1-5 scale).');
    await expect.poll(headline).toBe('+17'); // 3 promoters (5), 1 passive (4), 2 detractors of 6
    await expect(preview().getByText('Non-standard NPS').first().isVisible()).resolves.toBe(true);
    // A 0-10 score is not on the 1-5 scale: named, never counted.
    await paste('5 9');
    await expect(page.locator('#paste-status').textContent()).resolves.toContain('“9” (the 2nd value) is not a score; scores are whole numbers from 1 to 5.');
    await page.getByLabel('Scores are on', { exact: true }).selectOption('0-10');
    await paste('10 9 0');
    await expect.poll(headline).toBe('+33');
    await expect(preview().getByText('Non-standard NPS').count()).resolves.toBe(0);
    expectCleanRun();
  });

  it('changes period and segment from the aggregate, with the time zone shown', async () => {
    await paste(recordsToCsv(FIVE_MONTHS));
    await expect(preview().getByText('Periods are local to Europe/Helsinki').isVisible()).resolves.toBe(true);
    const months = await tableRows(/^NPS by month, Europe\/Helsinki time$/);
    expect(months.map((row) => row.slice(0, 3))).toEqual([
      ['January 2026', '50', '0'],
      ['February 2026', '50', '+40'],
      ['March 2026', '0', '–'],
      ['April 2026', '50', '+24'],
      ['May 2026', '50', '0'],
    ]);

    await preview().getByLabel('Period', { exact: true }).selectOption('quarter');
    expect((await tableRows(/^NPS by quarter/)).map((row) => row.slice(0, 3))).toEqual([
      ['Q1 2026', '100', '+20'],
      ['Q2 2026', '100', '+12'],
    ]);

    // Segments: by touchpoint, then only checkout (the first 10 of each month: 10s and 8s).
    await preview().getByLabel('Break down by', { exact: true }).selectOption('touchpoint');
    expect((await tableRows(/^NPS by Touchpoint/)).map((row) => row.slice(0, 3))).toEqual([
      ['(none)', '160', '-5'], // 56 promoters, 64 detractors
      ['checkout', '40', '+100'],
    ]);
    await preview().getByLabel('Segment', { exact: true }).selectOption('checkout');
    await expect.poll(headline).toBe('+100');
    await expect(preview().getByRole('heading', { name: 'Pasted data · Touchpoint: checkout' }).isVisible()).resolves.toBe(true);

    await preview().getByLabel('Break down by', { exact: true }).selectOption('metadata.plan');
    expect((await tableRows(/^NPS by plan \(metadata\)/)).map((row) => row.slice(0, 2))).toEqual([
      ['free', '160'],
      ['pro', '40'],
    ]);
    expectCleanRun();
  });

  it('marks a significant change with a symbol and words, and gives its p-value to the keyboard', async () => {
    await paste(recordsToCsv(FIVE_MONTHS));
    const rows = await tableRows(/^NPS by month/);
    expect(rows[1]?.slice(4)).toEqual(['+40', '0.021', '▲ Yes, a rise']);
    expect(rows[2]?.slice(4)).toEqual(['–', '–', 'Not tested']);
    expect(rows[4]?.slice(4)).toEqual(['-24', '0.180', 'No']);

    // Tab from the last control of the view to the chart: one Tab stop, then arrow keys.
    await preview().getByLabel('Benchmark (industry NPS)', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect((await focusedInPreview()).name).toBe('May 2026: NPS 0');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const february = await focusedInPreview();
    expect(february.name).toBe('February 2026: NPS +40, significant change');
    expect(february.tipVisible).toBe(true);
    expect(february.description).toBe(
      // Adjusted Wald for 30/10/10: NPS' = 20/53 = 0.3774, SE' = sqrt(0.6406 / 53) = 0.1099, so 37.7 ± 21.5.
      'February 2026NPS +40, 95% interval +16 to +59, 50 responseschange from January 2026: +40 points, p = 0.021, ▲ significant rise',
    );
    await page.keyboard.press('End');
    expect((await focusedInPreview()).description).toContain('change from April 2026: -24 points, p = 0.180, not significant');
    await page.keyboard.press('Escape');
    expect((await focusedInPreview()).tipVisible).toBe(false);
    // The mark is drawn as a symbol too, never as colour alone.
    await expect(preview().locator('.point .mark').allTextContents()).resolves.toEqual(['▲']);
    expectCleanRun();
  });

  it('exports the raw records and the aggregated table as CSV files that read back', async () => {
    await paste(recordsToCsv(FIVE_MONTHS));
    const records = await downloaded('Download the raw records (CSV)');
    expect(records.startsWith('\uFEFFid,createdAt,scale,score,')).toBe(true);
    // Visitor text that a spreadsheet would run stays text.
    expect(records).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(recordsFromCsv(parseCsv(records.slice(1)))).toEqual(FIVE_MONTHS);

    await preview().getByLabel('Break down by', { exact: true }).selectOption('touchpoint');
    const table = parseCsv((await downloaded('Download the aggregated table (CSV)')).slice(1)).rows;
    const header = table[0] ?? [];
    const get = (row: string[], name: string) => row[header.indexOf(name)];
    const february = table.find((row) => get(row, 'segment') === 'all' && get(row, 'period') === '2026-02') ?? [];
    expect(['responses', 'nps', 'changeFromPrevious', 'pValue', 'significant'].map((name) => get(february, name))).toEqual([
      '50',
      '40',
      '40',
      '0.02131',
      'true',
    ]);
    const checkout = table.find((row) => get(row, 'segment') === 'checkout' && get(row, 'period') === 'all') ?? [];
    expect(['segmentBy', 'responses', 'nps'].map((name) => get(checkout, name))).toEqual(['Touchpoint', '40', '100']);
    expectCleanRun();
  });

  it('filters the reasons by category and segment, and lists detractors with their consent', async () => {
    await paste(recordsToCsv(FIVE_MONTHS));
    const reasons = () => preview().locator('.reasons q').allTextContents();
    // Newest first; of answers given at the same moment, the later given first.
    expect(await reasons()).toEqual(['Support never answered', 'Payment page froze', '=HYPERLINK("http://evil.example","click")', 'Checkout was great']);

    await preview().getByLabel('Category', { exact: true }).selectOption('detractor');
    expect(await reasons()).toEqual(['Support never answered']);
    await preview().getByLabel('Category', { exact: true }).selectOption('passive');
    expect(await reasons()).toEqual(['Payment page froze']);

    await preview().getByLabel('Category', { exact: true }).selectOption('');
    await preview().getByLabel('Break down by', { exact: true }).selectOption('touchpoint');
    await preview().getByLabel('Segment', { exact: true }).selectOption('checkout');
    expect(await reasons()).toEqual(['=HYPERLINK("http://evil.example","click")', 'Checkout was great']);

    await preview().getByLabel('Segment', { exact: true }).selectOption('');
    const detractors = await tableRows(/^Detractors to follow up with/);
    expect(detractors).toHaveLength(20);
    expect(detractors.find((row) => row[2] === 'Support never answered')?.slice(1)).toEqual([
      '3',
      'Support never answered',
      'Yes',
      'email: ana@example.com',
      '(none)',
    ]);
    await expect(preview().getByText('64 detractors, 1 agreed to be contacted').isVisible()).resolves.toBe(true);
    expectCleanRun();
  });

  it('keeps the live view of the collector, and goes back to it', async () => {
    const record = answer(9, new Date().toISOString(), { comment: 'Quick and friendly' });
    const posted = await fetch(new URL('/api/nps', server.url), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(record) });
    expect(posted.status).toBe(201);
    await expect.poll(headline, { timeout: 10_000 }).toBe('+100');
    await expect(preview().getByRole('heading', { name: 'Live answers' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Load the Hungarian example' }).click();
    await expect.poll(headline).toBe('\u221212');
    await expect(page.locator('#live-comments').isHidden()).resolves.toBe(true);
    // Polling goes on, but does not take the pasted data off the screen.
    await page.waitForTimeout(2500);
    await expect.poll(headline).toBe('\u221212');

    await page.getByRole('button', { name: 'Show live answers' }).click();
    await expect.poll(headline).toBe('+100');
    await expect(page.getByRole('table', { name: 'Latest comments' }).getByRole('cell', { name: 'Quick and friendly' }).isVisible()).resolves.toBe(true);
    expectCleanRun();
  });

  it('passes axe-core with the whole results view showing, inside the shadow root too', async () => {
    await paste(recordsToCsv(FIVE_MONTHS));
    await preview().getByLabel('Benchmark (industry NPS)', { exact: true }).fill('30');
    await preview().getByLabel('Benchmark (industry NPS)', { exact: true }).press('Tab'); // the chart point, its tooltip open
    expect(await axeViolations(page)).toEqual([]);
    expectCleanRun();
  });
});

describe('a generated year', () => {
  it('generates a million answers, counts them without freezing the page, and finds the checkout dip', async () => {
    // The preview counts in slices with a progress bar. Recorded in the page itself, since a
    // page busy with its own work runs the test's evaluate calls only between its slices.
    await preview().locator('[data-nps-preview]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const root = document.querySelector('[data-nps-preview]')?.shadowRoot;
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const value = root?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
        if (value && value !== seen[seen.length - 1]) seen.push(value);
      }).observe(root as ShadowRoot, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Load a generated year' }).click();
    await page.getByRole('progressbar', { name: 'Generating a year of answers…' }).waitFor();
    await page.getByText('Showing: a generated year of a busy shop, 1,000,000 answers').waitFor({ timeout: 90_000 });
    await preview().getByRole('heading', { name: 'NPS over time' }).waitFor({ timeout: 30_000 });
    await expect(preview().getByText('1,000,000 responses').first().isVisible()).resolves.toBe(true);
    // Several distinct values, rising: the page got the event loop back between slices.
    const seen = (await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)).map(Number);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    await preview().getByLabel('Break down by', { exact: true }).selectOption('touchpoint');
    await preview().getByLabel('Segment', { exact: true }).selectOption('checkout');
    const rows = await tableRows(/^NPS by month/);
    const byMonth = Object.fromEntries(rows.map((row) => [row[0], row[6]]));
    expect(byMonth['July 2025']).toBe('▼ Yes, a fall');
    expect(byMonth['September 2025']).toBe('▲ Yes, a rise');
    // The order id is no segment: the most common values are named, the rest pooled.
    await preview().getByLabel('Break down by', { exact: true }).selectOption('metadata.orderId');
    await expect(preview().getByText('the rest are pooled as “(other values)”').isVisible()).resolves.toBe(true);
    expectCleanRun();
  }, 180_000);
});
