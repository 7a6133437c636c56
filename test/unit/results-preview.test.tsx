/**
 * mountNpsPreview with received responses and with a receiver's tallies: the results view in happy-dom. The browser tests
 * cover keyboard, layout and downloads; these cover what the view says.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPayload } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { calculateNps } from '../../src/core/nps.js';
import type { ResultRecord } from '../../src/core/results/record.js';
import type { ResultsTallies } from '../../src/core/results/tallies.js';
import { mountNpsPreview, type NpsPreviewInput } from '../../src/preview/mount.js';
import { relationshipContext } from '../fixtures.js';

let serial = 0;
function answer(score: number, createdAt: string, extra: Partial<ResultRecord> = {}): ResultRecord {
  serial += 1;
  const at = new Date(createdAt);
  return { ...toPayload(completeResponse(startResponse({ ...relationshipContext, pageUrl: null }, score, `id-${serial}`, at), ''), at), ...extra };
}
const many = (count: number, score: number, createdAt: string, extra: Partial<ResultRecord> = {}) =>
  Array.from({ length: count }, () => answer(score, createdAt, extra));

/** Mounts records or tallies, periods in UTC unless told otherwise. */
function mount(input: unknown, options: Parameters<typeof mountNpsPreview>[2] = {}) {
  const element = document.createElement('div');
  document.body.append(element);
  const preview = mountNpsPreview(element, input as NpsPreviewInput, { timeZone: 'UTC', ...options });
  const root = () => element.querySelector('[data-nps-preview]')?.shadowRoot as ShadowRoot;
  return { preview, root };
}

/** The text a screen reader gets: without the copies hidden from it. */
function spoken(element: Element | null | undefined): string {
  const copy = element?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy?.textContent ?? '';
}

/** Cell texts of the table captioned `caption`, as spoken. */
function rows(root: ShadowRoot, caption: string): string[][] {
  const table = [...root.querySelectorAll('table')].find((t) => t.caption?.textContent?.startsWith(caption));
  return [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(spoken));
}

/** Preact renders state changes on the next tick. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function choose(root: ShadowRoot, id: string, value: string) {
  const select = root.querySelector<HTMLSelectElement>(`#${id}`);
  if (!select) throw new Error(`no #${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return settle();
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the results view', () => {
  it('shows the trend by month in the stated zone, a significant rise in words, and the breakdown', () => {
    const records = [
      ...many(20, 10, '2026-01-10T12:00:00Z'),
      ...many(10, 8, '2026-01-10T12:00:00Z'),
      ...many(20, 2, '2026-01-10T12:00:00Z'),
      ...many(30, 10, '2026-02-10T12:00:00Z', { touchpoint: 'checkout' }),
      ...many(10, 8, '2026-02-10T12:00:00Z'),
      ...many(10, 2, '2026-02-10T12:00:00Z'),
    ];
    const { root } = mount(records, { timeZone: 'Asia/Kolkata' });
    expect(root().textContent).toContain('Periods are local to Asia/Kolkata');
    expect(rows(root(), 'NPS by month, Asia/Kolkata time').map((row) => [row[0], row[1], row[2], row[5], row[6]])).toEqual([
      ['January 2026', '50', '0', '–', 'Not tested'],
      ['February 2026', '50', '+40', '0.021', '▲ Yes, a rise'],
    ]);
    expect(rows(root(), 'NPS by Touchpoint').map((row) => [row[0], row[1], row[2]])).toEqual([
      ['(none)', '70', '-14'],
      ['checkout', '30', '+100'],
    ]);
  });

  it('labels answers on another scale as non-standard NPS, on their own, without 0-10 ranges', async () => {
    const records = [
      ...many(3, 10, '2026-01-10T12:00:00Z'),
      ...many(2, 6, '2026-01-10T12:00:00Z', { scale: '1-7', category: 'promoter' }),
      ...many(2, 1, '2026-01-10T12:00:00Z', { scale: '1-7', category: 'detractor' }),
    ];
    const { root } = mount(records);
    // The standard scale shows first; the other is offered, never pooled.
    expect(root().querySelector('.label')?.textContent).toBe('NPS');
    expect(root().querySelector('.muted')?.textContent).toContain('3 responses');
    const scale = root().querySelector<HTMLSelectElement>('#field-scale');
    expect([...(scale?.options ?? [])].map((option) => option.text)).toEqual(['0-10 (NPS)', '1-7 (non-standard NPS)']);
    await choose(root(), 'field-scale', '1-7');
    expect(root().querySelector('.label')?.textContent).toBe('Non-standard NPS');
    expect(root().querySelector('.muted')?.textContent).toContain('4 responses');
    expect(root().textContent).toContain('Non-standard NPS: these answers were given on a 1-7 scale');
    expect([...root().querySelectorAll('.legend li')].map((item) => item.textContent)).toEqual([
      'Detractors: 50% (2)',
      'Passives: 0% (0)',
      'Promoters: 50% (2)',
    ]);
    expect(root().querySelector('.histogram')).toBeNull();
  });

  it('lists detractors with whether they may be contacted', () => {
    const records = [
      answer(2, '2026-01-10T12:00:00Z', { comment: 'Too slow', consentToContact: true, user: { email: 'a@example.com' } }),
      answer(4, '2026-01-11T12:00:00Z', { consentToContact: false }),
      answer(5, '2026-01-12T12:00:00Z'),
      answer(10, '2026-01-12T12:00:00Z', { comment: 'Great' }),
    ];
    const { root } = mount(records);
    expect(rows(root(), 'Detractors to follow up with').map((row) => row.slice(1))).toEqual([
      ['5', '–', 'Not asked', 'anonymous', '(none)'],
      ['4', '–', 'No', 'anonymous', '(none)'],
      ['2', 'Too slow', 'Yes', 'email: a@example.com', '(none)'],
    ]);
    expect(root().textContent).toContain('3 detractors, 1 agreed to be contacted');
  });

  it('says how many more answers a chosen margin needs (Hungarian example: 888 more for ±5)', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    mountNpsPreview(element, { counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] });
    const root = element.querySelector('[data-nps-preview]')?.shadowRoot as ShadowRoot;
    expect(root.querySelector('.answer')?.textContent).toBe(
      'For ±5 points: about 1,266 responses in all, so 888 more than the 378 so far, judged by how the answers have spread; 1,156 more in the worst case.',
    );
    await choose(root, 'field-margin', '10');
    expect(root.querySelector('.answer')?.textContent).toBe('Already within ±10 points: the margin is ±9.1 with 378 responses.');
  });

  it('names a bad option instead of guessing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { root } = mount([answer(9, '2026-01-10T12:00:00Z')], { period: 'fortnight' as never });
    expect(root().querySelector('.error')?.textContent).toBe(
      'Cannot show this preview: option period is "fortnight"; expected "day", "week", "month", "quarter"',
    );
    expect(error).toHaveBeenCalledOnce();
    mount([answer(9, '2026-01-10T12:00:00Z')], { timeZone: 'Europe/Atlantis' });
    expect(String(error.mock.calls[1]?.[0])).toContain('timeZone is "Europe/Atlantis"');
  });

  it('counts a large input over several tasks, and a newer update() wins over one still counting', async () => {
    const large = many(30_000, 0, '2026-01-10T12:00:00Z');
    const { preview, root } = mount(large);
    // More than one task's worth: nothing is shown as a result until the count is done.
    expect(root().querySelector('.score')).toBeNull();
    preview.update([answer(10, '2026-01-10T12:00:00Z')]);
    await preview.ready();
    expect(root().querySelector('.score [aria-hidden="true"]')?.textContent).toBe('+100');

    preview.update(large);
    await preview.ready();
    expect(root().querySelector('.score [aria-hidden="true"]')?.textContent).toBe('\u2212100');
    expect(root().querySelector('.muted')?.textContent).toContain('30,000 responses');
  });

  it("keeps the viewer's choices across update(), a large one counted in slices too", async () => {
    const { preview, root } = mount([...many(5, 10, '2026-01-10T12:00:00Z'), ...many(5, 0, '2026-05-10T12:00:00Z')]);
    await choose(root(), 'field-period', 'quarter');
    expect(root().querySelector('#trend-caption')?.textContent).toBe('NPS by quarter, UTC time');
    // A slow machine: every reading of the clock is 60 ms later, so the progress bar shows at once.
    let clock = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 60));
    // Recorded as it happens: what is on screen each time the progress bar changes.
    const seen: string[] = [];
    new MutationObserver(() => {
      const bar = root().querySelector('[role="progressbar"]');
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}% over ${root().querySelector('#trend-caption')?.textContent}`);
    }).observe(root(), { subtree: true, childList: true, attributes: true });
    preview.update(many(30_000, 9, '2026-02-10T12:00:00Z'));
    await preview.ready();
    // The old view stayed below the bar, choices and all, until the new count was done.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((entry) => entry.endsWith('% over NPS by quarter, UTC time'))).toBe(true);
    expect(root().querySelector('[role="progressbar"]')).toBeNull();
    expect(root().querySelector<HTMLSelectElement>('#field-period')?.value).toBe('quarter');
    expect(rows(root(), 'NPS by quarter').map((row) => [row[0], row[1]])).toEqual([['Q1 2026', '30,000']]);
  });

  it('hands the CSV export to the browser as a file', () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { root } = mount([answer(9, '2026-01-10T12:00:00Z', { comment: '@everyone look' })]);
    const button = [...root().querySelectorAll('button')].find((b) => b.textContent === 'Download the raw records (CSV)');
    button?.click();
    expect(created).toHaveLength(1);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    return created[0]?.text().then((text) => {
      expect(text.startsWith('\uFEFFid,createdAt,')).toBe(true);
      expect(text).toContain(",'@everyone look,");
    });
  });
});

const counts = (byScore: Record<number, number>) => Array.from({ length: 11 }, (_, score) => byScore[score] ?? 0);
const panelTitles = (root: ShadowRoot) => [...root.querySelectorAll('h3')].map((h) => h.textContent);
/** What a sighted reader sees of a signed number. */
const seen = (root: ParentNode, selector: string) => root.querySelector(`${selector} [aria-hidden="true"]`)?.textContent;

describe('the results view of a receiver’s tallies', () => {
  /** The five months of the trend tests: January 0, February +40 (p = 0.021), March empty, April +24, May 0 (p = 0.180). */
  const MONTHS = { '2026-01': [20, 10, 20], '2026-02': [30, 10, 10], '2026-04': [26, 10, 14], '2026-05': [20, 10, 20] } as const;
  const groups = Object.entries(MONTHS).map(([key, [promoters, passives, detractors]]) => ({
    key,
    counts: counts({ 10: promoters, 8: passives, 3: detractors }),
  }));
  const total = { counts: counts({ 10: 96, 8: 40, 3: 64 }) };
  const byMonth: ResultsTallies = { surveyId: 'nps', scale: '0-10', by: 'month', timeZone: 'UTC', from: '2026-01-01', to: '2026-05-31', total, groups };
  const byTouchpoint: ResultsTallies = {
    ...byMonth,
    by: 'touchpoint',
    groups: [
      { key: 'checkout', counts: counts({ 10: 40 }) },
      { key: 'support', counts: counts({ 3: 30 }) },
    ],
  };

  it('draws the score, interval, distribution, trend, comparison and segments from tallies alone', async () => {
    const { root } = mount([byMonth, byTouchpoint], { title: 'Last five months' });
    const result = calculateNps(total);
    expect(seen(root(), '.score')).toBe(`+${result.rounded}`);
    expect(root().querySelector('.margin')?.textContent).toBe(`±${result.marginOfError?.toFixed(1)} points`);
    expect(spoken(root().querySelector('.card .muted'))).toBe(
      `95% interval +${Math.round(result.interval?.[0] ?? 0)} to +${Math.round(result.interval?.[1] ?? 0)} · 200 responses`,
    );
    expect(rows(root(), 'Responses by score').map((row) => row[1])).toEqual(total.counts.map(String));
    expect(root().textContent).toContain('Tallies counted by the receiver from 2026-01-01 to 2026-05-31, by month. Periods are local to UTC');
    // The period they were grouped by, with every change tested.
    expect(root().querySelector<HTMLSelectElement>('#field-period')?.value).toBe('month');
    expect(rows(root(), 'NPS by month, UTC time').map((row) => [row[0], row[1], row[2], row[5], row[6]])).toEqual([
      ['January 2026', '50', '0', '–', 'Not tested'],
      ['February 2026', '50', '+40', '0.021', '▲ Yes, a rise'],
      ['March 2026', '0', '–', '–', 'Not tested'],
      ['April 2026', '50', '+24', '–', 'Not tested'],
      ['May 2026', '50', '0', '0.180', 'No'],
    ]);
    // Two periods compared: by default the latest against the one before (with responses): not significant.
    expect(rows(root(), 'Two periods compared').map((row) => row.slice(0, 3))).toEqual([
      ['May 2026', '50', '0'],
      ['April 2026', '50', '+24'],
    ]);
    expect(spoken(root().querySelector('#compare-caption')?.closest('.panel')?.querySelector('.answer'))).toBe(
      'Difference -24 points (50 responses against 50), p = 0.180: not significant: a difference this size can be chance (p ≥ 0.05).',
    );
    await choose(root(), 'field-compare-first', '2026-02');
    await choose(root(), 'field-compare-second', '2026-01');
    expect(spoken(root().querySelector('#compare-caption')?.closest('.panel')?.querySelector('.answer'))).toBe(
      'Difference +40 points (50 responses against 50), p = 0.021: ▲ a significant rise (p < 0.05).',
    );
    // Segments pooled over the span; what is in no group stays visible.
    expect(rows(root(), 'NPS by Touchpoint').map((row) => row.slice(0, 3))).toEqual([
      ['(in no group)', '130', '+17'], // 56 promoters, 40 passives, 34 detractors
      ['checkout', '40', '+100'],
      ['support', '30', '-100'],
    ]);
    // Reasons, detractors and the records' CSV need records: tallies have none.
    expect(panelTitles(root())).toEqual(['View', 'NPS over time', 'Compare two periods', 'By touchpoint', 'How many more responses', 'Export']);
    expect([...root().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Download the aggregated table (CSV)']);
    expect(root().querySelector('#field-segment')).toBeNull();
  });

  it('rolls days up into the period the viewer picks, and keeps it across update()', async () => {
    const byDay: ResultsTallies = { ...byMonth, by: 'day', groups: groups.map(({ key, counts: c }) => ({ key: `${key}-15`, counts: c })) };
    const { preview, root } = mount(byDay);
    expect(root().querySelector<HTMLSelectElement>('#field-period')?.value).toBe('day');
    await choose(root(), 'field-period', 'quarter');
    expect(rows(root(), 'NPS by quarter').map((row) => [row[0], row[1]])).toEqual([
      ['Q1 2026', '100'],
      ['Q2 2026', '100'],
    ]);
    preview.update({
      ...byDay,
      groups: [...byDay.groups, { key: '2026-07-01', counts: counts({ 9: 5 }) }],
      total: { counts: counts({ 10: 96, 9: 5, 8: 40, 3: 64 }) },
    });
    await settle();
    expect(rows(root(), 'NPS by quarter').map((row) => [row[0], row[1]])).toEqual([
      ['Q1 2026', '100'],
      ['Q2 2026', '100'],
      ['Q3 2026', '5'],
    ]);
  });

  it('shows another scale as non-standard NPS, without 0-10 ranges or histogram', () => {
    const fivePoint: ResultsTallies = { surveyId: 'csat', scale: '1-5', total: { counts: counts({ 5: 6, 4: 2, 2: 2 }) }, groups: [] };
    const { root } = mount(fivePoint);
    expect(root().querySelector('.label')?.textContent).toBe('Non-standard NPS');
    expect(seen(root(), '.score')).toBe('+40');
    expect([...root().querySelectorAll('.legend li')].map((item) => item.textContent)).toEqual([
      'Detractors: 20% (2)',
      'Passives: 20% (2)',
      'Promoters: 60% (6)',
    ]);
    expect(root().querySelector('.histogram')).toBeNull();
    expect(root().textContent).toContain('Non-standard NPS: these answers were given on a 1-5 scale');
    expect(root().textContent).toContain('No trend: these tallies are not grouped by day, week or month.');
    expect(root().textContent).toContain('No breakdown: these tallies are not grouped by a segment');
  });

  it('shows empty tallies as no responses yet, with nothing to trend or compare', () => {
    const { root } = mount({ surveyId: 'nps', scale: '0-10', by: 'week', total: { counts: counts({}) }, groups: [] });
    expect(root().querySelector('.empty')?.textContent).toBe('No responses yet');
    expect(root().textContent).toContain('No dated responses, so there is no trend to show.');
    expect(panelTitles(root())).not.toContain('Compare two periods');
  });

  it('shows one clear error for bad tallies and never throws into the page', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad: Array<[unknown, string, Parameters<typeof mountNpsPreview>[2]?]> = [
      [{ ...byMonth, total: { counts: [1, 2, 3] } }, 'tallies.total: counts has 3 entries; expected 11 (index = score)'],
      [
        { ...byMonth, groups: [{ key: '2026-01', counts: counts({ 4: -2 }) }] },
        'tallies.groups[0] ("2026-01"): counts[4] is -2; counts are non-negative integers',
      ],
      [byMonth, 'tallies are on the 0-10 scale, but option scale is "1-5"; give the answers\' scale, or leave the option out', { scale: '1-5' }],
      [
        [byMonth, { ...byTouchpoint, scale: '1-7', total: { counts: counts({ 7: 1 }) }, groups: [] }],
        'tallies[1].scale is "1-7" but tallies[0].scale is "0-10"; answers shown together must agree on it',
      ],
    ];
    for (const [input, message, options] of bad) {
      const { root } = mount(input, options);
      expect(root().querySelector('.error')?.textContent).toBe(`Cannot show this preview: ${message}`);
    }
    expect(error).toHaveBeenCalledTimes(bad.length);
  });
});
