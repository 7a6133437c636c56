/**
 * node test/bench/runtime.mjs [--json file]  (needs a built dist/: npm run build)
 *
 * Runtime figures of dist/nps-widget.js in real Chromium on a realistic page: a generated shop
 * page (header, nav, hero, 30 product cards with inline SVG, footer; about 100 KB of HTML)
 * served with the script from a node:http server on 127.0.0.1. Each run uses a fresh browser
 * context and a fresh page per load:
 *
 * 1. parse + evaluate: performance marks in inline scripts right before and after a
 *    synchronous <script src="/nps-widget.js" data-endpoint>, cold (first load of the context)
 *    and warm (second load, the file from the HTTP cache), plus a bare tag without
 *    data-endpoint (evaluation without init); CDP Performance.getMetrics ScriptDuration and
 *    TaskDuration against the same page without the script.
 * 2. script start -> survey usable: from the first mark until the first role=radio in the
 *    widget's shadow root is in the DOM, visible, and no entrance animation is running.
 * 3. long tasks (PerformanceObserver, buffered) until the survey is usable plus 1 s, with the
 *    widget and without it.
 * 4. layout shift (hadRecentInput ignored) with the widget minus without it, in the corner and
 *    inline (into #slot, in the page flow).
 * 5. heap (CDP, after forced GC) before and after 100 show/destroy cycles, twice.
 * 6. a page where the visitor answered yesterday, so it does not show: parse + evaluate,
 *    ScriptDuration against the page without the script, host element, and the listeners,
 *    timers and observers left behind.
 *
 * Prints medians and min-max. The numbers are informational; the script exits non-zero only
 * when something is functionally wrong (the survey never appears, a host survives destroy(),
 * the corner placement shifts the page, the page logs a widget error).
 */
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium, listenOnLoopback } from '../chromium.mjs';
import { describeMachine } from './machine.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').CDPSession} CDPSession */
/** @typedef {{ median: number, min: number, max: number, samples: number[] }} Stats */
/** @typedef {{ start: number, duration: number }} LongTask */
/** @typedef {{ start: number, value: number, sources: string[] }} Shift */
/**
 * What the probe in the page's <head> records. Times are performance.now() values.
 * @typedef {{
 *   longTasks: LongTask[],
 *   shifts: Shift[],
 *   radioInDom: number | null,
 *   visible: number | null,
 *   ready: number | null,
 *   whenReady: Promise<void>,
 *   watch: () => void,
 * }} Bench
 */
/** @typedef {{ listeners: string[], observers: number, timers: number }} Leftovers */
/** What the wrapper installed by an init script reports (page 6). @typedef {{ npsProbe?: () => Leftovers }} ProbeWindow */
/** @typedef {{ createNpsWidget(options: Record<string, unknown>): { show(options?: Record<string, unknown>): void, destroy(): void } }} NpsWidgetGlobal */
/**
 * One page load, as measured.
 * @typedef {{
 *   parseEvalMs: number | null,
 *   scriptStart: number | null,
 *   radioInDomMs: number | null,
 *   visibleMs: number | null,
 *   readyMs: number | null,
 *   end: number,
 *   longTasks: LongTask[],
 *   shifts: Shift[],
 *   hosts: number,
 *   leftovers: Leftovers | null,
 *   scriptMs: number,
 *   taskMs: number,
 *   scriptRequests: number,
 *   trace: TraceFigures | null,
 *   intlMs: number | null,
 * }} Load
 */
/**
 * dist/nps-widget.js in a Chromium trace (ms): `evaluateMs` the main thread's EvaluateScript of
 * the file (what the parser waits for: main-thread compile, top-level run and the microtasks it
 * queues), `backgroundParseMs` its streaming parse off the main thread, `callbacksMs` the
 * widget's functions called later (timers, frames, observers) until the end of the load.
 * @typedef {{ evaluateMs: number, backgroundParseMs: number, callbacksMs: number }} TraceFigures
 */
/** @typedef {{ name: string, ph: string, ts: number, dur?: number, tid: number, args?: { data?: { url?: string } } }} TraceEvent */

const { values: args } = parseArgs({ options: { json: { type: 'string' } } });

const RUNS = 7;
const HEAP_RUNS = 3;
const CYCLES = 100;
const SETTLE_MS = 1000; // long tasks and shifts: observed until the survey is usable plus this
const SHORT_SETTLE_MS = 300; // loads that only need the survey in place (inline shift, the quiet page)
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'blink.user_timing'];
const READY_TIMEOUT_MS = 10_000;
const VIEWPORT = { width: 1280, height: 720 };
const HISTORY_KEY = 'nps-widget:history:nps';

const repo = new URL('../../', import.meta.url);
/** @type {string[]} */
const failures = [];
/** @type {string[]} */
const otherConsoleErrors = [];

// ---------------------------------------------------------------- The page

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(/** @type {number} */ seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs in the page's <head> (embedded as source): records long tasks and layout shifts from the
 * start, and, once `watch()` is called right before the widget's script, when the survey's
 * first radio is in the DOM, visible, and done with its entrance animation.
 */
function probe() {
  /** @type {((value: undefined) => void) | null} */
  let resolveReady = null;
  /** @type {Bench} */
  const bench = {
    longTasks: [],
    shifts: [],
    radioInDom: null,
    visible: null,
    ready: null,
    whenReady: new Promise((resolve) => {
      resolveReady = resolve;
    }),
    watch,
  };
  /** @type {{ npsBench?: Bench }} */ (/** @type {unknown} */ (window)).npsBench = bench;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  }
  /** @typedef {PerformanceEntry & { value: number, hadRecentInput: boolean, sources?: { node: Node | null }[] }} LayoutShiftEntry */
  new PerformanceObserver((list) => {
    for (const entry of /** @type {LayoutShiftEntry[]} */ (list.getEntries())) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources ?? []).map(({ node }) =>
        node instanceof Element
          ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.hasAttribute('data-nps-widget') ? '[data-nps-widget]' : ''}`
          : String(node?.nodeName),
      );
      bench.shifts.push({ start: entry.startTime, value: entry.value, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });

  function watch() {
    const deadline = performance.now() + 10_000;
    /** @type {ShadowRoot | null} */
    let root = null;
    const frame = () => {
      const now = performance.now();
      const radio = root?.querySelector('[role="radio"]');
      if (root && radio) {
        const rect = radio.getBoundingClientRect();
        if (bench.visible === null && rect.width > 0 && rect.height > 0 && radio.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
          bench.visible = now;
        }
        if (bench.visible !== null && root.getAnimations().every((animation) => animation.playState === 'finished')) {
          bench.ready = now;
          resolveReady?.(undefined);
          return;
        }
      }
      if (now < deadline) requestAnimationFrame(frame);
      else resolveReady?.(undefined);
    };
    const observer = new MutationObserver(() => {
      if (!root) {
        const host = document.querySelector('[data-nps-widget]');
        if (host?.shadowRoot) {
          root = host.shadowRoot;
          observer.observe(root, { childList: true, subtree: true });
        }
      }
      if (root && bench.radioInDom === null && root.querySelector('[role="radio"]')) {
        bench.radioInDom = performance.now();
        observer.disconnect();
        requestAnimationFrame(frame);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }
}

const ADJECTIVES = ['Alpine', 'Summit', 'Ridge', 'Canyon', 'Trail', 'Harbor', 'Granite', 'Cedar', 'Glacier', 'Prairie', 'Coastal', 'Boreal'];
const NOUNS = [
  'Daypack',
  'Tent',
  'Hiking Boot',
  'Rain Shell',
  'Headlamp',
  'Camp Mug',
  'Sleeping Bag',
  'Trekking Pole',
  'Water Filter',
  'Fleece',
  'Stove',
  'Hammock',
];
const COLOURS = ['#2f6f4f', '#a2542b', '#35558a', '#7b3f8c', '#b58a1b', '#3b7d86', '#8a2f3d', '#4f5d2f'];
const WORDS = (
  'made for long days outside with recycled fabrics reinforced seams and a fit that stays put on rough ground ' +
  'tested by our guides across three seasons of rain wind and sun so it is ready for the next weekend away ' +
  'packs down small weighs little and comes with a lifetime repair promise from our workshop in the valley'
).split(' ');

/** An inline product illustration with a fixed size (so it never shifts the page). */
function productSvg(/** @type {number} */ i, /** @type {() => number} */ random) {
  const a = COLOURS[i % COLOURS.length] ?? '#333';
  const b = COLOURS[(i * 3 + 1) % COLOURS.length] ?? '#999';
  const peaks = Array.from({ length: 4 }, (_, k) => `${k * 70 - 10},150 ${k * 70 + 25},${60 + Math.round(random() * 40)} ${k * 70 + 60},150`).join(' ');
  const dots = Array.from(
    { length: 6 },
    () => `<circle cx="${Math.round(random() * 240)}" cy="${Math.round(random() * 50)}" r="${1 + Math.round(random() * 2)}" fill="#fff" opacity="0.7"/>`,
  ).join('');
  return (
    `<svg class="product-image" viewBox="0 0 240 180" width="240" height="180" role="img" aria-label="Illustration">` +
    `<defs><linearGradient id="sky${i}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${b}"/><stop offset="1" stop-color="#f4efe6"/></linearGradient></defs>` +
    `<rect width="240" height="180" fill="url(#sky${i})"/>${dots}` +
    `<circle cx="${180 + Math.round(random() * 30)}" cy="40" r="18" fill="#ffd86b"/>` +
    `<polygon points="${peaks}" fill="${a}" opacity="0.85"/>` +
    `<path d="M0 150 C 60 ${135 + Math.round(random() * 10)}, 120 ${160 - Math.round(random() * 10)}, 240 145 L240 180 L0 180 Z" fill="${a}"/>` +
    `<rect x="95" y="95" width="50" height="55" rx="10" fill="#f4efe6" stroke="#222" stroke-width="3"/>` +
    `<path d="M105 95 q15 -25 30 0" fill="none" stroke="#222" stroke-width="3"/>` +
    `<rect x="105" y="112" width="30" height="14" rx="3" fill="${b}"/></svg>`
  );
}

const CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#faf8f4}
a{color:#2f6f4f}
.site-header{display:flex;align-items:center;gap:24px;padding:12px 32px;background:#fff;border-bottom:1px solid #e4dfd4}
.logo{display:flex;align-items:center;gap:8px;font-weight:700;font-size:20px;text-decoration:none;color:#1d2330}
.search{flex:1}.search input{width:100%;max-width:420px;padding:8px 12px;border:1px solid #cfc8ba;border-radius:8px;font:inherit}
.cart{text-decoration:none;font-weight:600}
.site-nav ul{display:flex;gap:20px;margin:0;padding:10px 32px;list-style:none;background:#1d2330}
.site-nav a{color:#f4efe6;text-decoration:none;font-size:14px}
.hero{display:grid;grid-template-columns:1fr 1fr;gap:32px;align-items:center;padding:40px 32px;background:linear-gradient(120deg,#e8f0ea,#f6ead9)}
.hero h1{font-size:40px;line-height:1.1;margin:0 0 12px}.hero p{margin:0 0 20px;max-width:520px}
.button{display:inline-block;padding:10px 18px;border-radius:8px;background:#2f6f4f;color:#fff;text-decoration:none;font-weight:600;border:0;font:inherit;cursor:pointer}
.hero svg{width:100%;height:auto;max-height:260px}
#slot{padding:0 32px}
.products{padding:24px 32px}.products h2{margin:0 0 16px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:20px}
.card{background:#fff;border:1px solid #e4dfd4;border-radius:12px;overflow:hidden;display:flex;flex-direction:column}
.product-image{display:block;width:100%;height:auto;aspect-ratio:4/3}
.card-body{padding:12px 14px 16px;display:flex;flex-direction:column;gap:6px;flex:1}
.card h3{font-size:17px;margin:0}.card p{font-size:14px;margin:0;color:#4a5263}
.price{font-weight:700}.rating{color:#b58a1b;font-size:14px}
.card .button{margin-top:auto;align-self:flex-start;font-size:14px;padding:8px 14px}
.features{margin:0;padding-left:18px;font-size:13px;color:#4a5263}
.reviews{padding:24px 32px;display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:16px}.reviews h2{grid-column:1/-1;margin:0}
.review{margin:0;padding:16px;background:#fff;border-left:4px solid #2f6f4f;border-radius:8px;font-size:14px}.review footer{margin-top:8px;font-weight:600}
.story{padding:24px 32px;max-width:900px}.story h2{margin-top:0}
.site-footer{margin-top:32px;padding:32px;background:#1d2330;color:#cfd4de;display:grid;grid-template-columns:repeat(4,1fr);gap:24px;font-size:14px}
.site-footer h4{color:#fff;margin:0 0 8px}.site-footer ul{list-style:none;margin:0;padding:0}.site-footer a{color:#cfd4de}
.copyright{grid-column:1/-1;border-top:1px solid #3a4252;padding-top:16px}
`;

/**
 * The shop page. `variant`: 'corner' (the script tag, default placement), 'inline' (into
 * #slot), 'bare' (the file without data-endpoint: evaluation only, no widget), 'none' (no
 * script; the marks stay).
 * @param {'corner' | 'inline' | 'bare' | 'none'} variant
 */
function shopPage(variant) {
  const random = prng(7);
  const words = (/** @type {number} */ count) => {
    const out = [];
    for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'gear');
    const text = out.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const navItems = ['New in', 'Backpacks', 'Tents', 'Footwear', 'Clothing', 'Camp kitchen', 'Lighting', 'Sleep', 'Repairs', 'Stores', 'Journal', 'Sale'];
  const cards = Array.from({ length: 30 }, (_, i) => {
    const name = `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[(i * 5) % NOUNS.length]}`;
    const price = (19 + Math.round(random() * 380) + 0.95).toFixed(2);
    const stars = 3 + Math.round(random() * 2);
    return (
      `<article class="card" id="product-${i + 1}">${productSvg(i, random)}<div class="card-body">` +
      `<h3><a href="/products/${i + 1}">${name}</a></h3><div class="rating" aria-label="${stars} out of 5 stars">${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} <span>(${Math.round(random() * 400)} reviews)</span></div>` +
      `<p>${words(40 + Math.round(random() * 30))}</p><ul class="features">${Array.from({ length: 4 }, () => `<li>${words(7)}</li>`).join('')}</ul>` +
      `<div class="price">$${price}</div>` +
      `<button class="button" type="button" data-sku="SKU-${1000 + i}">Add to cart</button></div></article>`
    );
  }).join('\n');
  const story = Array.from({ length: 14 }, () => `<p>${words(80)}</p>`).join('\n');
  const reviewers = ['Maya K.', 'Jonas P.', 'Aiko T.', 'Sam R.', 'Lena W.', 'Omar H.'];
  const reviews = Array.from(
    { length: 18 },
    (_, i) =>
      `<blockquote class="review"><p>${words(45)}</p><footer>${reviewers[i % reviewers.length]}, on the ${ADJECTIVES[(i * 7) % ADJECTIVES.length]} ${NOUNS[i % NOUNS.length]}</footer></blockquote>`,
  ).join('\n');
  const footerColumns = ['Shop', 'Help', 'Company', 'Community']
    .map(
      (title) =>
        `<div><h4>${title}</h4><ul>${Array.from({ length: 8 }, (_, k) => `<li><a href="/${title.toLowerCase()}/${k}">${words(2).slice(0, -1)}</a></li>`).join('')}</ul></div>`,
    )
    .join('');
  const tag =
    variant === 'corner'
      ? '<script src="/nps-widget.js" data-endpoint="/collect" data-brand="Acme"></script>'
      : variant === 'inline'
        ? '<script src="/nps-widget.js" data-endpoint="/collect" data-brand="Acme" data-placement="inline" data-container="#slot"></script>'
        : variant === 'bare'
          ? '<script src="/nps-widget.js"></script>'
          : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Outdoor: gear for the trail</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
<script>(${probe.toString()})();</script>
</head>
<body>
<header class="site-header">
<a class="logo" href="/"><svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true"><polygon points="2,28 12,8 18,18 22,12 30,28" fill="#2f6f4f"/></svg>Acme Outdoor</a>
<form class="search" role="search" action="/search"><input type="search" name="q" placeholder="Search tents, boots, stoves…" aria-label="Search"></form>
<a class="cart" href="/cart">Cart (2)</a>
</header>
<nav class="site-nav" aria-label="Main"><ul>${navItems.map((item) => `<li><a href="/c/${item.toLowerCase().replace(/ /g, '-')}">${item}</a></li>`).join('')}</ul></nav>
<main>
<section class="hero">
<div><h1>Autumn on the ridge</h1><p>${words(40)}</p><a class="button" href="/c/new-in">Shop the collection</a></div>
${productSvg(99, random).replace('class="product-image"', 'class="hero-image"')}
</section>
<div id="slot"></div>
<section class="products" aria-labelledby="products-title"><h2 id="products-title">Bestsellers this week</h2>
<div class="grid">
${cards}
</div>
</section>
<section class="reviews" aria-labelledby="reviews-title"><h2 id="reviews-title">What hikers say</h2>
${reviews}
</section>
<section class="story"><h2>Repair, reuse, return</h2>
${story}
</section>
</main>
<footer class="site-footer">${footerColumns}<p class="copyright">© 2026 Acme Outdoor Ltd. ${words(20)}</p></footer>
<script>window.npsBench.watch(); performance.mark('nps-before');</script>
${tag}
<script>performance.mark('nps-after');</script>
</body>
</html>
`;
}

const PAGES = /** @type {const} */ (['corner', 'inline', 'bare', 'none']);
const html = Object.fromEntries(PAGES.map((variant) => [variant, Buffer.from(shopPage(variant))]));
/** The script and the files it loads from beside itself (the survey, the extras...), by path. */
const widgetFiles = new Map(
  readdirSync(new URL('dist/', repo))
    .filter((file) => /^nps-widget[\w.-]*\.js$/.test(file))
    .map((file) => [`/${file}`, readFileSync(new URL(`dist/${file}`, repo))]),
);

// ---------------------------------------------------------------- The server

let scriptRequests = 0;
let collectRequests = 0;
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const page = path.slice(1);
  const file = widgetFiles.get(path);
  if (file) {
    if (path === '/nps-widget.js') scriptRequests++;
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' }).end(file);
  } else if (path === '/collect') {
    if (request.method === 'POST') collectRequests++;
    request.resume();
    response
      .writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' })
      .end();
  } else if (PAGES.some((variant) => variant === page)) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html[page]);
  } else {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
const { origin, close: closeServer } = await listenOnLoopback(server);

// ---------------------------------------------------------------- Helpers

const sum = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0);

/** @returns {Stats} */
function stats(/** @type {number[]} */ samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples };
}

/** The cumulative CDP Performance metrics of the page's renderer, by name. */
async function metrics(/** @type {CDPSession} */ cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** A fresh context: viewport fixed, motion on, and every request checked to stay on 127.0.0.1. */
async function newContext(/** @type {import('playwright-core').Browser} */ browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' });
  // Observed, not routed: routing would turn Chromium's HTTP cache off.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') failures.push(`request left 127.0.0.1: ${request.url()}`);
  });
  return context;
}

/** The summed duration of trace events, in ms. */
const totalMs = (/** @type {TraceEvent[]} */ list) => sum(list.map((e) => (e.dur ?? 0) / 1000));

/** What a trace says about dist/nps-widget.js. */
function traceFigures(/** @type {Buffer} */ buffer) {
  const parsed = /** @type {{ traceEvents?: TraceEvent[] } | TraceEvent[]} */ (JSON.parse(buffer.toString('utf8')));
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  // The loader and the files it loads (the survey is a module: its own compile and evaluate events).
  const ours = events.filter((e) => e.ph === 'X' && /\/nps-widget[\w.-]*\.js$/.test(e.args?.data?.url ?? ''));
  const evaluate = ours.filter((e) => e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule');
  const inside = (/** @type {TraceEvent} */ e) => evaluate.some((v) => v.tid === e.tid && e.ts >= v.ts && e.ts <= v.ts + (v.dur ?? 0));
  return {
    evaluateMs: totalMs(evaluate),
    backgroundParseMs: totalMs(ours.filter((e) => e.name === 'v8.parseOnBackground')),
    callbacksMs: totalMs(ours.filter((e) => e.name === 'FunctionCall' && !inside(e))),
  };
}

/**
 * Loads `variant` in a new page of `context` and measures it. `waitReady`: wait for the survey
 * to become usable, then `settleMs` more; otherwise observe until `until` (page time), or
 * `settleMs` after load. `trace`: record a Chromium trace of the load (it slows the page a
 * little, so the loads whose timings matter are not traced). `timeIntl`: afterwards, time the
 * page's first `new Intl.NumberFormat` (the widget builds one at init, shown or not).
 * @param {BrowserContext} context
 * @param {(typeof PAGES)[number]} variant
 * @param {{ waitReady: boolean, until?: number, settleMs?: number, trace?: boolean, timeIntl?: boolean }} options
 * @returns {Promise<Load>}
 */
async function load(context, variant, { waitReady, until, settleMs = SETTLE_MS, trace = false, timeIntl = false }) {
  const tracer = trace ? context.browser() : null;
  const page = await context.newPage();
  page.on('pageerror', (error) => failures.push(`${variant}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (message.text().startsWith('nps-widget')) failures.push(`${variant}: ${message.text()}`);
    else if (message.type() === 'error') otherConsoleErrors.push(`${variant}: ${message.text()}`);
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);
    const requestsBefore = scriptRequests;
    if (tracer) await tracer.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(`${origin}/${variant}`, { waitUntil: 'load', timeout: 15_000 });
    const measured = await page.evaluate(
      async ({ ready, observeUntil, settle, timeoutMs }) => {
        const bench = /** @type {{ npsBench: Bench }} */ (/** @type {unknown} */ (window)).npsBench;
        // Bounded waits: never longer than the ready timeout plus the settling time.
        const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, timeoutMs + settle))));
        if (ready) await Promise.race([bench.whenReady, sleep(timeoutMs)]);
        const end = ready ? (bench.ready ?? performance.now()) + settle : (observeUntil ?? performance.now() + settle);
        await sleep(end - performance.now());
        const start = performance.getEntriesByName('nps-before', 'mark')[0]?.startTime ?? null;
        const after = performance.getEntriesByName('nps-after', 'mark')[0]?.startTime ?? null;
        const since = (/** @type {number | null} */ t) => (t === null || start === null ? null : t - start);
        const leftovers = /** @type {ProbeWindow} */ (/** @type {unknown} */ (window)).npsProbe;
        return {
          parseEvalMs: start === null || after === null ? null : after - start,
          scriptStart: start,
          radioInDomMs: since(bench.radioInDom),
          visibleMs: since(bench.visible),
          readyMs: since(bench.ready),
          end,
          longTasks: bench.longTasks.filter((task) => task.start <= end),
          shifts: bench.shifts.filter((shift) => shift.start <= end),
          hosts: document.querySelectorAll('[data-nps-widget]').length,
          leftovers: leftovers ? leftovers() : null,
        };
      },
      { ready: waitReady, observeUntil: until ?? null, settle: settleMs, timeoutMs: READY_TIMEOUT_MS },
    );
    const after = await metrics(cdp);
    const traced = tracer ? traceFigures(await tracer.stopTracing()) : null;
    const intlMs = timeIntl
      ? await page.evaluate(() => {
          const start = performance.now();
          new Intl.NumberFormat('en', { useGrouping: false }).format(10);
          return performance.now() - start;
        })
      : null;
    // Counters are per renderer since Performance.enable; a navigation to a new process starts them afresh.
    const delta = (/** @type {string} */ name) => {
      const a = after[name] ?? 0;
      const b = before[name] ?? 0;
      return (a >= b ? a - b : a) * 1000;
    };
    return {
      ...measured,
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      scriptRequests: scriptRequests - requestsBefore,
      trace: traced,
      intlMs,
    };
  } finally {
    await page.close();
  }
}

const shiftScore = (/** @type {Load} */ l) => sum(l.shifts.map((s) => s.value));
const longest = (/** @type {LongTask[]} */ tasks) => Math.max(0, ...tasks.map((t) => t.duration));
/** The longest task overlapping [from, to] (page time). */
const longestIn = (/** @type {LongTask[]} */ tasks, /** @type {number} */ from, /** @type {number} */ to) =>
  longest(tasks.filter((t) => t.start <= to && t.start + t.duration >= from));

// ---------------------------------------------------------------- Runs

const browser = await launchChromium();
const chromiumVersion = browser.version();
/** @type {{ cold: Load, warm: Load, none: Load, warmTraced: Load, bare: Load, inline: Load, inlineNone: Load }[]} */
const runs = [];
/** @type {{ shown: Load, none: Load }[]} */
const quietRuns = [];
/** @type {{ before: { v8: number, dom: number }, afterFirst: { v8: number, dom: number }, afterSecond: { v8: number, dom: number }, shown: number[], hostsLeft: number[] }[]} */
const heapRuns = [];
const started = performance.now();
/** Seconds each phase took. @type {Record<string, number>} */
const phases = {};
let phaseStart = started;
const phaseDone = (/** @type {string} */ name) => {
  phases[name] = Math.round((performance.now() - phaseStart) / 100) / 10;
  phaseStart = performance.now();
};

try {
  // 1-4: the survey shows.
  for (let run = 0; run < RUNS; run++) {
    const context = await newContext(browser);
    try {
      // Every load starts as a first visit, so the rules never hold the survey back.
      await context.addInitScript(() => localStorage.clear());
      const cold = await load(context, 'corner', { waitReady: true, settleMs: 0, trace: true });
      const warm = await load(context, 'corner', { waitReady: true });
      const none = await load(context, 'none', { waitReady: false, until: warm.end });
      const warmTraced = await load(context, 'corner', { waitReady: true, settleMs: 0, trace: true });
      const bare = await load(context, 'bare', { waitReady: false, settleMs: 0, trace: true });
      const inline = await load(context, 'inline', { waitReady: true, settleMs: SHORT_SETTLE_MS });
      const inlineNone = await load(context, 'none', { waitReady: false, until: inline.end });
      runs.push({ cold, warm, none, warmTraced, bare, inline, inlineNone });
      const shown = /** @type {const} */ ([
        ['corner, cold', cold],
        ['corner, warm', warm],
        ['corner, warm, traced', warmTraced],
        ['inline', inline],
      ]);
      for (const [what, l] of shown) {
        if (l.readyMs === null)
          failures.push(
            `run ${run + 1}, ${what}: the survey did not become usable within ${READY_TIMEOUT_MS / 1000} s (radio in DOM: ${l.radioInDomMs}, visible: ${l.visibleMs})`,
          );
        if (l.hosts !== 1) failures.push(`run ${run + 1}, ${what}: ${l.hosts} [data-nps-widget] hosts, expected 1`);
      }
      for (const [what, l] of /** @type {const} */ ([
        ['bare', bare],
        ['none', none],
        ['none', inlineNone],
      ])) {
        if (l.hosts !== 0) failures.push(`run ${run + 1}, ${what}: ${l.hosts} [data-nps-widget] hosts on a page without the widget`);
      }
    } finally {
      await context.close();
    }
  }

  phaseDone('shown');

  // 6: the visitor answered yesterday, so the survey stays away.
  for (let run = 0; run < RUNS; run++) {
    const context = await newContext(browser);
    try {
      const yesterday = Date.now() - 86_400_000;
      await context.addInitScript(
        ({ key, value }) => {
          localStorage.clear();
          localStorage.setItem(key, value);
          // Counts what is added to window and document, and the observers and timers left running.
          const live = new Set();
          const ids = new WeakMap();
          let next = 0;
          const id = (/** @type {object} */ o) => ids.get(o) ?? (ids.set(o, ++next), next);
          for (const target of /** @type {EventTarget[]} */ ([window, document])) {
            const add = target.addEventListener.bind(target);
            const remove = target.removeEventListener.bind(target);
            const name = target === window ? 'window' : 'document';
            target.addEventListener = (type, fn, options) => {
              if (fn) live.add(`${name}:${type}:${id(fn)}`);
              add(type, fn, options);
            };
            target.removeEventListener = (type, fn, options) => {
              if (fn) live.delete(`${name}:${type}:${id(fn)}`);
              remove(type, fn, options);
            };
          }
          let observers = 0;
          for (const Original of /** @type {{ prototype: { observe(...a: unknown[]): void, disconnect(): void } }[]} */ (
            /** @type {unknown[]} */ ([ResizeObserver, IntersectionObserver])
          )) {
            const observe = Original.prototype.observe;
            const disconnect = Original.prototype.disconnect;
            const counted = new WeakSet();
            Original.prototype.observe = function (/** @type {unknown[]} */ ...a) {
              if (!counted.has(this)) observers += 1;
              counted.add(this);
              observe.apply(this, a);
            };
            Original.prototype.disconnect = function () {
              if (counted.delete(this)) observers -= 1;
              disconnect.apply(this);
            };
          }
          const setT = window.setTimeout.bind(window);
          const clearT = window.clearTimeout.bind(window);
          const pending = new Set();
          window.setTimeout = /** @type {typeof setTimeout} */ (
            /** @type {unknown} */ (
              (/** @type {() => void} */ fn, /** @type {number | undefined} */ ms) => {
                const handle = setT(() => {
                  pending.delete(handle);
                  fn();
                }, ms);
                pending.add(handle);
                return handle;
              }
            )
          );
          window.clearTimeout = /** @type {typeof clearTimeout} */ (
            /** @type {unknown} */ (
              (/** @type {number | undefined} */ handle) => {
                pending.delete(handle);
                clearT(handle);
              }
            )
          );
          /** @type {ProbeWindow} */ (/** @type {unknown} */ (window)).npsProbe = () => ({ listeners: [...live].sort(), observers, timers: pending.size });
        },
        { key: HISTORY_KEY, value: JSON.stringify({ draw: 0.1, asks: 0, lastAskedAt: null, lastRespondedAt: yesterday, lastDismissedAt: null }) },
      );
      // The page without the widget first: its renderer has not used Intl yet.
      const none = await load(context, 'none', { waitReady: false, settleMs: SHORT_SETTLE_MS, trace: true, timeIntl: true });
      await load(context, 'corner', { waitReady: false, settleMs: 0 }); // warms the HTTP cache
      const shown = await load(context, 'corner', { waitReady: false, settleMs: SHORT_SETTLE_MS, trace: true });
      quietRuns.push({ shown, none });
      if (shown.hosts !== 0) failures.push(`quiet run ${run + 1}: the survey showed (${shown.hosts} host) although the visitor answered yesterday`);
      if (shown.radioInDomMs !== null) failures.push(`quiet run ${run + 1}: a radio appeared although the visitor answered yesterday`);
    } finally {
      await context.close();
    }
  }

  phaseDone('notShown');

  // 5: heap over show/destroy cycles, on the page that has the file but no widget.
  for (let run = 0; run < HEAP_RUNS; run++) {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => failures.push(`cycles: page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.text().startsWith('nps-widget')) failures.push(`cycles: ${message.text()}`);
      });
      await page.goto(`${origin}/bare`, { waitUntil: 'load', timeout: 15_000 });
      const cdp = await context.newCDPSession(page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = await cdp.send('Runtime.getHeapUsage');
        return { v8: usage.usedSize, dom: /** @type {{ embedderHeapUsedSize?: number }} */ (usage).embedderHeapUsedSize ?? 0 };
      };
      const cycles = () =>
        page.evaluate(async (count) => {
          const api = /** @type {{ NpsWidget: NpsWidgetGlobal }} */ (/** @type {unknown} */ (window)).NpsWidget;
          let shown = 0;
          for (let i = 0; i < count; i++) {
            localStorage.removeItem('nps-widget:history:cycle');
            const w = api.createNpsWidget({ endpoint: '/collect', show: 'manual', surveyId: 'cycle' });
            w.show({ force: true });
            // Bounded: a show that has not rendered after 10 frames counts as not shown.
            for (let f = 0; f < 10; f++) {
              await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
              if (document.querySelector('[data-nps-widget="cycle"]')?.shadowRoot?.querySelector('[role="radio"]')) {
                shown++;
                break;
              }
            }
            w.destroy();
          }
          await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
          return { shown, hostsLeft: document.querySelectorAll('[data-nps-widget]').length };
        }, CYCLES);
      const before = await heap();
      const first = await cycles();
      const afterFirst = await heap();
      const second = await cycles();
      const afterSecond = await heap();
      heapRuns.push({ before, afterFirst, afterSecond, shown: [first.shown, second.shown], hostsLeft: [first.hostsLeft, second.hostsLeft] });
      for (const batch of [first, second]) {
        if (batch.shown !== CYCLES) failures.push(`cycles run ${run + 1}: the survey showed in ${batch.shown} of ${CYCLES} cycles`);
        if (batch.hostsLeft !== 0) failures.push(`cycles run ${run + 1}: ${batch.hostsLeft} [data-nps-widget] hosts survived destroy()`);
      }
      await page.close();
    } finally {
      await context.close();
    }
  }
  phaseDone('heap');
} finally {
  await browser.close();
  await closeServer();
}
const elapsedS = (performance.now() - started) / 1000;

// ---------------------------------------------------------------- Figures

/** @type {[string, string, string, string][]} */
const rows = [];
const fmt = (/** @type {number} */ v, /** @type {number} */ digits = 1) => (Number.isNaN(v) ? '–' : v.toFixed(digits));
const row = (/** @type {string} */ metric, /** @type {Stats} */ s, /** @type {string} */ notes, digits = 1) =>
  rows.push([metric, fmt(s.median, digits), `${fmt(s.min, digits)}–${fmt(s.max, digits)}`, notes]);
const of = (/** @type {(number | null | undefined)[]} */ values) => stats(values.filter((v) => v !== null && v !== undefined));
const traced = (/** @type {Load} */ l, /** @type {keyof TraceFigures} */ key) => l.trace?.[key];

// 1. parse + evaluate
const evalCold = of(runs.map((r) => traced(r.cold, 'evaluateMs')));
const evalWarm = of(runs.map((r) => traced(r.warmTraced, 'evaluateMs')));
const evalBare = of(runs.map((r) => traced(r.bare, 'evaluateMs')));
const parseCold = of(runs.map((r) => traced(r.cold, 'backgroundParseMs')));
const parseWarm = of(runs.map((r) => traced(r.warmTraced, 'backgroundParseMs')));
const callbacksWarm = of(runs.map((r) => traced(r.warmTraced, 'callbacksMs')));
const wallCold = of(runs.map((r) => r.cold.parseEvalMs));
const wallWarm = of(runs.map((r) => r.warm.parseEvalMs));
const wallBare = of(runs.map((r) => r.bare.parseEvalMs));
const wallNone = of(runs.map((r) => r.none.parseEvalMs));
const warmLoads = runs.flatMap((r) => [r.warm, r.warmTraced, r.bare]);
const warmFromCache = warmLoads.filter((l) => l.scriptRequests === 0).length;
const scriptWarm = stats(runs.map((r) => r.warm.scriptMs));
const scriptNone = stats(runs.map((r) => r.none.scriptMs));
const scriptDelta = stats(runs.map((r) => r.warm.scriptMs - r.none.scriptMs));
const taskDelta = stats(runs.map((r) => r.warm.taskMs - r.none.taskMs));
// 2. script start -> usable
const toDom = of(runs.map((r) => r.warm.radioInDomMs));
const toVisible = of(runs.map((r) => r.warm.visibleMs));
const toReady = of(runs.map((r) => r.warm.readyMs));
const inlineReady = of(runs.map((r) => r.inline.readyMs));
// 3. long tasks
const longWith = stats(runs.map((r) => r.warm.longTasks.length));
const longWithout = stats(runs.map((r) => r.none.longTasks.length));
const longestWith = stats(runs.map((r) => longest(r.warm.longTasks)));
const longestWithout = stats(runs.map((r) => longest(r.none.longTasks)));
/** The longest task from the widget's script start until the survey is usable; `ref`: the page without it, same window. */
const widgetWindow = (/** @type {Load} */ l, /** @type {Load} */ ref) => {
  const from = l.scriptStart ?? 0;
  const to = l.end - SETTLE_MS;
  const refFrom = ref.scriptStart ?? from;
  return { with: longestIn(l.longTasks, from, to), without: longestIn(ref.longTasks, refFrom, refFrom + (to - from)) };
};
const longestWindowWith = stats(runs.map((r) => widgetWindow(r.warm, r.none).with));
const longestWindowWithout = stats(runs.map((r) => widgetWindow(r.warm, r.none).without));
// 4. layout shift
const shiftCorner = stats(runs.map((r) => shiftScore(r.warm) - shiftScore(r.none)));
const shiftCornerRaw = stats(runs.map((r) => shiftScore(r.warm)));
const shiftInline = stats(runs.map((r) => shiftScore(r.inline) - shiftScore(r.inlineNone)));
const widgetShiftSources = runs.flatMap((r) => r.warm.shifts.flatMap((s) => s.sources)).filter((s) => s.includes('data-nps-widget'));
if (shiftCorner.max > 0.0001 || widgetShiftSources.length > 0) {
  failures.push(
    `the corner placement shifted the page: ${shiftCorner.samples.map((v) => v.toFixed(4)).join(', ')} (sources ${widgetShiftSources.join(', ') || 'page content'})`,
  );
}
// 5. heap
const KB = 1024;
const heapFirst = stats(heapRuns.map((h) => (h.afterFirst.v8 - h.before.v8) / KB));
const heapSecond = stats(heapRuns.map((h) => (h.afterSecond.v8 - h.afterFirst.v8) / KB));
const domFirst = stats(heapRuns.map((h) => (h.afterFirst.dom - h.before.dom) / KB));
const domSecond = stats(heapRuns.map((h) => (h.afterSecond.dom - h.afterFirst.dom) / KB));
const hostsLeft = Math.max(0, ...heapRuns.flatMap((h) => h.hostsLeft));
// 6. not shown
const quietEval = of(quietRuns.map((q) => traced(q.shown, 'evaluateMs')));
const quietCallbacks = of(quietRuns.map((q) => traced(q.shown, 'callbacksMs')));
const quietWall = of(quietRuns.map((q) => q.shown.parseEvalMs));
const quietScriptDelta = stats(quietRuns.map((q) => q.shown.scriptMs - q.none.scriptMs));
const firstIntl = of(quietRuns.map((q) => q.none.intlMs));
const quietHosts = Math.max(0, ...quietRuns.map((q) => q.shown.hosts));
/** What the widget left on window/document beyond the page without it. */
const quietLeft = quietRuns.map((q) => {
  const mine = q.shown.leftovers ?? { listeners: [], observers: 0, timers: 0 };
  const theirs = q.none.leftovers ?? { listeners: [], observers: 0, timers: 0 };
  const baseline = theirs.listeners.map((l) => l.replace(/:\d+$/, ''));
  const added = mine.listeners
    .map((l) => l.replace(/:\d+$/, ''))
    .filter((l) => {
      const index = baseline.indexOf(l);
      if (index < 0) return true;
      baseline.splice(index, 1);
      return false;
    });
  return { listeners: added, observers: mine.observers - theirs.observers, timers: mine.timers - theirs.timers };
});
const quietListeners = stats(quietLeft.map((q) => q.listeners.length));
const quietTimers = stats(quietLeft.map((q) => q.timers));
const quietObservers = stats(quietLeft.map((q) => q.observers));
const listenerNames = [...new Set(quietLeft.flatMap((q) => q.listeners))];

row('evaluate, cold (ms)', evalCold, 'main-thread EvaluateScript from a trace: top-level run + init + first render (its microtasks)', 2);
row('evaluate, warm (ms)', evalWarm, `same, file from the HTTP cache (${warmFromCache}/${warmLoads.length} warm loads not re-requested)`, 2);
row('evaluate only, no init (ms)', evalBare, 'bare tag without data-endpoint (defines NpsWidget, nothing else), warm', 2);
row('parse, off the main thread (ms)', parseWarm, `v8.parseOnBackground (streamed), warm; cold: median ${fmt(parseCold.median, 2)} ms`, 2);
row('widget callbacks until usable (ms)', callbacksWarm, 'its later FunctionCalls (frames, timers, observers), warm, traced', 2);
row('tag wall time, cold (ms)', wallCold, 'nps-before → nps-after marks: also the page layout/paint the parser yields to', 1);
row('tag wall time, warm (ms)', wallWarm, `same, warm, untraced; the marks alone, no script between: ${fmt(wallNone.median, 2)}`, 1);
row('ScriptDuration, widget page (ms)', scriptWarm, 'CDP Performance.getMetrics, warm load until usable + 1 s');
row('ScriptDuration, no widget (ms)', scriptNone, 'the same page without the script tag, observed as long');
row('ScriptDuration added (ms)', scriptDelta, 'per-run difference');
row('TaskDuration added (ms)', taskDelta, 'per-run difference: script plus style, layout and paint (noisy)');
row('script start → radio in DOM (ms)', toDom, 'nps-before → MutationObserver sees role=radio in the shadow root; wall clock');
row('script start → radio visible (ms)', toVisible, 'first animation frame with a box and checkVisibility (opacity)');
row('script start → usable (ms)', toReady, 'visible and shadowRoot.getAnimations() all finished (180 ms entrance)');
row('script start → usable, inline (ms)', inlineReady, 'inline placement: no entrance animation');
row('long tasks, with widget (count)', longWith, 'longtask entries (> 50 ms), page start → usable + 1 s', 0);
row('long tasks, without widget (count)', longWithout, 'same page without the script, same window', 0);
row('longest task, with widget (ms)', longestWith, '0: none over 50 ms (HTML parsing included)');
row('longest task, without widget (ms)', longestWithout, '');
row(
  'longest task, script start → usable',
  longestWindowWith,
  `ms, with the widget; the page without it, same window: median ${fmt(longestWindowWithout.median)}`,
);
row('layout shift, corner (added)', shiftCorner, `widget page − page without it; must be 0 (raw: ${fmt(shiftCornerRaw.median, 4)})`, 4);
row('layout shift, inline into #slot (added)', shiftInline, 'informational: the survey pushes the content below it down', 4);
row(`V8 heap, ${CYCLES} show/destroy (KB)`, heapFirst, `growth after forced GC, ${HEAP_RUNS} fresh pages; hosts left after destroy(): ${hostsLeft}`);
row(`V8 heap, next ${CYCLES} (KB)`, heapSecond, 'a leak grows again by about as much; a one-time cache does not');
row(`DOM heap, first ${CYCLES} (KB)`, domFirst, 'Runtime.getHeapUsage embedderHeapUsedSize (Oilpan); noisy, Blink keeps caches');
row(`DOM heap, next ${CYCLES} (KB)`, domSecond, '');
row('not shown: evaluate (ms)', quietEval, 'answered yesterday (resurveyDays 90); warm, traced; init + eligibility check', 2);
row('not shown: later callbacks (ms)', quietCallbacks, 'widget FunctionCalls after evaluation, load + 300 ms', 2);
row('  first Intl.NumberFormat in a page (ms)', firstIntl, 'for scale: a survey that shows builds its wording and makes one; its first use loads ICU data', 1);
row('not shown: tag wall time (ms)', quietWall, 'marks, as above', 1);
row('not shown: ScriptDuration added (ms)', quietScriptDelta, 'vs the page without the script, both traced, load + 300 ms');
row(
  'not shown: window/document listeners',
  quietListeners,
  `added and still attached${listenerNames.length ? `: ${listenerNames.join(', ')}` : ''}; host element: ${quietHosts === 0 ? 'none' : quietHosts}`,
  0,
);
row('not shown: pending timers', quietTimers, `Resize/IntersectionObservers left observing: median ${fmt(quietObservers.median, 0)}`, 0);

// ---------------------------------------------------------------- Report

const machine = describeMachine(chromiumVersion);
console.log(`nps-widget runtime in Chromium: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}`);
console.log(`Node ${machine.node}, Chromium ${machine.chromium}`);
console.log(
  `dist/nps-widget.js ${widgetFiles.get('/nps-widget.js')?.length.toLocaleString('en')} bytes (with nps-widget-survey.js ${widgetFiles.get('/nps-widget-survey.js')?.length.toLocaleString('en')}); shop page ${html['corner']?.length.toLocaleString('en')} bytes of HTML; ` +
    `median and min–max of ${RUNS} runs (heap: ${HEAP_RUNS}), a fresh context each; viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${elapsedS.toFixed(0)} s\n`,
);
const header = /** @type {[string, string, string, string]} */ (['metric', 'median', 'min–max', 'notes']);
const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
const format = (/** @type {[string, string, string, string]} */ r) =>
  `${r[0].padEnd(widths[0] ?? 0)} | ${r[1].padStart(widths[1] ?? 0)} | ${r[2].padStart(widths[2] ?? 0)} | ${r[3]}`;
console.log(format(header));
console.log(`${widths.map((w) => '-'.repeat(w)).join('-|-')}-|------`);
for (const r of rows) console.log(format(r));
if (otherConsoleErrors.length) console.log(`\nother console errors (not the widget's): ${[...new Set(otherConsoleErrors)].join('; ')}`);
if (collectRequests) console.log(`\n/collect received ${collectRequests} POSTs (none expected: nobody answered)`);

if (args.json) {
  const figures = {
    machine,
    setup: {
      runs: RUNS,
      heapRuns: HEAP_RUNS,
      cycles: CYCLES,
      settleMs: SETTLE_MS,
      viewport: VIEWPORT,
      scriptBytes: widgetFiles.get('/nps-widget.js')?.length,
      surveyBytes: widgetFiles.get('/nps-widget-survey.js')?.length,
      pageBytes: html['corner']?.length,
      elapsedS,
      phases,
    },
    evaluate: {
      coldMs: evalCold,
      warmMs: evalWarm,
      bareWarmMs: evalBare,
      backgroundParseColdMs: parseCold,
      backgroundParseWarmMs: parseWarm,
      callbacksUntilUsableMs: callbacksWarm,
    },
    tagWallTime: { coldMs: wallCold, warmMs: wallWarm, bareMs: wallBare, emptyMarksMs: wallNone, warmFromCache, warmLoads: warmLoads.length },
    cdp: { scriptMsWidget: scriptWarm, scriptMsNone: scriptNone, scriptMsAdded: scriptDelta, taskMsAdded: taskDelta },
    toUsable: { radioInDomMs: toDom, visibleMs: toVisible, readyMs: toReady, readyInlineMs: inlineReady },
    longTasks: {
      countWith: longWith,
      countWithout: longWithout,
      longestWithMs: longestWith,
      longestWithoutMs: longestWithout,
      longestScriptToUsableWithMs: longestWindowWith,
      longestScriptToUsableWithoutMs: longestWindowWithout,
    },
    layoutShift: { cornerAdded: shiftCorner, cornerRaw: shiftCornerRaw, inlineAdded: shiftInline },
    heap: { v8FirstKb: heapFirst, v8SecondKb: heapSecond, domFirstKb: domFirst, domSecondKb: domSecond, hostsLeft, runs: heapRuns },
    notShown: {
      evaluateMs: quietEval,
      firstIntlNumberFormatMs: firstIntl,
      callbacksMs: quietCallbacks,
      tagWallTimeMs: quietWall,
      scriptMsAdded: quietScriptDelta,
      hosts: quietHosts,
      listenersAdded: quietListeners,
      listenerNames,
      timersPending: quietTimers,
      observers: quietObservers,
    },
    loads: { runs, notShown: quietRuns },
    otherConsoleErrors: [...new Set(otherConsoleErrors)],
    failures,
  };
  writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nraw figures: ${args.json}`);
}
if (failures.length > 0) {
  console.log(`\nFAILED:\n${[...new Set(failures)].map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
