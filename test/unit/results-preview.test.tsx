/**
 * mountNpsPreview with received responses: the results view in happy-dom. The browser tests
 * cover keyboard, layout and downloads; these cover what the view says.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPayload } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import type { ResultRecord } from '../../src/core/results/record.js';
import { mountNpsPreview } from '../../src/preview/mount.js';
import { relationshipContext } from '../fixtures.js';

let serial = 0;
function answer(score: number, createdAt: string, extra: Partial<ResultRecord> = {}): ResultRecord {
  serial += 1;
  const at = new Date(createdAt);
  return { ...toPayload(completeResponse(startResponse({ ...relationshipContext, pageUrl: null }, score, `id-${serial}`, at), ''), at), ...extra };
}
const many = (count: number, score: number, createdAt: string, extra: Partial<ResultRecord> = {}) => Array.from({ length: count }, () => answer(score, createdAt, extra));

function mount(records: readonly unknown[], options: Parameters<typeof mountNpsPreview>[2] = {}) {
  const element = document.createElement('div');
  document.body.append(element);
  const preview = mountNpsPreview(element, records as ResultRecord[], { timeZone: 'UTC', ...options });
  const root = () => element.querySelector('[data-nps-preview]')?.shadowRoot as ShadowRoot;
  return { preview, root };
}

/** Cell texts of the table captioned `caption`, without the copies hidden from screen readers. */
function rows(root: ShadowRoot, caption: string): string[][] {
  const table = [...root.querySelectorAll('table')].find((t) => t.caption?.textContent?.startsWith(caption));
  return [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) =>
    [...row.children].map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent ?? '';
    }),
  );
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
      ...many(20, 10, '2026-01-10T12:00:00Z'), ...many(10, 8, '2026-01-10T12:00:00Z'), ...many(20, 2, '2026-01-10T12:00:00Z'),
      ...many(30, 10, '2026-02-10T12:00:00Z', { touchpoint: 'checkout' }), ...many(10, 8, '2026-02-10T12:00:00Z'), ...many(10, 2, '2026-02-10T12:00:00Z'),
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
    expect([...root().querySelectorAll('.legend li')].map((item) => item.textContent)).toEqual(['Detractors: 50% (2)', 'Passives: 0% (0)', 'Promoters: 50% (2)']);
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
    expect(root().querySelector('.error')?.textContent).toBe('Cannot show this preview: option period is "fortnight"; expected "day", "week", "month", "quarter"');
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
