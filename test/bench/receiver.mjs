/**
 * npm run bench:receiver [-- --deliveries 100000 --rounds 10 --clients 16 --json FILE]
 *
 * The receiver under load on this machine, client included, on PGlite and on PostgreSQL (a
 * throwaway server it starts and removes):
 *   raw    the same upsert (saveResponse) straight to a database of its own, 16 at a time, no HTTP
 *   http   `nps-widget serve` as a child process, 16 keep-alive clients posting deliveries
 *          (score-only, then submitted, per response): deliveries/s, p50/p99 latency, and the
 *          receiver's RSS after warm-up, at its highest and at the end.
 * The two alternate in rounds, so on a shared machine both meet the same load and tables of the
 * same size. Bounded: a fixed number of deliveries; it stops by itself; nothing is asserted.
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
    rounds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '16' },
    json: { type: 'string' },
  },
});
const DELIVERIES = Number(values.deliveries);
const ROUNDS = Number(values.rounds);
const CLIENTS = Number(values.clients);
const WARM_UP = 2000;
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
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) await job(next++);
    }),
  );
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

/** POSTs deliveries over CLIENTS keep-alive connections; each call resolves with its latency in ms. */
function httpClient(/** @type {URL} */ url) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const ids = /** @type {string[]} */ ([]);
  return {
    agent,
    post: (/** @type {number} */ n) =>
      /** @type {Promise<number>} */ (
        new Promise((done, fail) => {
          const body = JSON.stringify(delivery(n, ids));
          const started = performance.now();
          const headers = { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': Buffer.byteLength(body) };
          const req = request({ agent, host: url.hostname, port: url.port, path: '/responses', method: 'POST', headers }, (answer) => {
            answer.resume();
            answer.on('end', () =>
              answer.statusCode === 201 || answer.statusCode === 200 ? done(performance.now() - started) : fail(new Error(`answered ${answer.statusCode}`)),
            );
          });
          req.on('error', fail);
          req.end(body);
        })
      ),
  };
}

/**
 * One store: the raw upsert (in this process, on a database of its own) and the receiver over
 * HTTP (a child process), in alternating rounds so both see the same load on a shared machine
 * and tables of the same size.
 * @param {import('../../src/server/index.js').Storage} rawStorage
 * @param {string[]} receiverArgs
 */
async function measure(rawStorage, receiverArgs) {
  const db = await rawStorage.open();
  await server.migrate(db);
  const rawIds = /** @type {string[]} */ ([]);
  const raw = (/** @type {number} */ n) => server.saveResponse(db, /** @type {never} */ (delivery(n, rawIds))).then(() => {});
  const { child, url } = /** @type {{ child: import('node:child_process').ChildProcess, url: URL }} */ (await startReceiver(receiverArgs));
  const client = httpClient(url);
  try {
    await pool(WARM_UP, CLIENTS, raw);
    await pool(WARM_UP, CLIENTS, async (n) => void (await client.post(n)));
    const pid = /** @type {number} */ (child.pid);
    const rssStart = rssMb(pid);
    /** After each round: whether memory levels off or keeps growing. */
    const rssRounds = [];
    const latencies = new Float64Array(DELIVERIES);
    let rawMs = 0;
    let httpMs = 0;
    const perRound = DELIVERIES / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      const from = WARM_UP + round * perRound;
      let started = performance.now();
      await pool(perRound, CLIENTS, (n) => raw(from + n));
      rawMs += performance.now() - started;
      started = performance.now();
      await pool(perRound, CLIENTS, async (n) => {
        latencies[round * perRound + n] = await client.post(from + n);
      });
      httpMs += performance.now() - started;
      rssRounds.push(Math.round(rssMb(pid)));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      raw: DELIVERIES / (rawMs / 1000),
      rate: DELIVERIES / (httpMs / 1000),
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      rssStart,
      rssEnd: rssMb(pid),
      rssMax: Math.max(rssStart, ...rssRounds),
      rssRounds,
      seconds: (rawMs + httpMs) / 1000,
    };
  } finally {
    client.agent.destroy();
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await db.close();
  }
}

const folder = mkdtempSync(join(tmpdir(), 'nps-bench-receiver-'));
const cluster = await startPostgres();
/** @type {Array<Record<string, unknown>>} */
const rows = [];
try {
  console.log(
    `Receiver benchmark: ${DELIVERIES.toLocaleString('en')} deliveries over HTTP and as many raw upserts, in ${ROUNDS} alternating rounds ` +
      `(after ${WARM_UP} of each to warm up), ${CLIENTS} clients, ${cpus().length} cores, Node ${process.version}`,
  );
  for (const store of ['PGlite', 'PostgreSQL']) {
    const result =
      store === 'PGlite'
        ? await measure(server.pglite({ dataDir: join(folder, 'raw') }), ['--data-dir', join(folder, 'http')])
        : await measure(server.postgres({ connectionString: await cluster.createDatabase('bench_raw'), maxConnections: CLIENTS }), [
            '--database',
            await cluster.createDatabase('bench_http'),
          ]);
    console.log(
      `${store}: raw ${Math.round(result.raw)}/s; over HTTP ${Math.round(result.rate)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
        `RSS ${result.rssStart.toFixed(0)} -> ${result.rssEnd.toFixed(0)} MB (max ${result.rssMax.toFixed(0)}; after each round ${result.rssRounds.join(', ')}), ${result.seconds.toFixed(0)} s`,
    );
    rows.push({ store, ...result, raw: Math.round(result.raw), rate: Math.round(result.rate), ratio: result.rate / result.raw });
  }
} finally {
  await cluster.stop();
  rmSync(folder, { recursive: true, force: true });
}

console.log('');
console.log('store       | raw upsert/s | HTTP deliveries/s | HTTP / raw | p50 ms | p99 ms | receiver RSS start -> end (max)');
console.log('------------|--------------|-------------------|------------|--------|--------|--------------------------');
for (const row of rows) {
  const r =
    /** @type {{ store: string, raw: number, rate: number, ratio: number, p50: number, p99: number, rssStart: number, rssEnd: number, rssMax: number }} */ (
      row
    );
  console.log(
    `${r.store.padEnd(11)} | ${String(r.raw).padStart(12)} | ${String(r.rate).padStart(17)} | ${r.ratio.toFixed(2).padStart(10)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${r.rssStart.toFixed(0)} -> ${r.rssEnd.toFixed(0)} MB (${r.rssMax.toFixed(0)})`,
  );
}
console.log('');
console.log('Targets: HTTP at least half the raw rate; at least 2,000 deliveries/s into PostgreSQL; p99 under 50 ms; RSS flat.');
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify({ deliveries: DELIVERIES, rounds: ROUNDS, clients: CLIENTS, cores: cpus().length, node: process.version, rows }, null, 2),
  );
