/**
 * npm run bench:results [-- --responses 1e6 --pg-responses 1e7 --rounds 15 --json FILE]
 *
 * GET /results at volume, on PGlite (`--responses`, 1,000,000 by default) and on a throwaway
 * PostgreSQL server it starts and removes (`--pg-responses`, 10,000,000): answers spread over
 * 365 days, seeded with generate_series straight into nps_responses at schema version 2, then
 * counted into the rollups by migration 3's backfill (as a receiver upgrading a database does).
 * For each store it times, in the same run, through the receiver's handler (routing, query, JSON):
 *   rollup   GET /results?by=day for the year, and by=month
 *   raw      the same tallies by a GROUP BY over the stored rows
 * and prints medians and the ratio; each pair is checked to count the same. Bounded: a fixed
 * number of rounds; it stops by itself; nothing is asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, startPostgres } from '../postgres-cluster.mjs';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '1e6' },
    'pg-responses': { type: 'string', default: '1e7' },
    rounds: { type: 'string', default: '15' },
    'raw-rounds': { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const count = (/** @type {string} */ text) => Math.round(Number(text));
const PGLITE_RESPONSES = count(values.responses);
const PG_RESPONSES = count(values['pg-responses']);
const ROUNDS = count(values.rounds);
const RAW_ROUNDS = count(values['raw-rounds']);
const TOKEN = 'bench-token-0123456789abcdef';
const SURVEY = 'bench';
const YEAR_START = '2025-12-01T00:00:00Z';
const FROM = '2025-12-01';
const TO = '2026-11-30';

/** @type {typeof import('../../src/server/index.js')} */
const server = await import(new URL('../../dist/server/index.js', import.meta.url).href);

/**
 * `n` answers over 365 days, as the widget would have sent them, in batches: three touchpoints,
 * three locales, scores 0-10 with more promoters than detractors.
 */
const SEED = `
INSERT INTO nps_responses (id, survey_id, scale, score, category, complete, created_at, sent_at, record)
SELECT id, $1::text, '0-10', score, category, true, created_at, created_at,
  jsonb_build_object('schemaVersion', 1, 'id', id, 'surveyId', $1::text, 'kind', 'nps', 'scale', '0-10', 'score', score,
    'category', category, 'comment', NULL, 'complete', true, 'surveyType', 'transactional',
    'touchpoint', (ARRAY['checkout', 'support', 'onboarding'])[1 + i % 3], 'user', NULL,
    'metadata', jsonb_build_object('plan', CASE WHEN i % 4 = 0 THEN 'free' ELSE 'pro' END),
    'locale', (ARRAY['en', 'fi', 'de'])[1 + i % 7 % 3], 'pageUrl', 'https://shop.example/checkout/done',
    'createdAt', created_at, 'sentAt', created_at)
FROM (
  SELECT i, gen_random_uuid() AS id, score,
    CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END AS category,
    TIMESTAMPTZ '${YEAR_START}' + (i::float8 / $4::float8 * 365 * 86400) * interval '1 second' AS created_at
  FROM (SELECT i, (ARRAY[0,1,2,3,4,5,6,7,7,8,8,9,9,9,10,10])[1 + (i * 7919) % 16] AS score FROM generate_series($2::bigint, $3::bigint) AS i) AS s
) AS r`;

const RAW = {
  day: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  month: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
};
const rawQuery = (/** @type {'day' | 'month'} */ by) => `
SELECT ${RAW[by]} AS key, ARRAY[${Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE score = ${s})`).join(', ')}]::int[] AS counts
FROM nps_responses
WHERE survey_id = $1 AND created_at >= $2::timestamptz AND created_at < $3::timestamptz
GROUP BY 1 ORDER BY 1`;

/** @param {number[]} list */
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
const ms = (/** @type {number} */ value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

/** @param {() => Promise<unknown>} work */
async function timed(work) {
  const start = performance.now();
  const result = await work();
  return { result, time: performance.now() - start };
}

/**
 * Seeds, migrates and measures one store.
 * @param {string} name
 * @param {import('../../src/server/store/database.js').Storage} storage
 * @param {number} responses
 */
async function measure(name, storage, responses) {
  const db = await storage.open();
  await server.migrate(db, { to: 2 });
  const seedStart = performance.now();
  const batch = 100_000;
  for (let first = 1; first <= responses; first += batch) {
    await db.query(SEED, [SURVEY, first, Math.min(responses, first + batch - 1), responses]);
    process.stdout.write(`\r${name}: seeded ${Math.min(responses, first + batch - 1).toLocaleString('en')} answers`);
  }
  const seeded = performance.now() - seedStart;
  const migrateStart = performance.now();
  await server.migrate(db);
  const migrated = performance.now() - migrateStart;
  await db.query('ANALYZE nps_responses');
  await db.query('ANALYZE nps_tally_times');
  await db.query('ANALYZE nps_tally_segments');
  const [rollupRows] = await db.query('SELECT count(*)::int AS n FROM nps_tally_times WHERE survey_id = $1', [SURVEY]);
  console.log(
    `\r${name}: ${responses.toLocaleString('en')} answers seeded in ${(seeded / 1000).toFixed(0)} s; migration 3 built the rollups in ${(migrated / 1000).toFixed(1)} s (${rollupRows?.n} quarter-hour rows)`,
  );

  const receiver = server.createReceiver({
    storage: { description: name, open: async () => db },
    token: TOKEN,
    serveWidget: false,
    onError: (m, e) => console.error(m, e),
  });
  await receiver.ready;
  const get = async (/** @type {string} */ by) => {
    const answer = await receiver.fetch(
      new Request(`http://127.0.0.1/results?surveyId=${SURVEY}&by=${by}&from=${FROM}&to=${TO}`, { headers: { Authorization: `Bearer ${TOKEN}` } }),
    );
    if (answer.status !== 200) throw new Error(`GET /results answered ${answer.status}: ${await answer.text()}`);
    return answer.json();
  };
  /** @type {Record<string, { groups: number, rollupMs: number, rawMs: number, ratio: number }>} */
  const rows = {};
  for (const by of /** @type {const} */ (['day', 'month'])) {
    const raw = () => db.query(rawQuery(by), [SURVEY, `${FROM}T00:00:00Z`, '2026-12-01T00:00:00Z']);
    // Warm both (plans, caches), and check they count the same.
    const [api, plain] = [await get(by), await raw()];
    const same =
      JSON.stringify(api.groups.map((/** @type {{ key: string, counts: number[] }} */ g) => [g.key, g.counts])) ===
      JSON.stringify(plain.map((row) => [row.key, row.counts]));
    if (!same) throw new Error(`${name} by=${by}: the rollup and the raw GROUP BY disagree`);
    const rollupTimes = [];
    const rawTimes = [];
    for (let round = 0; round < Math.max(ROUNDS, RAW_ROUNDS); round++) {
      if (round < ROUNDS) rollupTimes.push((await timed(() => get(by))).time);
      if (round < RAW_ROUNDS) rawTimes.push((await timed(raw)).time);
    }
    const rollupMs = median(rollupTimes);
    const rawMs = median(rawTimes);
    const row = { groups: api.groups.length, rollupMs, rawMs, ratio: rawMs / rollupMs };
    rows[by] = row;
    console.log(
      `  by=${by.padEnd(5)} ${String(row.groups).padStart(3)} groups  GET /results ${ms(row.rollupMs).padStart(8)}  raw GROUP BY ${ms(row.rawMs).padStart(8)}  ${row.ratio.toFixed(0)}x`,
    );
  }
  await receiver.close();
  return { store: name, responses, seedSeconds: seeded / 1000, migrateSeconds: migrated / 1000, rollupRows: rollupRows?.n, ...rows };
}

console.log(`GET /results at volume: answers over 365 days; medians of ${ROUNDS} rounds (raw: ${RAW_ROUNDS})`);
const results = [];
const folder = mkdtempSync(join(tmpdir(), 'nps-bench-results-'));
/** @type {import('../postgres-cluster.mjs').PostgresCluster | null} */
let cluster = null;
const cleanUp = async () => {
  rmSync(folder, { recursive: true, force: true });
  await cluster?.stop();
  cluster = null;
};
// Interrupted, it still removes what it made: the PGlite folder and the PostgreSQL cluster.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.log(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}
try {
  if (PGLITE_RESPONSES > 0) results.push(await measure('PGlite', server.pglite({ dataDir: join(folder, 'pglite') }), PGLITE_RESPONSES));
  if (PG_RESPONSES > 0) {
    cluster = await startPostgres();
    const url = await createDatabase(cluster.url, 'nps_bench');
    results.push(await measure('PostgreSQL', server.postgres({ connectionString: url }), PG_RESPONSES));
  }
} finally {
  await cleanUp();
}
if (values.json) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
