/**
 * The store, on PGlite and on a real PostgreSQL server: the SQL upsert keeps what
 * isNewerState keeps, migrations bring any older database up to date (also with two receivers
 * starting at once), the token is generated once, and tallies and export pages read what is there.
 */
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewerState, toPayload, type NpsResponse } from '../../src/core/payload.js';
import { validateResponse } from '../../src/core/validate.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { LATEST_VERSION, migrate, MIGRATIONS } from '../../src/server/store/migrations.js';
import type { Database } from '../../src/server/store/database.js';
import { ANY_RESPONSE, deleteResponse, pageOfResponses, saveResponse, type TimeSpan } from '../../src/server/store/responses.js';
import { tallyResponses } from '../../src/server/store/tallies.js';
import { settingOrInsert } from '../../src/server/store/settings.js';
import { relationshipContext } from '../fixtures.js';
import { STORES } from './stores.js';

const UTC: TimeSpan = { timeZone: 'UTC', from: null, before: null };

function response(overrides: Partial<NpsResponse> = {}): NpsResponse {
  const base = toPayload(startResponse(relationshipContext, 7, randomUUID(), new Date('2026-11-22T10:00:00.000Z')), new Date('2026-11-22T10:00:01.000Z'));
  const checked = validateResponse({ ...base, ...overrides });
  if (!checked.ok) throw new Error(checked.reason);
  return checked.response;
}

const stored = async (db: Database, id: string) =>
  (await db.query<{ record: NpsResponse }>('SELECT record FROM nps_responses WHERE id = $1', [id])).map((row) => row.record);

describe.each(STORES)('the store on $name', (kind) => {
  let db: Database;

  beforeAll(async () => {
    db = await (await kind.fresh()).open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe('the upsert keeps one record per id, the latest state', () => {
    it('creates, replaces with a later state, and keeps a newer one against an older delivery', async () => {
      const first = response({ sentAt: '2026-11-22T10:00:01.000Z' });
      const submitted = validated({ ...completeResponse(first, 'Quick'), sentAt: '2026-11-22T10:00:05.000Z' });
      const lateRetry = response({ id: first.id, score: 3, category: 'detractor', sentAt: '2026-11-22T10:00:09.000Z' });

      expect(await saveResponse(db, first)).toBe('created');
      expect(await saveResponse(db, submitted)).toBe('updated');
      expect(await saveResponse(db, lateRetry)).toBe('kept');
      expect(await saveResponse(db, first)).toBe('kept');
      expect(await stored(db, first.id)).toEqual([submitted]);
    });

    it('agrees with isNewerState on generated pairs of states, whatever the timestamps look like', async () => {
      // Timestamps as clients may write them: other offsets, other precisions, equal instants.
      const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-01-01T00:00:10Z') });
      const offset = fc.constantFrom('Z', '+02:00', '-05:30', '+00:00');
      const stamp = fc.tuple(instant, offset, fc.constantFrom(0, 1, 3, 6)).map(([ms, zone, digits]) => writeInstant(ms, zone, digits));
      const state = fc.record({ complete: fc.boolean(), sentAt: stamp, score: fc.integer({ min: 0, max: 10 }) });
      const pairs = await fc.sample(fc.tuple(state, state), { numRuns: 150, seed: 16 });

      const expected: Array<{ id: string; winner: NpsResponse }> = [];
      for (const [a, b] of pairs) {
        const id = randomUUID();
        const first = response({ id, ...a, category: categoryFor(a.score) });
        const second = response({ id, ...b, category: categoryFor(b.score) });
        await saveResponse(db, first);
        await saveResponse(db, second);
        expected.push({ id, winner: isNewerState(second, first) ? second : first });
      }
      for (const { id, winner } of expected) expect(await stored(db, id)).toEqual([winner]);
    });

    it('stores text a client could not mean as inert characters', async () => {
      const hostile = response({ comment: "'); DROP TABLE nps_responses; --", touchpoint: 'a\u0000b', metadata: { "x' OR '1'='1": '\uD800' } });
      await saveResponse(db, hostile);
      expect(await stored(db, hostile.id)).toEqual([hostile]);
      expect(hostile).toMatchObject({ touchpoint: 'a\uFFFDb', metadata: { "x' OR '1'='1": '\uFFFD' } });
    });
  });

  it('erases one record and says how many went', async () => {
    const gone = response();
    await saveResponse(db, gone);
    expect(await deleteResponse(db, gone.id)).toBe(1);
    expect(await deleteResponse(db, gone.id)).toBe(0);
    expect(await stored(db, gone.id)).toEqual([]);
  });

  describe('tallies', () => {
    const surveyId = `tally-${kind.name}`;
    beforeAll(async () => {
      // Late on 22 November in UTC is already 23 November in Helsinki (UTC+2).
      for (const [createdAt, score] of [
        ['2026-11-22T08:00:00.000Z', 9],
        ['2026-11-22T23:30:00.000Z', 10],
        ['2026-11-23T12:00:00.000Z', 3],
        ['2026-11-24T21:59:59.999Z', 9],
      ] as const) {
        await saveResponse(db, response({ surveyId, createdAt, score, category: categoryFor(score) }));
      }
      await saveResponse(db, response({ surveyId: `${surveyId}-other`, score: 0, category: 'detractor' }));
    });

    it('counts each response once per scale and score', async () => {
      expect(await tallyResponses(db, surveyId, UTC, null)).toEqual([{ key: null, scale: '0-10', counts: counts({ 3: 1, 9: 2, 10: 1 }) }]);
    });

    it('groups by the local day of a time zone, with local days as bounds', async () => {
      const helsinki: TimeSpan = { timeZone: 'Europe/Helsinki', from: { local: '2026-11-23T00:00:00.000' }, before: { local: '2026-11-25T00:00:00.000' } };
      const rows = await tallyResponses(db, surveyId, helsinki, { time: 'day' });
      expect(byKey(rows)).toEqual([
        { key: '2026-11-23', scale: '0-10', counts: counts({ 3: 1, 10: 1 }) },
        { key: '2026-11-24', scale: '0-10', counts: counts({ 9: 1 }) },
      ]);
    });

    it('takes instants as bounds too', async () => {
      const span: TimeSpan = { timeZone: 'UTC', from: { instant: '2026-11-22T23:30:00.000Z' }, before: { instant: '2026-11-24T21:59:59.999Z' } };
      expect(await tallyResponses(db, surveyId, span, null)).toEqual([{ key: null, scale: '0-10', counts: counts({ 3: 1, 10: 1 }) }]);
    });
  });

  it('pages through every record once, in (createdAt, id) order, past the page size', async () => {
    const surveyId = `export-${kind.name}`;
    const saved = [];
    for (let index = 0; index < 23; index++) {
      // Several share a createdAt, so the id decides their order.
      const record = response({ surveyId, createdAt: new Date(Date.parse('2026-11-22T10:00:00Z') + (index % 5) * 1000).toISOString() });
      await saveResponse(db, record);
      saved.push(record);
    }
    const pages: NpsResponse[][] = [];
    let cursor = null;
    for (;;) {
      const page = await pageOfResponses(db, { ...ANY_RESPONSE, surveyId, span: UTC }, 'oldest', cursor, 5);
      pages.push(page.records);
      if (page.next === null) break;
      cursor = page.next;
    }
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual([...saved].sort((a, b) => exportOrder(a).localeCompare(exportOrder(b))));
  });

  it('generates the read token once and gives every later caller the same', async () => {
    const token = await settingOrInsert(db, 'read_token', () => 'first');
    expect(await settingOrInsert(db, 'read_token', () => 'second')).toBe(token);
  });
});

describe.each(STORES)('migrations on $name', (kind) => {
  it('create the schema on a new database, and do nothing the second time', async () => {
    const db = await (await kind.fresh()).open();
    try {
      expect(await migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
      expect(await migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
      const versions = await db.query<{ version: number }>('SELECT version FROM nps_migrations ORDER BY version');
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((step) => step.version));
    } finally {
      await db.close();
    }
  });

  it('upgrade a database an older release made, keeping its answers', async () => {
    expect(LATEST_VERSION).toBeGreaterThan(1);
    const db = await (await kind.fresh()).open();
    try {
      expect(await migrate(db, { to: 1 })).toEqual({ from: 0, to: 1 });
      const kept = response();
      await saveResponse(db, kept);

      expect(await migrate(db)).toEqual({ from: 1, to: LATEST_VERSION });
      expect(await stored(db, kept.id)).toEqual([kept]);
      expect(await settingOrInsert(db, 'read_token', () => 'made after the upgrade')).toBe('made after the upgrade');
    } finally {
      await db.close();
    }
  });

  it('refuse a database a later release migrated', async () => {
    const db = await (await kind.fresh()).open();
    try {
      await migrate(db);
      await db.query('INSERT INTO nps_migrations (version, name) VALUES ($1, $2)', [LATEST_VERSION + 1, 'from the future']);
      await expect(migrate(db)).rejects.toThrow(`schema is version ${LATEST_VERSION + 1}, newer than this receiver knows (${LATEST_VERSION})`);
    } finally {
      await db.close();
    }
  });
});

describe('migrations with several receivers starting at once on one PostgreSQL', () => {
  it('apply each step once and leave a working schema', async () => {
    const storage = await STORES[1]!.fresh();
    const dbs = await Promise.all(Array.from({ length: 4 }, () => storage.open()));
    try {
      const reports = await Promise.all(dbs.map((db) => migrate(db)));
      // One of them did the work; the others found it done.
      expect(reports.filter((report) => report.from === 0)).toHaveLength(1);
      expect(reports.every((report) => report.to === LATEST_VERSION)).toBe(true);
      const tokens = await Promise.all(dbs.map((db, index) => settingOrInsert(db, 'read_token', () => `token ${index}`)));
      expect(new Set(tokens).size).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

const exportOrder = (r: NpsResponse) => `${r.createdAt} ${r.id}`;

function validated(body: unknown): NpsResponse {
  const checked = validateResponse(body);
  if (!checked.ok) throw new Error(checked.reason);
  return checked.response;
}

const categoryFor = (score: number) => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** An instant written with another offset and number of fraction digits (the same instant, or within a millisecond of it). */
function writeInstant(ms: number, zone: string, digits: number): string {
  const shift = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  const local = new Date(ms + shift).toISOString().slice(0, 19);
  const fraction =
    digits === 0
      ? ''
      : `.${String(ms % 1000)
          .padStart(3, '0')
          .padEnd(digits, '7')
          .slice(0, digits)}`;
  return `${local}${fraction}${zone}`;
}

const counts = (scores: Record<number, number>) => Array.from({ length: 11 }, (_, score) => scores[score] ?? 0);

function byKey<T extends { key: string | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
}
