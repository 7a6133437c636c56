/**
 * node test/bench/calculator.mjs [--json file]  (needs a built dist/: npm run build)
 *
 * Part 1, Node: calculateNps on 10 million scores (Uint8Array, Int32Array, Float64Array, plain
 * Array; deterministic pseudo-random) against a plain filter-and-count, and { counts } input.
 * Part 2, Chromium: NpsPreview.mountNpsPreview on 1,000,000 payload v1 records (about 2% of
 * them later deliveries of an id), update() with them again, and a mount with { counts }; with
 * the longest task the page saw during each. Medians of several runs; exits non-zero only when
 * something is functionally wrong (scores disagree, the preview never shows the right score).
 */
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { launchChromium, listenOnLoopback, openPage } from '../chromium.mjs';
import { seededRandom } from '../seeded-random.mjs';
import { describeMachine } from './machine.mjs';

/** @typedef {import('../../src/core/nps.js').NpsResult} NpsResult */
/** @typedef {import('../../src/core/payload.js').NpsResponse} NpsResponse */
/** @typedef {typeof import('../../src/core/nps.js').calculateNps} CalculateNps */
/**
 * The global the script-tag file dist/nps-preview.js defines.
 * @typedef {{ mountNpsPreview: typeof import('../../src/preview/mount.js').mountNpsPreview, calculateNps: CalculateNps }} NpsPreviewGlobal
 */
/** What the page keeps between evaluate calls. @typedef {{ records: NpsResponse[], longTasks: { start: number, duration: number }[] }} PageState */
/** @typedef {{ median: number, min: number, max: number, samples: number[] }} Stats */
/** Anything the naive implementation can filter. @typedef {{ readonly length: number, filter(predicate: (value: number) => boolean): { readonly length: number } }} Filterable */

const { values: args } = parseArgs({ options: { json: { type: 'string' } } });

const SCORE_COUNT = 10_000_000;
const RECORD_COUNT = 1_000_000;
const DUPLICATE_SHARE = 0.02;
const NODE_RUNS = 7;
const NODE_WARMUPS = 2;
const COUNTS_BATCH = 10_000;
const BROWSER_RUNS = 3;
const SEED = 20240601;
/**
 * Relative weight of each score 0-10: a plausible, mostly happy audience (about 53% promoters,
 * 20% detractors) rather than a uniform spread. Used in Node and, copied, in the page.
 */
const WEIGHTS = [3, 1, 1, 2, 2, 5, 6, 10, 17, 22, 31];

const repo = new URL('../../', import.meta.url);
/** @type {string[]} */
const failures = [];

/** @returns {Stats} */
function stats(/** @type {number[]} */ samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples };
}

/**
 * Runs `fn` `warmups` times untimed, then `runs` times timed (ms); returns the timings and the last result.
 * @template T
 * @param {() => T} fn
 * @returns {{ stats: Stats, result: T }}
 */
function time(fn, runs = NODE_RUNS, warmups = NODE_WARMUPS) {
  for (let i = 0; i < warmups; i++) fn();
  /** @type {number[]} */
  const samples = [];
  /** @type {T | undefined} */
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  return { stats: stats(samples), result: /** @type {T} */ (result) };
}

/** The straightforward implementation the calculator is compared with. */
function filterAndCount(/** @type {Filterable} */ scores) {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return { promoters, detractors, nps: ((promoters - detractors) / scores.length) * 100 };
}

const ms = (/** @type {number} */ value) =>
  value === 0 ? '0' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 0.1 ? value.toFixed(2) : value.toFixed(4);
const perSecond = (/** @type {number} */ count, /** @type {number} */ millis) => `${(((count / millis) * 1000) / 1e6).toFixed(0)} M scores/s`;

// ---------------------------------------------------------------- Part 1: Node

const { calculateNps } = /** @type {{ calculateNps: CalculateNps }} */ (await import(new URL('dist/index.js', repo).href));

/** `count` weighted scores 0-10 from the seeded PRNG. */
function makeScores(/** @type {number} */ count) {
  const random = seededRandom(SEED);
  const cumulative = WEIGHTS.map(
    (
      (sum) => (/** @type {number} */ weight) =>
        (sum += weight)
    )(0),
  );
  const weightTotal = cumulative.at(-1) ?? 1;
  const scores = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const r = random() * weightTotal;
    let score = 0;
    while ((cumulative[score] ?? weightTotal) <= r) score++;
    scores[i] = score;
  }
  return scores;
}
const source = makeScores(SCORE_COUNT);

/** @type {Record<string, { calculateNps: Stats, filterAndCount: Stats, speedUp: number, nps: number | null }>} */
const nodeFigures = {};
/** @type {[string, string, string, string][]} */
const rows = [];
const row = (/** @type {string} */ metric, /** @type {Stats} */ s, /** @type {string} */ notes) =>
  rows.push([metric, ms(s.median), `${ms(s.min)}–${ms(s.max)}`, notes]);

/** One variant at a time, so at most the source and one copy are alive (80 MB for Float64). */
const variants = /** @type {[string, () => Filterable & Iterable<number>][]} */ ([
  ['Uint8Array', () => source],
  ['Int32Array', () => Int32Array.from(source)],
  ['Float64Array', () => Float64Array.from(source)],
  ['Array', () => Array.from(source)],
]);
/** @type {NpsResult | undefined} */
let reference;
for (const [name, make] of variants) {
  let scores = /** @type {(Filterable & Iterable<number>) | null} */ (make());
  const ours = time(() => calculateNps(/** @type {Iterable<number>} */ (scores)));
  const naive = time(() => filterAndCount(/** @type {Filterable} */ (scores)));
  scores = null;
  const { result } = ours;
  reference ??= result;
  const agree =
    result.total === SCORE_COUNT &&
    result.promoters === naive.result.promoters &&
    result.detractors === naive.result.detractors &&
    result.nps !== null &&
    Math.abs(result.nps - naive.result.nps) < 1e-9 &&
    result.nps === reference.nps;
  if (!agree) {
    failures.push(
      `${name}: calculateNps says P ${result.promoters} D ${result.detractors} NPS ${result.nps}, ` +
        `filter-and-count says P ${naive.result.promoters} D ${naive.result.detractors} NPS ${naive.result.nps}`,
    );
  }
  const speedUp = naive.stats.median / ours.stats.median;
  nodeFigures[name] = { calculateNps: ours.stats, filterAndCount: naive.stats, speedUp, nps: result.nps };
  row(`calculateNps, 10M ${name} (ms)`, ours.stats, `${perSecond(SCORE_COUNT, ours.stats.median)}; NPS ${result.nps?.toFixed(4)}${agree ? '' : ' DISAGREES'}`);
  row(`filter-and-count, 10M ${name} (ms)`, naive.stats, `${perSecond(SCORE_COUNT, naive.stats.median)}; calculateNps ${speedUp.toFixed(1)}x faster`);
}

const referenceCounts = reference?.distribution ?? [];
const countsRun = time(() => {
  /** @type {NpsResult | undefined} */
  let last;
  for (let i = 0; i < COUNTS_BATCH; i++) last = calculateNps({ counts: referenceCounts });
  return last;
});
const perCall = stats(countsRun.stats.samples.map((total) => (total / COUNTS_BATCH) * 1000));
if (countsRun.result?.nps !== reference?.nps) failures.push(`{ counts }: NPS ${countsRun.result?.nps}, scores gave ${reference?.nps}`);
rows.push([
  'calculateNps({ counts }) (µs per call)',
  perCall.median.toFixed(2),
  `${perCall.min.toFixed(2)}–${perCall.max.toFixed(2)}`,
  `batches of ${COUNTS_BATCH.toLocaleString('en')} calls; same NPS`,
]);

const nodePeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

// ---------------------------------------------------------------- Part 2: Chromium

const previewScript = readFileSync(new URL('dist/nps-preview.js', repo));
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/nps-preview.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(previewScript);
  } else if (path === '/') {
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>calculator bench</title><script src="/nps-preview.js"></script></head><body></body></html>',
      );
  } else {
    response.writeHead(404).end();
  }
});
const { origin, close: closeServer } = await listenOnLoopback(server);

const browser = await launchChromium();
const chromiumVersion = browser.version();
/** @type {Record<string, unknown>} */
const browserFigures = {};
try {
  const { context, page } = await openPage(browser, {}, { pageError: (message) => failures.push(`page error: ${message}`) });
  // Only the local server: anything else the page might ask for is refused.
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.goto(`${origin}/`);

  const generated = await page.evaluate(
    ({ count, duplicateShare, seed, weights }) => {
      const api = /** @type {{ NpsPreview: NpsPreviewGlobal }} */ (/** @type {unknown} */ (globalThis)).NpsPreview;
      /** @type {PageState} */
      const state = { records: [], longTasks: [] };
      /** @type {{ npsBench?: PageState }} */ (/** @type {unknown} */ (globalThis)).npsBench = state;
      const longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
      if (longTaskSupported) {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask', buffered: true });
      }

      let t = seed >>> 0;
      const random = () => {
        t = (t + 0x6d2b79f5) >>> 0;
        let x = t;
        x = Math.imul(x ^ (x >>> 15), x | 1);
        x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
        return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
      };
      const cumulative = weights.map(
        (
          (sum) => (/** @type {number} */ w) =>
            (sum += w)
        )(0),
      );
      const weightTotal = cumulative.at(-1) ?? 1;
      const nextScore = () => {
        const r = random() * weightTotal;
        let score = 0;
        while ((cumulative[score] ?? weightTotal) <= r) score++;
        return score;
      };
      /** @type {NpsResponse['category'][]} */
      const categories = Array.from({ length: 11 }, (_, s) => (s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor'));
      // A year, one shared ISO string per hour: records are in delivery order, so sentAt never decreases.
      const HOURS = 8760;
      const hours = Array.from({ length: HOURS }, (_, h) => new Date(Date.UTC(2025, 0, 1) + h * 3_600_000).toISOString());
      const hourAt = (/** @type {number} */ position) => hours[Math.floor((position * HOURS) / count)] ?? '';

      const records = state.records;
      const originalPosition = new Int32Array(count);
      const finalScore = new Uint8Array(count); // per id: the score its latest state carries
      let ids = 0;
      let duplicates = 0;
      for (let position = 0; position < count; position++) {
        const sentAt = hourAt(position);
        if (ids > 0 && random() < duplicateShare) {
          // A later delivery of a recent response: submitted, often with a changed score.
          const index = ids - 1 - Math.floor(random() * Math.min(ids, 5000));
          const original = /** @type {NpsResponse} */ (records[originalPosition[index] ?? 0]);
          original.complete = false; // what was delivered first was the score alone
          const score = random() < 0.5 ? original.score : nextScore();
          finalScore[index] = score;
          records.push({ ...original, score, category: categories[score] ?? 'detractor', complete: true, sentAt });
          duplicates++;
          continue;
        }
        const score = nextScore();
        originalPosition[ids] = position;
        finalScore[ids] = score;
        records.push({
          schemaVersion: 1,
          id: `r-${ids}`,
          surveyId: 'nps',
          kind: 'nps',
          scale: '0-10',
          score,
          category: categories[score] ?? 'detractor',
          comment: null,
          complete: true,
          surveyType: 'relationship',
          touchpoint: null,
          user: null,
          metadata: {},
          locale: 'en',
          pageUrl: null,
          createdAt: sentAt,
          sentAt,
        });
        ids++;
      }
      const counts = Array.from({ length: 11 }, () => 0);
      for (let i = 0; i < ids; i++) counts[finalScore[i] ?? 0] = (counts[finalScore[i] ?? 0] ?? 0) + 1;
      const expected = api.calculateNps({ counts });
      // Chromium's non-standard heap figure: what the records cost the page.
      const memory = /** @type {{ memory?: { usedJSHeapSize: number } }} */ (/** @type {unknown} */ (performance)).memory;
      const heapMb = memory ? Math.round(memory.usedJSHeapSize / 2 ** 20) : null;
      return { records: records.length, ids, duplicates, counts, rounded: expected.rounded, total: expected.total, longTaskSupported, heapMb };
    },
    { count: RECORD_COUNT, duplicateShare: DUPLICATE_SHARE, seed: SEED, weights: WEIGHTS },
  );

  /** One run: mount records, update with them again, mount { counts }; each in a task of its own. */
  const measureRun = () =>
    page.evaluate(
      async ({ counts: latestCounts, rounded, total }) => {
        const api = /** @type {{ NpsPreview: NpsPreviewGlobal }} */ (/** @type {unknown} */ (globalThis)).NpsPreview;
        const state = /** @type {{ npsBench: PageState }} */ (/** @type {unknown} */ (globalThis)).npsBench;
        const scoreText = `${rounded !== null && rounded > 0 ? '+' : rounded !== null && rounded < 0 ? '-' : ''}${Math.abs(rounded ?? 0)}`;
        const totalText = `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(total)} responses`;
        /** Whether the preview in `element` shows the expected score and count (and lays it out). */
        const shows = (/** @type {Element} */ element) => {
          const root = element.querySelector('[data-nps-preview]')?.shadowRoot;
          const ok = Boolean(root?.querySelector('.score')?.textContent?.includes(scoreText) && root.querySelector('.muted')?.textContent?.includes(totalText));
          if (ok) void (/** @type {HTMLElement} */ (element).offsetHeight); // forces style and layout
          return ok;
        };
        /** Resolves once the preview shows, or with null after 10 s. */
        const until = (/** @type {Element} */ element) =>
          /** @type {Promise<number | null>} */ (
            new Promise((resolve) => {
              if (shows(element)) return resolve(performance.now());
              const deadline = performance.now() + 10_000;
              const poll = () => (shows(element) ? resolve(performance.now()) : performance.now() > deadline ? resolve(null) : requestAnimationFrame(poll));
              requestAnimationFrame(poll);
            })
          );
        /** The longest task that overlapped [start, end], once the observer has had time to report. */
        const longestTask = async (/** @type {number} */ start, /** @type {number} */ end) => {
          await new Promise((resolve) => setTimeout(resolve, 120));
          const overlapping = state.longTasks.filter((task) => task.start < end && task.start + task.duration > start);
          return Math.max(0, ...overlapping.map((task) => task.duration));
        };
        /** Runs `act` at the start of a fresh task; the time from its start until `element` shows the preview. */
        const measure = async (/** @type {Element} */ element, /** @type {() => void} */ act) => {
          await new Promise((resolve) => setTimeout(resolve, 0)); // a task of its own
          const start = performance.now();
          act();
          const shown = await until(element);
          const end = shown ?? performance.now();
          return { ms: shown === null ? null : shown - start, longestTaskMs: await longestTask(start, end) };
        };

        const recordsHost = document.body.appendChild(document.createElement('div'));
        /** @type {import('../../src/preview/mount.js').NpsPreview | undefined} */
        let preview;
        const mount = await measure(recordsHost, () => {
          preview = api.mountNpsPreview(recordsHost, state.records);
        });
        // update() with the same records: the preview already shows the right score, so time
        // until the new count is on screen (ready() resolves then; large inputs count in slices).
        await new Promise((resolve) => setTimeout(resolve, 0)); // a task of its own
        const updateStart = performance.now();
        preview?.update(state.records);
        await preview?.ready();
        const updateShows = shows(recordsHost);
        const updateEnd = performance.now();
        const update = { ms: updateShows ? updateEnd - updateStart : null, longestTaskMs: await longestTask(updateStart, updateEnd) };

        const countsHost = document.body.appendChild(document.createElement('div'));
        /** @type {import('../../src/preview/mount.js').NpsPreview | undefined} */
        let countsPreview;
        const countsMount = await measure(countsHost, () => {
          countsPreview = api.mountNpsPreview(countsHost, { counts: latestCounts });
        });

        preview?.destroy();
        countsPreview?.destroy();
        recordsHost.remove();
        countsHost.remove();
        return { mount, update, countsMount };
      },
      { counts: generated.counts, rounded: generated.rounded, total: generated.total },
    );

  /** @type {Awaited<ReturnType<typeof measureRun>>[]} */
  const runs = [];
  for (let i = 0; i < BROWSER_RUNS; i++) runs.push(await measureRun());

  const pick = (/** @type {(run: (typeof runs)[number]) => number | null} */ get, /** @type {string} */ what) => {
    const values = runs.map(get);
    if (values.some((value) => value === null))
      failures.push(`${what}: the preview did not show NPS ${generated.rounded} for ${generated.total} responses within 10 s`);
    return stats(values.filter((value) => value !== null));
  };
  const mountMs = pick((run) => run.mount.ms, 'mount with records');
  const updateMs = pick((run) => run.update.ms, 'update with records');
  const countsMs = pick((run) => run.countsMount.ms, 'mount with { counts }');
  const longTask = (/** @type {(run: (typeof runs)[number]) => number} */ get) => stats(runs.map(get));
  const mountTask = longTask((run) => run.mount.longestTaskMs);
  const updateTask = longTask((run) => run.update.longestTaskMs);
  const countsTask = longTask((run) => run.countsMount.longestTaskMs);
  const n = RECORD_COUNT.toLocaleString('en');
  const ids = generated.ids.toLocaleString('en');
  const taskNote = generated.longTaskSupported ? 'longest task overlapping it (0: none over 50 ms)' : 'longtask entries not supported here';
  row(`mountNpsPreview, ${n} records (ms)`, mountMs, `call until score and count are in the shadow DOM, laid out; ${ids} ids after dedup`);
  row('  longest task during that mount (ms)', mountTask, taskNote);
  row(`preview.update(same ${n} records) (ms)`, updateMs, 're-aggregates in slices until ready(), re-renders; nothing changes on screen');
  row('  longest task during update (ms)', updateTask, taskNote);
  row('mountNpsPreview({ counts }) (ms)', countsMs, 'the aggregate-once path, same data');
  row('  longest task during that mount (ms)', countsTask, taskNote);
  Object.assign(browserFigures, {
    records: generated.records,
    uniqueIds: generated.ids,
    duplicates: generated.duplicates,
    expected: { rounded: generated.rounded, total: generated.total, counts: generated.counts },
    longTaskSupported: generated.longTaskSupported,
    pageHeapMbAfterGenerating: generated.heapMb,
    mountRecordsMs: mountMs,
    mountRecordsLongestTaskMs: mountTask,
    updateRecordsMs: updateMs,
    updateRecordsLongestTaskMs: updateTask,
    mountCountsMs: countsMs,
    mountCountsLongestTaskMs: countsTask,
    runs,
  });
  await context.close();
} finally {
  await browser.close();
  await closeServer();
}

// ---------------------------------------------------------------- Report

const machine = describeMachine(chromiumVersion);
console.log(`calculateNps and the results preview: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}`);
console.log(`Node ${machine.node}, Chromium ${machine.chromium}`);
console.log(
  `Node: median of ${NODE_RUNS} runs after ${NODE_WARMUPS} warm-ups, ${SCORE_COUNT.toLocaleString('en')} scores (seed ${SEED}). ` +
    `Chromium: median of ${BROWSER_RUNS} runs, ${RECORD_COUNT.toLocaleString('en')} payload v1 records, ` +
    `${Number(browserFigures['duplicates'] ?? 0).toLocaleString('en')} of them later deliveries of an id.`,
);
console.log(`Memory: Node peak RSS ${nodePeakRssMb} MB over part 1; page JS heap ${browserFigures['pageHeapMbAfterGenerating'] ?? '?'} MB with the records.\n`);
const header = /** @type {[string, string, string, string]} */ (['metric', 'median', 'min–max', 'notes']);
const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
const format = (/** @type {[string, string, string, string]} */ r) =>
  `${r[0].padEnd(widths[0] ?? 0)} | ${r[1].padStart(widths[1] ?? 0)} | ${r[2].padStart(widths[2] ?? 0)} | ${r[3]}`;
console.log(format(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-') + '-|------');
for (const r of rows) console.log(format(r));

if (args.json) {
  const figures = {
    machine,
    node: {
      peakRssMb: nodePeakRssMb,
      scores: SCORE_COUNT,
      runs: NODE_RUNS,
      warmups: NODE_WARMUPS,
      seed: SEED,
      variants: nodeFigures,
      countsPerCallUs: perCall,
      countsBatch: COUNTS_BATCH,
    },
    chromium: { runs: BROWSER_RUNS, ...browserFigures },
    failures,
  };
  writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nraw figures: ${args.json}`);
}
if (failures.length > 0) {
  console.log(`\nFAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
