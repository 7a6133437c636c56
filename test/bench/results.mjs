/**
 * node test/bench/results.mjs [--json file]  (needs a built dist/: npm run build)
 *
 * The results view at a busy site's scale, in Chromium: the demo's generated year (1,000,000
 * payload v1 records, seeded) mounted with mountNpsPreview until the whole view (trend,
 * segments, reasons, follow-up list) is on screen, with the longest task while it counts; then
 * views re-rendered from the aggregate without reading the records again: each period, a
 * breakdown by touchpoint and one segment; and update() with the same records. Medians of
 * several runs; exits non-zero only when something is functionally wrong.
 */
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium, listenOnLoopback, openPage } from '../chromium.mjs';
import { describeMachine } from './machine.mjs';

/** @typedef {{ median: number, min: number, max: number, samples: number[] }} Stats */

const { values: args } = parseArgs({ options: { json: { type: 'string' } } });
const RUNS = 3;
const repo = new URL('../../', import.meta.url);
/** @type {string[]} */
const failures = [];

/** Only these files, from the build and the demo: the page generates the data itself. */
const FILES = {
  '/nps-preview.js': new URL('dist/nps-preview.js', repo),
  '/generated-year.js': new URL('demo/generated-year.js', repo),
  '/seeded-random.js': new URL('demo/seeded-random.js', repo),
};
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const file = FILES[/** @type {keyof typeof FILES} */ (path)];
  if (file) return void response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  if (path === '/') {
    return void response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>results bench</title><script src="/nps-preview.js"></script></head><body></body></html>',
      );
  }
  response.writeHead(404).end();
});
const { origin, close: closeServer } = await listenOnLoopback(server);

/** @returns {Stats} */
function stats(/** @type {number[]} */ samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples };
}

const browser = await launchChromium();
const chromiumVersion = browser.version();
/** @type {[string, string, string, string][]} */
const rows = [];
/** @type {Record<string, unknown>} */
const figures = {};
const ms = (/** @type {number} */ value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const row = (/** @type {string} */ metric, /** @type {Stats} */ s, /** @type {string} */ notes) =>
  rows.push([metric, ms(s.median), `${ms(s.min)}–${ms(s.max)}`, notes]);

try {
  const { context, page } = await openPage(
    browser,
    { timezoneId: 'Europe/Helsinki', viewport: { width: 1200, height: 900 } },
    { pageError: (message) => failures.push(`page error: ${message}`) },
  );
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.goto(`${origin}/`);

  const generated = await page.evaluate(async () => {
    const { generateYear } = /** @type {typeof import('../../demo/generated-year.js')} */ (
      await import(/* @vite-ignore */ `${location.origin}/generated-year.js`)
    );
    const start = performance.now();
    const generator = generateYear();
    let step = generator.next();
    while (!step.done) step = generator.next();
    /** @type {{ records?: unknown[] }} */ (/** @type {unknown} */ (globalThis)).records = step.value;
    return { count: step.value.length, ms: performance.now() - start };
  });

  const measureRun = () =>
    page.evaluate(async () => {
      const api = /** @type {{ NpsPreview: { mountNpsPreview: typeof import('../../src/preview/mount.js').mountNpsPreview } }} */ (
        /** @type {unknown} */ (globalThis)
      ).NpsPreview;
      const records = /** @type {import('../../src/core/results/record.js').ResultRecord[]} */ (
        /** @type {{ records: unknown[] }} */ (/** @type {unknown} */ (globalThis)).records
      );
      /** @type {{ start: number, duration: number }[]} */
      const longTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
      });
      observer.observe({ type: 'longtask' });
      /** Entries arrive after the fact: the longest task that overlapped [start, end]. */
      const longestBetween = (/** @type {number} */ start, /** @type {number} */ end) =>
        Math.max(0, ...longTasks.filter((task) => task.start < end && task.start + task.duration > start).map((task) => task.duration));
      const host = document.body.appendChild(document.createElement('div'));
      const root = () => /** @type {ShadowRoot} */ (host.querySelector('[data-nps-preview]')?.shadowRoot);
      /** Resolves with the time once `done()` holds at a frame (so the view is laid out), or null after 20 s. */
      // oxlint-disable-next-line unicorn/consistent-function-scoping -- this function runs inside the page
      const until = (/** @type {() => boolean} */ done, /** @type {number} */ start) =>
        /** @type {Promise<number | null>} */ (
          new Promise((resolve) => {
            const poll = () => {
              if (done()) return resolve(performance.now() - start);
              if (performance.now() - start > 20_000) return resolve(null);
              requestAnimationFrame(poll);
            };
            poll();
          })
        );
      const caption = () => root()?.querySelector('#trend-caption')?.textContent ?? '';
      const choose = async (/** @type {string} */ id, /** @type {string} */ value, /** @type {() => boolean} */ done) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const start = performance.now();
        const select = /** @type {HTMLSelectElement} */ (root().querySelector(`#${id}`));
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return until(done, start);
      };

      await new Promise((resolve) => setTimeout(resolve, 0));
      const mountStart = performance.now();
      const preview = api.mountNpsPreview(host, records, { timeZone: 'Europe/Helsinki', title: 'A generated year' });
      await preview.ready();
      const mount = await until(() => caption().startsWith('NPS by month') && Boolean(root().querySelector('.reasons')), mountStart);
      const mountEnd = performance.now();
      const periods = {
        day: await choose('field-period', 'day', () => caption().startsWith('NPS by day')),
        week: await choose('field-period', 'week', () => caption().startsWith('NPS by week')),
        quarter: await choose('field-period', 'quarter', () => caption().startsWith('NPS by quarter')),
        month: await choose('field-period', 'month', () => caption().startsWith('NPS by month')),
      };
      const byLocale = await choose('field-break-down-by', 'locale', () =>
        Boolean(root().querySelector('#breakdown-caption')?.textContent?.startsWith('NPS by Locale')),
      );
      const byTouchpoint = await choose('field-break-down-by', 'touchpoint', () =>
        Boolean(root().querySelector('#breakdown-caption')?.textContent?.startsWith('NPS by Touchpoint')),
      );
      const segment = await choose('field-segment', 'checkout', () => Boolean(root().querySelector('h2')?.textContent?.includes('Touchpoint: checkout')));
      const shownTotal = root().querySelector('.muted')?.textContent ?? '';
      await new Promise((resolve) => setTimeout(resolve, 0));
      const updateStart = performance.now();
      preview.update(records);
      await preview.ready();
      const update = performance.now() - updateStart;
      await new Promise((resolve) => setTimeout(resolve, 120)); // let the observer report
      observer.disconnect();
      const longestTask = longestBetween(mountStart, mountEnd);
      preview.destroy();
      host.remove();
      return { mount, periods, byLocale, byTouchpoint, segment, update, longestTask, shownTotal };
    });

  /** @type {Awaited<ReturnType<typeof measureRun>>[]} */
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureRun());
  const pick = (/** @type {(run: (typeof runs)[number]) => number | null} */ get, /** @type {string} */ what) => {
    const values = runs.map(get);
    if (values.some((value) => value === null)) failures.push(`${what}: not on screen within 20 s`);
    return stats(values.filter((value) => value !== null));
  };
  if (!runs.every((run) => /299,\d{3} responses/.test(run.shownTotal))) failures.push(`the checkout segment shows ${runs[0]?.shownTotal}`);
  const n = generated.count.toLocaleString('en');
  rows.push([`generate the demo's year, ${n} records (ms)`, ms(generated.ms), '', 'once; not part of the preview']);
  const mountStats = pick((run) => run.mount, 'mount');
  row(`mountNpsPreview, ${n} records (ms)`, mountStats, 'until trend, segments, reasons and follow-up are laid out; counted in slices with a progress bar');
  const taskStats = stats(runs.map((run) => run.longestTask));
  row('  longest task during that mount (ms)', taskStats, '0: none over 50 ms; the count itself runs in slices of about 12 ms');
  /** @type {Record<string, Stats>} */
  const periodStats = {};
  for (const period of /** @type {const} */ (['day', 'week', 'quarter', 'month'])) {
    periodStats[period] = pick((run) => run.periods[period], `period ${period}`);
    row(`  switch to ${period} (ms)`, periodStats[period], 'from the aggregate, no record read again');
  }
  const localeStats = pick((run) => run.byLocale, 'break down by locale');
  row('  break down by locale (ms)', localeStats, 'pooled per segment from the aggregate');
  const touchpointStats = pick((run) => run.byTouchpoint, 'break down by touchpoint');
  row('  break down by touchpoint (ms)', touchpointStats, 'pooled per segment from the aggregate');
  const segmentStats = pick((run) => run.segment, 'segment checkout');
  row('  show only checkout (ms)', segmentStats, 'headline, trend, reasons and follow-up of one segment');
  const updateStats = stats(runs.map((run) => run.update));
  row(`preview.update(same ${n} records) (ms)`, updateStats, 're-aggregates in slices until ready()');
  Object.assign(figures, {
    records: generated.count,
    generateMs: generated.ms,
    mountMs: mountStats,
    longestTaskMs: taskStats,
    periodMs: periodStats,
    byLocaleMs: localeStats,
    byTouchpointMs: touchpointStats,
    segmentMs: segmentStats,
    updateMs: updateStats,
    runs,
  });
  await context.close();
} finally {
  await browser.close();
  await closeServer();
}

const machine = describeMachine(chromiumVersion);
console.log(`\nThe results view at scale: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; Chromium ${machine.chromium}`);
console.log(`Median of ${RUNS} runs; periods in Europe/Helsinki.\n`);
const header = /** @type {[string, string, string, string]} */ (['metric', 'median', 'min–max', 'notes']);
const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
const format = (/** @type {[string, string, string, string]} */ r) =>
  `${r[0].padEnd(widths[0] ?? 0)} | ${r[1].padStart(widths[1] ?? 0)} | ${r[2].padStart(widths[2] ?? 0)} | ${r[3]}`;
console.log(format(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-') + '-|------');
for (const r of rows) console.log(format(r));
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({ machine, runs: RUNS, ...figures, failures }, null, 2)}\n`);
  console.log(`\nraw figures: ${args.json}`);
}
if (failures.length > 0) {
  console.log(`\nFAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
