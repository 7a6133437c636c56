/**
 * The built results preview (dist/nps-preview.js) fed a receiver's tallies in Chromium, on a
 * page served from 127.0.0.1: what a person sees of the score, its interval, the trend, the
 * comparison of two periods and the segments; the keyboard on the chart; bad tallies shown as
 * an error on a page that keeps working; and axe-core on all of it, inside the shadow root.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calculateNps } from '../../src/core/nps.js';
import type { ResultsTallies } from '../../src/core/results/tallies.js';
import { axeViolations, tableRows as rowsOf, spoken } from './preview-page.js';
import { useBrowser, type TestServer } from './harness.js';

const counts = (byScore: Record<number, number>) => Array.from({ length: 11 }, (_, score) => byScore[score] ?? 0);
/** January 0, February +40 (p = 0.021 against January), March empty, April +24, May 0 (p = 0.180 against April). */
const BY_MONTH: ResultsTallies = {
  surveyId: 'nps',
  scale: '0-10',
  by: 'month',
  timeZone: 'Europe/Helsinki',
  from: '2026-01-01',
  to: '2026-05-31',
  total: { counts: counts({ 10: 96, 8: 40, 3: 64 }) },
  groups: [
    { key: '2026-01', counts: counts({ 10: 20, 8: 10, 3: 20 }) },
    { key: '2026-02', counts: counts({ 10: 30, 8: 10, 3: 10 }) },
    { key: '2026-04', counts: counts({ 10: 26, 8: 10, 3: 14 }) },
    { key: '2026-05', counts: counts({ 10: 20, 8: 10, 3: 20 }) },
  ],
};
const BY_TOUCHPOINT: ResultsTallies = {
  ...BY_MONTH,
  by: 'touchpoint',
  groups: [
    { key: 'checkout', counts: counts({ 10: 40 }) },
    { key: 'support', counts: counts({ 3: 30 }) },
  ],
};

const harness = useBrowser();
let server: TestServer;
let page: Page;
let pageErrors: string[];
let consoleErrors: string[];

beforeAll(async () => {
  server = await harness.testServer();
  server.page(
    '/results.html',
    '<!doctype html><html lang="en"><title>Results</title><main><h1>Survey results</h1><div id="results"></div></main><script src="/nps-preview.js"></script>',
  );
});
beforeEach(async () => {
  ({ page, pageErrors, consoleErrors } = await harness.open({ viewport: { width: 1200, height: 900 } }));
  await page.goto(`${server.origin}/results.html`);
});

/** Mounts the preview as a page would, with what GET /results answered. */
function mount(tallies: unknown, options: Record<string, unknown> = {}) {
  return page.evaluate(
    ([input, given]) => {
      const api = (window as unknown as { NpsPreview: { mountNpsPreview(element: Element, input: unknown, options: unknown): unknown } }).NpsPreview;
      api.mountNpsPreview(document.querySelector('#results') as Element, input, given);
    },
    [tallies, options] as const,
  );
}

const preview = () => page.locator('#results');

const tableRows = (caption: RegExp) => rowsOf(preview(), caption);

describe('the results preview fed tallies', () => {
  it('shows the score, its interval, the trend, two periods compared and the segments', async () => {
    await mount([BY_MONTH, BY_TOUCHPOINT], { title: 'Survey nps' });
    // The headline as the eye sees it: (96 - 64) / 200 = +16.
    await expect(preview().locator('.score [aria-hidden="true"]').first().textContent()).resolves.toBe('+16');
    const { marginOfError, interval } = calculateNps(BY_MONTH.total);
    await expect(
      preview()
        .getByText(`±${marginOfError?.toFixed(1)} points`, { exact: true })
        .isVisible(),
    ).resolves.toBe(true);
    const [low, high] = (interval ?? [0, 0]).map(Math.round);
    await expect(preview().locator('.card .muted').first().isVisible()).resolves.toBe(true);
    await expect(spoken(preview().locator('.card .muted').first())).resolves.toBe(`95% interval +${low} to +${high} · 200 responses`);
    await expect(preview().locator('.histogram .column').count()).resolves.toBe(11);
    await expect(preview().getByText('Tallies counted by the receiver from 2026-01-01 to 2026-05-31, by month.').isVisible()).resolves.toBe(true);

    // The trend: five months on the chart, the empty March a point without a score.
    await expect(preview().locator('svg .point').count()).resolves.toBe(5);
    await expect(preview().locator('.point .mark').allTextContents()).resolves.toEqual(['▲']);
    const trend = await tableRows(/^NPS by month, Europe\/Helsinki time$/);
    expect(trend.map((row) => [row[0], row[2], row[6]])).toEqual([
      ['January 2026', '0', 'Not tested'],
      ['February 2026', '+40', '▲ Yes, a rise'],
      ['March 2026', '–', 'Not tested'],
      ['April 2026', '+24', 'Not tested'],
      ['May 2026', '0', 'No'],
    ]);
    // The chart is one Tab stop; the focused point describes itself.
    await preview()
      .getByRole('group', { name: /NPS by month, 5 points/ })
      .locator('[tabindex="0"]')
      .focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(preview().getByRole('tooltip').textContent()).resolves.toMatch(/^February 2026NPS \+40.*p = 0\.021, ▲ significant rise$/);

    // Two periods: the latest against the one before it, then February against January.
    const verdict = preview().locator('#compare-caption').locator('xpath=ancestor::section').locator('.answer');
    await expect(verdict.textContent()).resolves.toContain('p = 0.180: not significant');
    await preview().getByLabel('This period', { exact: true }).selectOption({ label: 'February 2026' });
    await preview().getByLabel('Against', { exact: true }).selectOption({ label: 'January 2026' });
    await expect(verdict.textContent()).resolves.toContain('p = 0.021: ▲ a significant rise (p < 0.05).');

    // Rolled up into quarters in the page, no new request.
    await preview().getByLabel('Period', { exact: true }).selectOption('quarter');
    expect((await tableRows(/^NPS by quarter/)).map((row) => [row[0], row[1]])).toEqual([
      ['Q1 2026', '100'],
      ['Q2 2026', '100'],
    ]);

    const segments = await tableRows(/^NPS by Touchpoint/);
    expect(segments.map((row) => row.slice(0, 3))).toEqual([
      ['(in no group)', '130', '+17'],
      ['checkout', '40', '+100'],
      ['support', '30', '-100'],
    ]);
    await expect(preview().getByRole('heading', { name: 'Reasons' }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows bad tallies as one error and leaves the page working', async () => {
    await mount({ ...BY_MONTH, groups: [{ key: '2026-01', counts: [1, 2, 3] }] });
    await expect(
      preview().getByText('Cannot show this preview: tallies.groups[0] ("2026-01"): counts has 3 entries; expected 11 (index = score)').isVisible(),
    ).resolves.toBe(true);
    expect(consoleErrors).toHaveLength(1);
    // The next answer replaces the error.
    await mount(BY_MONTH);
    await expect(preview().locator('.score [aria-hidden="true"]').first().textContent()).resolves.toBe('+16');
    expect(pageErrors).toEqual([]);
  });

  it('passes axe-core with the whole view showing, the chart tooltip open', async () => {
    await mount([BY_MONTH, BY_TOUCHPOINT]);
    await preview().getByLabel('Benchmark (industry NPS)', { exact: true }).fill('30');
    await preview().getByLabel('Benchmark (industry NPS)', { exact: true }).press('Tab');
    await preview().getByRole('tooltip').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
