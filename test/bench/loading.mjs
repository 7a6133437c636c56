/**
 * node test/bench/loading.mjs [--runs n] [--json file]  (needs a built dist/: npm run build)
 *
 * What the two script builds cost a page view, and how soon the question shows, in Chromium
 * against a node:http server on 127.0.0.1 that serves dist/ gzip-compressed (level 9, as the
 * size budget counts) with a one-hour cache:
 *
 * 1. bytes and requests of the widget's files per page view, in a fresh browser context (cold
 *    cache): no survey shows (the visitor answered yesterday), a corner survey shows
 *    (`show: 'auto'`), an anchored survey shows (`show('manual')` with an anchor), each with
 *    nps-widget.js (the loader) and nps-widget.full.js (one file). Bytes are as transferred
 *    (CDP encodedDataLength: gzip body and headers).
 * 2. show() → the question on screen, `show: 'manual'`: the loader with the survey file
 *    prefetched at idle against the single file, alternating, in the same run; the ratio of
 *    the medians is the figure (target: within 10%).
 * 3. navigation → the question on screen, `show: 'auto'`, cold cache, both builds; once as
 *    served from 127.0.0.1 and once with a slower network emulated (CDP: 40 ms round trip,
 *    10 Mbit/s), where the loader's second request shows.
 *
 * "On screen": the first animation frame in which the survey's first radio has a box and is
 * visible (the 180 ms fade-in has begun). Prints medians and min-max; exits non-zero only
 * when something is functionally wrong (a survey that never shows, an unexpected request).
 */
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium, listenOnLoopback } from '../chromium.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, json: { type: 'string' } } });
const RUNS = Number(args.runs);
const dist = new URL('../../dist/', import.meta.url);
/** @type {string[]} */
const failures = [];

// ---------------------------------------------------------------- The server

/** Every nps-widget*.js file of dist/, gzip-compressed once. */
const files = new Map(
  readdirSync(dist)
    .filter((file) => /^nps-widget[\w.-]*\.js$/.test(file))
    .map((file) => [`/${file}`, gzipSync(readFileSync(new URL(file, dist)), { level: 9 })]),
);

const BUILDS = /** @type {const} */ (['nps-widget.js', 'nps-widget.full.js']);
/** Every other run starts with the other build, so neither always goes first. */
const ALTERNATE = /** @type {const} */ (['nps-widget.full.js', 'nps-widget.js']);

/**
 * A shop page with the widget. `auto`: the survey shows by itself (delay 0); `anchored`: the
 * page shows it next to the order confirmation as soon as it loads; `manual`: the page waits
 * for a show() (the bench's).
 * @param {'auto' | 'anchored' | 'manual'} kind
 * @param {string} script
 */
function shopPage(kind, script) {
  const init = { endpoint: '/collect', brand: 'Acme', show: kind === 'auto' ? 'auto' : 'manual' };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title>
<style>body { font: 16px system-ui, sans-serif; margin: 0; } main { padding: 24px; min-height: 1600px; }</style></head>
<body><main><h1>Thanks for your order</h1><p id="order" style="margin-top: 200px">Order A-1001 confirmed</p></main>
<script>
  window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
  nps('init', ${JSON.stringify(init)});
  ${kind === 'anchored' ? "nps('show', { touchpoint: 'checkout', anchor: '#order' });" : ''}
</script>
<script async src="/${script}"></script></body></html>`;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const body = files.get(url.pathname);
  if (body) {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': 'max-age=3600' }).end(body);
    return;
  }
  if (url.pathname === '/collect') {
    request.resume();
    response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    return;
  }
  const [, kind, script] = /^\/(auto|anchored|manual)\/(nps-widget(?:\.full)?\.js)$/.exec(url.pathname) ?? [];
  if (kind && script) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(shopPage(/** @type {'auto'} */ (kind), script));
    return;
  }
  response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
});
const { origin, close: closeServer } = await listenOnLoopback(server);

// ---------------------------------------------------------------- In the page

/** Resolves with performance.now() at the first frame the survey's first radio is on screen. */
function questionOnScreen() {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 10_000;
    const frame = () => {
      const radio = document.querySelector('[data-nps-widget]')?.shadowRoot?.querySelector('[role="radio"]');
      const box = radio?.getBoundingClientRect();
      if (radio && box && box.width > 0 && radio.checkVisibility({ visibilityProperty: true })) resolve(performance.now());
      else if (performance.now() > deadline) reject(new Error('the question never showed'));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** An answer yesterday: the rules say no for 90 days. */
function answeredYesterday() {
  const at = Date.now() - 86_400_000;
  localStorage.setItem('nps-widget:history:nps', JSON.stringify({ draw: 0.1, asks: 0, lastAskedAt: at, lastRespondedAt: at, lastDismissedAt: null }));
}

// ---------------------------------------------------------------- Helpers

/** @typedef {{ median: number, min: number, max: number }} Stats */
/** @returns {Stats} */
function stats(/** @type {number[]} */ samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? (sorted[Math.floor(middle)] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}
const fmt = (/** @type {number} */ n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

const browser = await launchChromium();

/**
 * A fresh context (cold cache) with its network seen through CDP: the widget's files requested
 * and their transferred bytes. `slow` emulates a slower network.
 * @param {{ slow?: boolean, quiet?: boolean }} [options]
 */
async function freshPage({ slow = false, quiet = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: `window.npsOnScreen = ${questionOnScreen}` });
  if (quiet) await context.addInitScript(answeredYesterday);
  const tab = await context.newPage();
  tab.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  if (slow) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 1_250_000, uploadThroughput: 1_250_000 });
  /** @type {Map<string, string>} */
  const urls = new Map();
  /** @type {{ file: string, bytes: number }[]} */
  const loaded = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => {
    const path = new URL(urls.get(event.requestId) ?? 'about:blank').pathname;
    if (files.has(path)) loaded.push({ file: path.slice(1), bytes: event.encodedDataLength });
  });
  return { context, tab, loaded };
}

// ---------------------------------------------------------------- 1. What a page view downloads

/** @type {Record<string, { requests: number, bytes: number, files: string[] }>} */
const views = {};
for (const script of BUILDS) {
  for (const [name, kind, quiet] of /** @type {const} */ ([
    ['no survey shows', 'auto', true],
    ['a corner survey shows', 'auto', false],
    ['an anchored survey shows', 'anchored', false],
  ])) {
    const { context, tab, loaded } = await freshPage({ quiet });
    await tab.goto(`${origin}/${kind}/${script}`);
    if (quiet) {
      await tab.waitForLoadState('load');
      await tab.waitForTimeout(2500); // past the idle prefetch's longest wait: a turned-away visitor gets none
      if (await tab.locator('[data-nps-widget]').count()) failures.push(`${script}: a survey showed to a visitor who answered yesterday`);
    } else {
      await tab.evaluate(questionOnScreen).catch((error) => failures.push(`${script}, ${name}: ${error.message}`));
      await tab.waitForTimeout(300);
    }
    views[`${name}, ${script}`] = { requests: loaded.length, bytes: loaded.reduce((sum, f) => sum + f.bytes, 0), files: loaded.map((f) => f.file) };
    await context.close();
  }
}

// ---------------------------------------------------------------- 2. show() → question

/** @type {Record<string, number[]>} */
const showTimes = { 'nps-widget.js': [], 'nps-widget.full.js': [] };
for (let run = 0; run < RUNS; run++) {
  for (const script of run % 2 ? ALTERNATE : BUILDS) {
    const { context, tab, loaded } = await freshPage();
    await tab.goto(`${origin}/manual/${script}`);
    await tab.waitForLoadState('load');
    // The loader fetches the survey file at idle once the visitor is eligible; wait for it.
    if (script === 'nps-widget.js') {
      const deadline = Date.now() + 5000;
      while (!loaded.some((f) => f.file === 'nps-widget-survey.js') && Date.now() < deadline) await tab.waitForTimeout(20);
      if (!loaded.some((f) => f.file === 'nps-widget-survey.js')) failures.push('the survey file was not prefetched');
    }
    await tab.waitForTimeout(100);
    const before = loaded.length;
    const ms = await tab.evaluate(async () => {
      const page = /** @type {{ nps: (...args: unknown[]) => void, npsOnScreen: () => Promise<number> }} */ (/** @type {unknown} */ (window));
      const start = performance.now();
      page.nps('show', { touchpoint: 'checkout', force: true });
      return (await page.npsOnScreen()) - start;
    });
    if (loaded.length !== before)
      failures.push(
        `${script}: show() fetched ${loaded
          .slice(before)
          .map((f) => f.file)
          .join(', ')}`,
      );
    showTimes[script]?.push(ms);
    await context.close();
  }
}

// ---------------------------------------------------------------- 3. navigation → question

/** @type {Record<string, number[]>} */
const navTimes = {};
for (const slow of [false, true]) {
  for (let run = 0; run < RUNS; run++) {
    for (const script of run % 2 ? ALTERNATE : BUILDS) {
      const { context, tab } = await freshPage({ slow });
      await tab.goto(`${origin}/auto/${script}`, { waitUntil: 'commit' });
      const at = await tab.evaluate(questionOnScreen).catch((error) => {
        failures.push(`${script}: ${error.message}`);
        return NaN;
      });
      (navTimes[`${script}${slow ? ', slow' : ''}`] ??= []).push(at);
      await context.close();
    }
  }
}

await browser.close();
await closeServer();

// ---------------------------------------------------------------- Report

console.log(`Loading the widget: Chromium on 127.0.0.1, ${RUNS} runs per timing, ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'})\n`);
console.log('what a page view downloads of the widget (cold cache, gzip as transferred, headers included)\n');
console.log(`${'case'.padEnd(46)} | requests | bytes | files`);
console.log(`${'-'.repeat(46)}-|----------|-------|------`);
for (const [name, view] of Object.entries(views))
  console.log(`${name.padEnd(46)} | ${String(view.requests).padStart(8)} | ${String(view.bytes).padStart(5)} | ${view.files.join(' + ')}`);

/** @type {Record<string, Stats & { notes: string }>} */
const rows = {};
const row = (/** @type {string} */ name, /** @type {number[]} */ samples, /** @type {string} */ notes) => (rows[name] = { ...stats(samples), notes });
const loaderShow = row(
  'show() → question, loader, survey prefetched (ms)',
  showTimes['nps-widget.js'] ?? [],
  'show: manual, the file fetched at idle beforehand',
);
const fullShow = row('show() → question, nps-widget.full.js (ms)', showTimes['nps-widget.full.js'] ?? [], 'same page, the single file');
const ratio = loaderShow.median / fullShow.median;
for (const [key, samples] of Object.entries(navTimes)) {
  const slow = key.endsWith(', slow');
  row(
    `navigation → question, auto, ${key.replace(', slow', '')}${slow ? ', 40 ms RTT' : ''} (ms)`,
    samples,
    slow ? 'cold cache, emulated 40 ms round trip, 10 Mbit/s' : 'cold cache, as served from 127.0.0.1',
  );
}
console.log(`\n${'metric'.padEnd(58)} | median |     min–max | notes`);
console.log(`${'-'.repeat(58)}-|--------|-------------|------`);
for (const [name, r] of Object.entries(rows))
  console.log(`${name.padEnd(58)} | ${fmt(r.median).padStart(6)} | ${`${fmt(r.min)}–${fmt(r.max)}`.padStart(11)} | ${r.notes}`);
console.log(`\nshow() → question, loader against the single file: ${fmt(ratio, 2)}x the median (target: within 1.10x)`);

if (args.json) writeFileSync(args.json, JSON.stringify({ runs: RUNS, views, rows, showRatio: ratio, failures }, null, 2));
if (failures.length) {
  console.error(`\n${failures.length} problem(s):\n${failures.join('\n')}`);
  process.exitCode = 1;
}
