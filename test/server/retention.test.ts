/**
 * Retention on PGlite and on PostgreSQL: answers older than N days are erased (scope all) or
 * keep their scores without comment and user (scope personal); newer ones are untouched; a
 * second run finds nothing; runs on two connections at once change each row once; two
 * receivers on one PostgreSQL running the job together remove everything once between them;
 * the job repeats on its interval and logs what it removed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import type { Database, Storage } from '../../src/server/store/database.js';
import { migrate } from '../../src/server/store/migrations.js';
import { postgres } from '../../src/server/store/postgres.js';
import { saveResponse } from '../../src/server/store/responses.js';
import { tallyResponses } from '../../src/server/store/tallies.js';
import { applyRetention } from '../../src/server/retention.js';
import { startReceiver, submitted } from './receivers.js';
import { newDatabase, STORES } from './stores.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T12:00:00.000Z');

/** A submitted answer with a comment and a user, created `daysAgo` days before `now`. */
function answer(daysAgo: number, now = NOW): NpsResponse {
  const createdAt = new Date(now - daysAgo * DAY).toISOString();
  return {
    ...submitted(daysAgo % 11, `reason ${daysAgo}`, { surveyId: 'retention' }),
    createdAt,
    sentAt: createdAt,
    user: { id: randomUUID(), email: 'a@example.com' },
  };
}

async function seed(db: Database, records: readonly NpsResponse[]): Promise<void> {
  for (const record of records) await saveResponse(db, record);
}

const storedRecords = async (db: Database) =>
  (await db.query<{ record: NpsResponse }>('SELECT record FROM nps_responses ORDER BY created_at, id')).map((row) => row.record);

const byCreation = (records: readonly NpsResponse[]) => [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

describe.each(STORES)('retention on $name', (kind) => {
  let storage: Storage;
  let db: Database;
  // 31 to 40 days old, and 0 to 29 days old (30 days exactly is not older than 30 days).
  const old = Array.from({ length: 10 }, (_, index) => answer(31 + index));
  const recent = [...Array.from({ length: 5 }, (_, index) => answer(index * 7)), answer(30)];

  beforeAll(async () => {
    storage = await kind.fresh();
    db = await storage.open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM nps_responses');
    await seed(db, [...old, ...recent]);
  });

  it('scope all: erases every answer older than N days, in batches, and nothing newer', async () => {
    const run = await applyRetention(db, { days: 30, scope: 'all' }, NOW, { batch: 3 });
    expect(run).toEqual({ changed: old.length, before: new Date(NOW - 30 * DAY) });
    expect(await storedRecords(db)).toEqual(byCreation(recent));
    expect((await applyRetention(db, { days: 30, scope: 'all' }, NOW, { batch: 3 })).changed).toBe(0);
  });

  it('scope personal: keeps the scores and everything else, without comment and user', async () => {
    const span = { timeZone: 'UTC', from: null, before: null };
    const tallies = await tallyResponses(db, 'retention', span, null);
    expect((await applyRetention(db, { days: 30, scope: 'personal' }, NOW, { batch: 4 })).changed).toBe(old.length);
    expect(await storedRecords(db)).toEqual(byCreation([...old.map((record) => ({ ...record, comment: null, user: null })), ...recent]));
    expect(await tallyResponses(db, 'retention', span, null)).toEqual(tallies);
    // Stripped rows are not matched again.
    expect((await applyRetention(db, { days: 30, scope: 'personal' }, NOW, { batch: 4 })).changed).toBe(0);
  });

  it('changes each row once when two runs overlap', async () => {
    for (const scope of ['personal', 'all'] as const) {
      // A second pool on the same PostgreSQL database; PGlite has one connection, which both share.
      const second = kind.name === 'PGlite' ? db : await storage.open();
      const runs = await Promise.all([
        applyRetention(db, { days: 30, scope }, NOW, { batch: 2 }),
        applyRetention(second, { days: 30, scope }, NOW, { batch: 2 }),
      ]);
      expect(runs.reduce((sum, run) => sum + (run.changed ?? 0), 0)).toBe(old.length);
      if (second !== db) await second.close();
    }
    expect(await storedRecords(db)).toEqual(byCreation(recent));
  });
});

describe('retention with two receivers on one PostgreSQL', () => {
  let url: string;
  beforeAll(async () => {
    url = await newDatabase();
  });

  it.each(['all', 'personal'] as const)('scope %s: both run the job at start, together they change every old answer once', async (scope) => {
    const now = Date.now();
    const old = Array.from({ length: 2500 }, (_, index) => answer(31 + (index % 300), now));
    const recent = Array.from({ length: 20 }, (_, index) => answer(index, now));
    const setup = await postgres({ connectionString: url }).open();
    try {
      await migrate(setup);
      await setup.query('DELETE FROM nps_responses');
      // 2,500 answers in 25 concurrent lanes.
      await Promise.all(
        Array.from({ length: 25 }, (_unused, lane) =>
          seed(
            setup,
            [...old, ...recent].filter((_, index) => index % 25 === lane),
          ),
        ),
      );

      const logs: string[] = [];
      const retention = { days: 30, scope };
      const receivers = await Promise.all(
        [0, 1].map(() => startReceiver({ storage: postgres({ connectionString: url }), retention, onLog: (line) => logs.push(line) })),
      );
      // Closing waits for a run in progress; both have started theirs by now.
      await expect.poll(async () => (await setup.query<{ left: number }>(LEFT[scope], [new Date(now - 30 * DAY)]))[0]?.left, { timeout: 30_000 }).toBe(0);
      await Promise.all(receivers.map((r) => r.close()));

      const counts = logs.map((line) => Number(/ (\d+) responses/.exec(line)?.[1]));
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(old.length);
      expect(logs[0]).toMatch(
        scope === 'all'
          ? /^retention: erased \d+ responses created before \S+ \(older than 30 days\)$/
          : /^retention: removed comment and user from \d+ responses/,
      );
      const left = await storedRecords(setup);
      expect(left).toHaveLength(scope === 'all' ? recent.length : old.length + recent.length);
      expect(left.filter((record) => record.comment !== null)).toEqual(byCreation(recent));
    } finally {
      await setup.close();
    }
  });

  it('runs again on its interval', async () => {
    const setup = await postgres({ connectionString: url }).open();
    await setup.query('DELETE FROM nps_responses');
    const logs: string[] = [];
    const r = await startReceiver({ storage: postgres({ connectionString: url }), retention: { days: 1, intervalMs: 200 }, onLog: (line) => logs.push(line) });
    try {
      await expect.poll(() => logs.length).toBeGreaterThan(0);
      expect(logs[0]).toMatch(/^retention: erased 0 responses created before/);
      // Stored after the run at start: only a later run can erase it.
      await saveResponse(setup, answer(3, Date.now()));
      await expect.poll(() => storedRecords(setup), { timeout: 10_000 }).toEqual([]);
      expect(logs.some((line) => /^retention: erased 1 responses created before \S+ \(older than 1 days\)$/.test(line))).toBe(true);
    } finally {
      await r.close();
      await setup.close();
    }
  });
});

/** Answers old enough that the scope has not dealt with yet. */
const LEFT = {
  all: 'SELECT count(*)::int AS left FROM nps_responses WHERE created_at < $1',
  personal: "SELECT count(*)::int AS left FROM nps_responses WHERE created_at < $1 AND record->>'comment' IS NOT NULL",
};
