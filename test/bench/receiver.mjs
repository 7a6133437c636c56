/**
 * npm run bench:receiver [-- --deliveries 100000 --raw 20000 --clients 16 --json FILE]
 *
 * The receiver under load on this machine, client included, on PGlite and on PostgreSQL (a
 * throwaway server it starts and removes):
 *   raw    the same upsert (saveResponse) straight to the database, 16 at a time, no HTTP
 *   http   `nps-widget serve` as a child process, 16 keep-alive clients posting deliveries
 *          (score-only, then submitted, per response): deliveries/s, p50/p99 latency, and the
 *          receiver's RSS after warm-up and at the end of the run.
 * Bounded: a fixed number of deliveries, each run stops by itself; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPostgres } from '../postgres-cluster.mjs';

const { values } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '100000' },
    raw: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '16' },
    json: { type: 'string' },
  },
});
const DELIVERIES = Number(values.deliveries);
const RAW = Number(values.raw);
const CLIENTS = Number(values.clients);
const WARM_UP = Math.min(2000, DELIVERIES / 10);
const TOKEN = 'bench-token-0123456789abcdef';
const BIN = fileURLToPath(new URL('../../bin/nps-widget.js', import.meta.url));

/** @type {typeof import('../../src/server/index.js')} */
const server = await import(new URL('../../dist/server/index.js', import.meta.url).href);
/** @type {typeof import('../../src/index.js')} */
const widget = await import(new URL('../../dist/index.js', import.meta.url).href);

/** A delivery as the widget sends it: `n` even is a new response's score, odd its submit. */
function delivery(/** @type {number} */ n, /** @type {string[]} */ ids) {
  const first = n % 2 === 0;
  if (first) ids[(n / 2) % 64] = randomUUID();
  const id = /** @type {string} */ (ids[Math.floor(n / 2) % 64]);
  const score = n % 11;
  const now = new Date(Date.UTC(2026, 10, 22) + n * 1000).toISOString();
  return {
    schemaVersion: 1,
    id,
    surveyId: 'bench',
    kind: 'nps',
    scale: '0-10',
    score,
    category: widget.categoryOf(score),
    comment: first ? null : `Answer number ${n}, with a reason of ordinary length.`,
    complete: !first,
    surveyType: 'transactional',
    touchpoint: 'checkout',
    user: null,
    metadata: { orderId: `A-${n}`, plan: n % 3 ? 'pro' : 'free' },
    locale: 'en',
    pageUrl: 'https://shop.example/checkout/done',
    createdAt: now,
    sentAt: now,
  };
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/**
 * Runs `count` jobs, `workers` at a time, each job given its index.
 * @param {number} count @param {number} workers @param {(n: number) => Promise<void>} job
 */
async function pool(count, workers, job) {
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < count) await job(next++);
  }));
}

/** The raw rate: saveResponse straight to the database, no HTTP, no validation. */
async function rawRate(/** @type {import('../../src/server/index.js').Storage} */ storage) {
  const db = await storage.open();
  await server.migrate(db);
  const ids = /** @type {string[]} */ ([]);
  const payloads = Array.from({ length: RAW }, (_, n) => /** @type {import('../../src/core/payload.js').NpsResponse} */ (delivery(n, ids)));
  const started = performance.now();
  await pool(RAW, CLIENTS, (n) => server.saveResponse(db, /** @type {never} */ (payloads[n])).then(() => {}));
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return RAW / seconds;
}

/** @param {number} pid */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Starts the command; resolves with the child and its URL once it listens. */
function startReceiver(/** @type {string[]} */ args) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--rate-limit', '0', '--token', TOKEN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  return new Promise((done, fail) => {
    const read = (/** @type {Buffer} */ chunk) => {
      printed += chunk;
      const match = /^listening on (http:\/\/\S+)$/m.exec(printed);
      if (match) done({ child, url: new URL(/** @type {string} */ (match[1])) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`the receiver exited (${code}) before listening:\n${printed}`)));
  });
}

/** Deliveries over HTTP with CLIENTS keep-alive connections: rate, latency, the receiver's memory. */
async function httpRun(/** @type {string[]} */ args) {
  const { child, url } = /** @type {{ child: import('node:child_process').ChildProcess, url: URL }} */ (await startReceiver(args));
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const ids = /** @type {string[]} */ ([]);
  const post = (/** @type {number} */ n) =>
    new Promise((done, fail) => {
      const body = JSON.stringify(delivery(n, ids));
      const started = performance.now();
      const req = request({ agent, host: url.hostname, port: url.port, path: '/responses', method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': Buffer.byteLength(body) } }, (answer) => {
        answer.resume();
        answer.on('end', () => (answer.statusCode === 201 || answer.statusCode === 200 ? done(performance.now() - started) : fail(new Error(`answered ${answer.statusCode}`))));
      });
      req.on('error', fail);
      req.end(body);
    });
  try {
    await pool(WARM_UP, CLIENTS, async (n) => void (await post(n)));
    const rssStart = rssMb(/** @type {number} */ (child.pid));
    const latencies = new Float64Array(DELIVERIES);
    const started = performance.now();
    await pool(DELIVERIES, CLIENTS, async (n) => {
      latencies[n] = /** @type {number} */ (await post(WARM_UP + n));
    });
    const seconds = (performance.now() - started) / 1000;
    const rssEnd = rssMb(/** @type {number} */ (child.pid));
    const sorted = [...latencies].sort((a, b) => a - b);
    return { rate: DELIVERIES / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), rssStart, rssEnd, seconds };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

const folder = mkdtempSync(join(tmpdir(), 'nps-bench-receiver-'));
const cluster = await startPostgres();
/** @type {Array<Record<string, unknown>>} */
const rows = [];
try {
  console.log(`Receiver benchmark: ${DELIVERIES.toLocaleString('en')} deliveries over HTTP (after ${WARM_UP} to warm up), ${RAW.toLocaleString('en')} raw upserts, ${CLIENTS} clients, ${cpus().length} cores, Node ${process.version}`);
  for (const store of ['PGlite', 'PostgreSQL']) {
    const isPglite = store === 'PGlite';
    const raw = await rawRate(isPglite ? server.pglite({ dataDir: join(folder, 'raw') }) : server.postgres({ connectionString: await cluster.createDatabase('bench_raw'), maxConnections: CLIENTS }));
    console.log(`${store}: raw upsert ${Math.round(raw)}/s`);
    const http = await httpRun(isPglite ? ['--data-dir', join(folder, 'http')] : ['--database', await cluster.createDatabase('bench_http')]);
    console.log(`${store}: over HTTP ${Math.round(http.rate)}/s, p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms, RSS ${http.rssStart.toFixed(0)} -> ${http.rssEnd.toFixed(0)} MB (${http.seconds.toFixed(0)} s)`);
    rows.push({ store, raw: Math.round(raw), ...http, rate: Math.round(http.rate), ratio: http.rate / raw });
  }
} finally {
  await cluster.stop();
  rmSync(folder, { recursive: true, force: true });
}

console.log('');
console.log('store       | raw upsert/s | HTTP deliveries/s | HTTP / raw | p50 ms | p99 ms | receiver RSS start -> end');
console.log('------------|--------------|-------------------|------------|--------|--------|--------------------------');
for (const row of rows) {
  const r = /** @type {{ store: string, raw: number, rate: number, ratio: number, p50: number, p99: number, rssStart: number, rssEnd: number }} */ (row);
  console.log(
    `${r.store.padEnd(11)} | ${String(r.raw).padStart(12)} | ${String(r.rate).padStart(17)} | ${r.ratio.toFixed(2).padStart(10)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${r.rssStart.toFixed(0)} -> ${r.rssEnd.toFixed(0)} MB`,
  );
}
console.log('');
console.log('Targets: HTTP at least half the raw rate; at least 2,000 deliveries/s into PostgreSQL; p99 under 50 ms; RSS flat.');
if (values.json) writeFileSync(values.json, JSON.stringify({ deliveries: DELIVERIES, raw: RAW, clients: CLIENTS, cores: cpus().length, node: process.version, rows }, null, 2));
