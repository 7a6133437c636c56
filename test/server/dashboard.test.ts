/**
 * The dashboard in real Chromium, against a real receiver on 127.0.0.1 (PGlite, and the score
 * and trend once more on PostgreSQL): the token asked once per tab, the score and interval
 * calculateNps gives for the stored answers, the trend over the seeded days, two date ranges
 * compared, the comments searched, the closed-loop list, an eNPS survey, and axe-core clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { calculateNps } from '../../src/core/nps.js';
import type { NpsResponse } from '../../src/core/payload.js';
import { changeBetween } from '../../src/core/results/significance.js';
import { launchChromium } from '../chromium.mjs';
import { axeViolations, spoken, tableRows } from '../browser/preview-page.js';
import { serveOverHttp, startReceiver, submitted, TOKEN, type TestReceiver } from './receivers.js';
import { STORES, type StoreKind } from './stores.js';

interface Seed {
  at: string;
  score: number;
  comment?: string;
  consent?: boolean;
  user?: Record<string, string>;
  touchpoint?: string;
  locale?: string;
}

/** Answers over two October and three November days; comments, consent and users where the lists need them. */
const SEEDS: Seed[] = [
  {
    at: '2026-10-12T09:00:00Z',
    score: 3,
    comment: 'Parcel arrived late and damaged',
    consent: true,
    user: { id: 'u-3', email: 'cleo@example.com' },
    touchpoint: 'delivery',
  },
  { at: '2026-10-12T10:00:00Z', score: 9, touchpoint: 'delivery' },
  { at: '2026-10-12T11:00:00Z', score: 10, comment: 'Great prices', touchpoint: 'checkout' },
  { at: '2026-10-13T09:00:00Z', score: 6, consent: false, comment: 'Too slow', touchpoint: 'checkout' },
  { at: '2026-10-13T10:00:00Z', score: 8, touchpoint: 'checkout', locale: 'fi' },
  { at: '2026-11-02T09:00:00Z', score: 10, comment: 'Lovely staff', touchpoint: 'store' },
  { at: '2026-11-02T10:00:00Z', score: 9, touchpoint: 'store' },
  { at: '2026-11-02T11:00:00Z', score: 10, touchpoint: 'checkout', locale: 'fi' },
  { at: '2026-11-03T15:00:00Z', score: 7, comment: 'Fine, but the refund was late', consent: true, user: { id: 'u-2' }, touchpoint: 'checkout' },
  { at: '2026-11-03T16:00:00Z', score: 10, touchpoint: 'checkout' },
  {
    at: '2026-11-05T09:00:00Z',
    score: 2,
    comment: 'Checkout kept failing',
    consent: true,
    user: { id: 'u-1', email: 'ana@example.com' },
    touchpoint: 'checkout',
  },
  { at: '2026-11-05T12:00:00Z', score: 1, comment: 'Never again', consent: false, touchpoint: 'checkout' },
  { at: '2026-11-05T13:00:00Z', score: 9, comment: 'Quick and friendly', consent: true, user: { id: 'u-4' }, touchpoint: 'store' },
  { at: '2026-11-05T14:00:00Z', score: 10, touchpoint: 'store', locale: 'fi' },
];
const SEEDED_DAYS = ['Oct 12, 2026', 'Oct 13, 2026', 'Nov 2, 2026', 'Nov 3, 2026', 'Nov 5, 2026'];

function payloadOf(seed: Seed, surveyId: string): NpsResponse {
  const record = submitted(seed.score, seed.comment ?? '', { surveyId });
  return {
    ...record,
    comment: seed.comment ?? null,
    createdAt: new Date(seed.at).toISOString(),
    touchpoint: seed.touchpoint ?? null,
    surveyType: seed.touchpoint ? 'transactional' : 'relationship',
    locale: seed.locale ?? 'en',
    user: seed.user ?? null,
    ...(seed.consent === undefined ? {} : { consentToContact: seed.consent }),
  };
}

const scoresIn = (from: string, to: string) => SEEDS.filter((seed) => seed.at >= from && seed.at < to).map((seed) => seed.score);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function startSeeded(kind: StoreKind) {
  const r = await startReceiver({ storage: await kind.fresh(), rateLimit: 0 });
  for (const seed of SEEDS) expect((await r.post(payloadOf(seed, 'shop'))).status).toBe(201);
  const served = await serveOverHttp(r.receiver);
  return { r, served };
}

/** A tab in UTC, so local days are the seeds' days. */
async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

async function signIn(page: Page, token: string) {
  await page.getByLabel('Read token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Show the results' }).click();
}

const preview = (page: Page) => page.locator('[data-nps-preview]');

const sign = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The breakdown's rows for the seeds grouped by `keyOf`: largest first, with responses and NPS as spoken. */
function segmentRows(keyOf: (seed: Seed) => string): string[][] {
  const groups = new Map<string, number[]>();
  for (const seed of SEEDS) groups.set(keyOf(seed), [...(groups.get(keyOf(seed)) ?? []), seed.score]);
  return [...groups]
    .map(([key, scores]) => [key, calculateNps(scores)] as const)
    .sort((a, b) => b[1].total - a[1].total)
    .map(([key, result]) => [key, String(result.total), sign(result.rounded ?? NaN)]);
}

async function expectHeadline(page: Page, scores: number[]) {
  const { rounded, marginOfError, interval, total } = calculateNps(scores);
  await expect(preview(page).locator('.score [aria-hidden="true"]').first().textContent()).resolves.toBe(sign(rounded ?? NaN).replace('-', '−'));
  await expect(
    preview(page)
      .getByText(`±${marginOfError?.toFixed(1)} points`, { exact: true })
      .isVisible(),
  ).resolves.toBe(true);
  const [low, high] = (interval ?? [0, 0]).map((end) => Math.sign(end) * Math.round(Math.abs(end)));
  await expect(spoken(preview(page).locator('.card .muted').first())).resolves.toBe(
    `95% interval ${sign(low ?? 0)} to ${sign(high ?? 0)} · ${total} responses`,
  );
}

async function expectTrendDays(page: Page) {
  const trend = await tableRows(preview(page), /^NPS by day, UTC time$/);
  // Every day of the span is a row; the seeded ones have responses.
  expect(trend).toHaveLength(25);
  expect(trend.filter((row) => row[1] !== '0').map((row) => row[0])).toEqual(SEEDED_DAYS);
}

describe('the dashboard on PGlite', () => {
  let r: TestReceiver;
  let served: Awaited<ReturnType<typeof serveOverHttp>>;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ r, served } = await startSeeded(STORES[0] as StoreKind));
    for (const seed of SEEDS.slice(0, 6)) expect((await r.post({ ...payloadOf(seed, 'team'), kind: 'enps', user: null, pageUrl: null })).status).toBe(201);
    // Fewer answers than the minimum group size in all: not even a total is shown.
    for (const seed of SEEDS.slice(0, 3)) expect((await r.post({ ...payloadOf(seed, 'tiny'), kind: 'enps', user: null, pageUrl: null })).status).toBe(201);
    for (let n = 1; n <= 23; n++) {
      const at = new Date(Date.parse('2026-11-10T08:00:00Z') + n * 60_000).toISOString();
      expect((await r.post(payloadOf({ at, score: 9, comment: `Comment ${n}` }, 'many'))).status).toBe(201);
    }
    context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    ({ page, errors } = await openTab(context, `${served.url}/`));
  });
  afterAll(async () => {
    await context?.close();
    await served?.close();
    await r?.close();
  });

  it('asks for the token, says so when it is wrong, and keeps the right one for the tab only', async () => {
    await expect(page.title()).resolves.toBe('NPS results · nps-widget');
    await signIn(page, 'not-the-token');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('The receiver did not accept that token. Check it and enter it again.');
    await expect(page.getByLabel('Read token', { exact: true }).isVisible()).resolves.toBe(true);

    // The refusal puts the field back in focus; typing and Enter are enough.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('token');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await page.getByLabel('Survey', { exact: true }).waitFor();
    await expect(page.getByLabel('Survey', { exact: true }).locator('option').allTextContents()).resolves.toEqual([
      'many (23 responses)',
      'shop (14 responses)',
      'team (6 responses, eNPS)',
      'tiny (3 responses, eNPS)',
    ]);

    await page.reload();
    await page.getByLabel('Survey', { exact: true }).waitFor();
    await expect(page.getByLabel('Read token', { exact: true }).count()).resolves.toBe(0);

    const other = await browser.newContext({ timezoneId: 'UTC' });
    try {
      const { page: fresh } = await openTab(other, `${served.url}/`);
      await fresh.getByLabel('Read token', { exact: true }).waitFor();
      await expect(fresh.getByLabel('Survey', { exact: true }).count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  });

  it('shows the score and interval calculateNps gives, and the trend over the seeded days', async () => {
    await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'shop (14 responses)' });
    await expectHeadline(
      page,
      SEEDS.map((seed) => seed.score),
    );
    await expectTrendDays(page);
    await expect(page.getByLabel('From', { exact: true }).first().inputValue()).resolves.toBe('2026-10-12');
  });

  it('breaks the score down by touchpoint, locale and survey type, as the receiver grouped them', async () => {
    await expect(preview(page).getByLabel('Break down by').locator('option').allTextContents()).resolves.toEqual(['Touchpoint', 'Locale', 'Survey type']);
    expect((await tableRows(preview(page), /^NPS by Touchpoint/)).map((row) => row.slice(0, 3))).toEqual(segmentRows((seed) => seed.touchpoint ?? ''));
    await preview(page).getByLabel('Break down by').selectOption({ label: 'Locale' });
    expect((await tableRows(preview(page), /^NPS by Locale/)).map((row) => row.slice(0, 3))).toEqual(segmentRows((seed) => seed.locale ?? 'en'));
  });

  it('compares two date ranges with their own results and says whether the difference is significant', async () => {
    const verdict = page.locator('[data-verdict]');
    // By default the last 30 days against the 30 before, which hold no answers.
    await expect(verdict.textContent()).resolves.toBe('A comparison needs responses in both periods.');
    await page.locator('#compare-current-from').fill('2026-11-01');
    await page.locator('#compare-current-to').fill('2026-11-30');
    await page.locator('#compare-previous-from').fill('2026-10-01');
    await page.locator('#compare-previous-to').fill('2026-10-31');
    const november = calculateNps(scoresIn('2026-11-01', '2026-12-01'));
    const october = calculateNps(scoresIn('2026-10-01', '2026-11-01'));
    const change = changeBetween(october, november);
    await expect.poll(() => verdict.textContent()).toContain(`2026-11-01 to 2026-11-30 against 2026-10-01 to 2026-10-31`);
    await expect(verdict.textContent()).resolves.toContain(`p = ${change?.pValue.toFixed(3)}`);
    await expect(verdict.textContent()).resolves.toContain(change?.significant ? 'significant' : 'not significant');
    const rows = await tableRows(page.locator('main'), /^Two date ranges compared$/);
    expect(rows.find((row) => row[0]?.startsWith('This period'))?.slice(1, 3)).toEqual([String(november.total), `+${november.rounded}`]);
    expect(rows.find((row) => row[0]?.startsWith('Against'))?.slice(1, 3)).toEqual([String(october.total), `${october.rounded}`]);
  });

  it('lists the reasons newest first, by category, and finds comments by a search the receiver runs', async () => {
    const reasons = page.getByRole('region', { name: 'Reasons' });
    const comments = () => reasons.locator('.reasons q').allTextContents();
    await expect
      .poll(comments)
      .toEqual([
        'Quick and friendly',
        'Never again',
        'Checkout kept failing',
        'Fine, but the refund was late',
        'Lovely staff',
        'Too slow',
        'Great prices',
        'Parcel arrived late and damaged',
      ]);
    // An NPS survey's comment says where it was given.
    await expect(reasons.locator('.reasons li').first().textContent()).resolves.toContain('· store');
    await reasons.getByLabel('Search the comments').fill('LATE');
    await expect.poll(comments).toEqual(['Fine, but the refund was late', 'Parcel arrived late and damaged']);
    await reasons.getByLabel('Category').selectOption({ label: 'Detractors (0-6)' });
    await expect.poll(comments).toEqual(['Parcel arrived late and damaged']);
    await reasons.getByLabel('Search the comments').fill('');
    await reasons.getByLabel('Category').selectOption({ label: 'Passives (7-8)' });
    await expect.poll(comments).toEqual(['Fine, but the refund was late']);
    await reasons.getByLabel('Search the comments').fill('no such words');
    await expect.poll(() => reasons.getByRole('status').textContent()).toBe('No comments match.');
    await reasons.getByLabel('Search the comments').fill('');
    await reasons.getByLabel('Category').selectOption({ label: 'All categories' });
    await expect.poll(async () => (await comments()).length).toBe(8);
  });

  it('lists only the detractors and passives who agreed to be contacted, newest first, with who they are', async () => {
    const loop = page.getByRole('region', { name: 'Closing the loop' });
    await loop.getByRole('table').waitFor();
    const rows = await tableRows(loop, /^Detractors and passives who agreed to be contacted, newest first$/);
    expect(rows).toEqual([
      ['Nov 5, 2026, 9:00 AM', '2 · Detractor', 'Checkout kept failing', 'id: u-1, email: ana@example.com'],
      ['Nov 3, 2026, 3:00 PM', '7 · Passive', 'Fine, but the refund was late', 'id: u-2'],
      ['Oct 12, 2026, 9:00 AM', '3 · Detractor', 'Parcel arrived late and damaged', 'id: u-3, email: cleo@example.com'],
    ]);
  });

  it('passes axe-core with everything on screen', async () => {
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reads further pages of comments through the Link header', async () => {
    await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'many (23 responses)' });
    const reasons = page.getByRole('region', { name: 'Reasons' });
    const comments = () => reasons.locator('.reasons q').allTextContents();
    await expect.poll(async () => (await comments()).length).toBe(20);
    await reasons.getByRole('button', { name: 'Show more comments' }).click();
    await expect.poll(comments).toEqual(Array.from({ length: 23 }, (_, index) => `Comment ${23 - index}`));
    await expect(reasons.getByRole('button', { name: 'Show more comments' }).count()).resolves.toBe(0);
  });

  it('for an eNPS survey, says groups are protected and lists comments without their segment', async () => {
    await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'team (6 responses, eNPS)' });
    await page.getByText(/^Employee NPS: the receiver shows no group of fewer than 5 answers/).waitFor();
    // Its six answers fall on three days, none with five: the trend holds them back, the total does not.
    await page.getByText('By day: 6 answers withheld for anonymity.').waitFor();
    await expectHeadline(
      page,
      SEEDS.slice(0, 6).map((seed) => seed.score),
    );
    // Every touchpoint has fewer than five: all merged into one group.
    expect((await tableRows(preview(page), /^NPS by Touchpoint/)).map((row) => row.slice(0, 2))).toEqual([['(other)', '6']]);
    const reasons = page.getByRole('region', { name: 'Reasons' });
    await expect
      .poll(() => reasons.locator('.reasons q').allTextContents())
      .toEqual(['Lovely staff', 'Too slow', 'Great prices', 'Parcel arrived late and damaged']);
    for (const item of await reasons.locator('.reasons li').allTextContents()) expect(item).not.toMatch(/· (store|checkout|delivery)/);
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'tiny (3 responses, eNPS)' });
    await expect
      .poll(() => page.getByText(/^No score shown:/).textContent())
      .toBe('No score shown: 3 answers withheld for anonymity, fewer than the minimum group size.');
  });
});

describe('the dashboard on PostgreSQL', () => {
  it('shows the same score, interval and trend', async () => {
    const { r, served } = await startSeeded(STORES[1] as StoreKind);
    const context = await browser.newContext({ timezoneId: 'UTC' });
    try {
      const { page, errors } = await openTab(context, `${served.url}/`);
      await signIn(page, TOKEN);
      await expectHeadline(
        page,
        SEEDS.map((seed) => seed.score),
      );
      await expectTrendDays(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await served.close();
      await r.close();
    }
  });
});
