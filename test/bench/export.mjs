/**
 * npm run bench:export [-- --rows 1000000 --store PGlite|PostgreSQL --json FILE]
 *
 * GET /responses?format=csv of every stored response, from `nps-widget serve` as a child
 * process, on PGlite and on PostgreSQL (a throwaway server it starts and removes): rows and
 * bytes per second, and the receiver's resident memory (RSS) before, as the export passes each
 * quarter, and at its peak (VmHWM). Memory should stay flat: the export reads a page of 1,000
 * rows at a time as the client reads. The rows are seeded by the database (generate_series).
 * Bounded; nothing is asserted (test/server/export-memory.test.ts asserts the heap cap).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPostgres } from '../postgres-cluster.mjs';
import { seedResponses } from '../seed-responses.mjs';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, store: { type: 'string', multiple: true }, json: { type: 'string' } },
});
const ROWS = Number(values.rows);
const TOKEN = 'bench-token-0123456789abcdef';
const BIN = fileURLToPath(new URL('../../bin/nps-widget.js', import.meta.url));

/** @type {typeof import('../../src/server/index.js')} */
const server = await import(new URL('../../dist/server/index.js', import.meta.url).href);

/** A memory line of /proc/PID/status in MB (VmRSS now, VmHWM the peak so far). */
const memoryMb = (/** @type {number} */ pid, /** @type {'VmRSS' | 'VmHWM'} */ field) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;

/** Starts the command; resolves with the child and its URL once it listens. */
function startReceiver(/** @type {string[]} */ args) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--token', TOKEN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  return /** @type {Promise<{ child: import('node:child_process').ChildProcess, url: string }>} */ (
    new Promise((done, fail) => {
      const read = (/** @type {Buffer} */ chunk) => {
        printed += chunk;
        const match = /^listening on (http:\/\/\S+)$/m.exec(printed);
        if (match) done({ child, url: /** @type {string} */ (match[1]) });
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => fail(new Error(`the receiver exited (${code}) before listening:\n${printed}`)));
    })
  );
}

/**
 * Seeds ROWS responses into `storage`, then exports them as CSV from a receiver on `args`.
 * @param {import('../../src/server/index.js').Storage} storage
 * @param {string[]} args
 */
async function measure(storage, args) {
  const db = await storage.open();
  let started = performance.now();
  try {
    await server.migrate(db);
    await seedResponses((text, params) => db.query(text, params), { rows: ROWS });
  } finally {
    await db.close();
  }
  const seedSeconds = (performance.now() - started) / 1000;
  const { child, url } = await startReceiver(args);
  const pid = /** @type {number} */ (child.pid);
  try {
    const rssBefore = memoryMb(pid, 'VmRSS');
    started = performance.now();
    const answer = await fetch(`${url}/responses?format=csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (answer.status !== 200 || !answer.body) throw new Error(`the export answered ${answer.status}`);
    let bytes = 0;
    let lines = 0;
    /** RSS as the export passes 25, 50, 75 and 100% of the rows. */
    const rssQuarters = [];
    for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (/** @type {unknown} */ (answer.body))) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
      if (lines - 1 >= ((rssQuarters.length + 1) * ROWS) / 4) rssQuarters.push(Math.round(memoryMb(pid, 'VmRSS')));
    }
    const seconds = (performance.now() - started) / 1000;
    if (lines !== ROWS + 1) throw new Error(`the export had ${lines} lines; expected ${ROWS + 1}`);
    return { seedSeconds, seconds, rowsPerSecond: ROWS / seconds, megabytes: bytes / 2 ** 20, rssBefore, rssQuarters, rssPeak: memoryMb(pid, 'VmHWM') };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

const folder = mkdtempSync(join(tmpdir(), 'nps-bench-export-'));
const cluster = await startPostgres();
/** @type {Array<{ store: string } & Awaited<ReturnType<typeof measure>>>} */
const results = [];
try {
  console.log(`Export benchmark: ${ROWS.toLocaleString('en')} responses as CSV from nps-widget serve, ${cpus().length} cores, Node ${process.version}`);
  for (const store of values.store ?? ['PGlite', 'PostgreSQL']) {
    const result =
      store === 'PGlite'
        ? await measure(server.pglite({ dataDir: join(folder, 'data') }), ['--data-dir', join(folder, 'data')])
        : await (async () => {
            const url = await cluster.createDatabase('bench_export');
            return measure(server.postgres({ connectionString: url }), ['--database', url]);
          })();
    console.log(
      `${store}: ${result.megabytes.toFixed(0)} MB in ${result.seconds.toFixed(1)} s (${Math.round(result.rowsPerSecond)} rows/s); ` +
        `RSS ${result.rssBefore.toFixed(0)} MB before, ${result.rssQuarters.join(' / ')} MB at each quarter, peak ${result.rssPeak.toFixed(0)} MB (seeded in ${result.seedSeconds.toFixed(0)} s)`,
    );
    results.push({ store, ...result });
  }
} finally {
  await cluster.stop();
  rmSync(folder, { recursive: true, force: true });
}

console.log('');
console.log('store       | CSV MB | seconds | rows/s | RSS before | RSS at 25/50/75/100% | peak RSS');
console.log('------------|--------|---------|--------|------------|----------------------|---------');
for (const r of results) {
  console.log(
    `${r.store.padEnd(11)} | ${r.megabytes.toFixed(0).padStart(6)} | ${r.seconds.toFixed(1).padStart(7)} | ${String(Math.round(r.rowsPerSecond)).padStart(6)} | ${`${r.rssBefore.toFixed(0)} MB`.padStart(10)} | ${r.rssQuarters.join(' / ').padStart(20)} | ${r.rssPeak.toFixed(0)} MB`,
  );
}
if (values.json) writeFileSync(values.json, JSON.stringify({ rows: ROWS, cores: cpus().length, node: process.version, results }, null, 2));
