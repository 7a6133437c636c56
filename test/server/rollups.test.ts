/**
 * The rollups of migration 3, on PGlite and on PostgreSQL: whatever arrives (new answers,
 * re-scored ones, late deliveries of older states, erasures, a database migrated with answers
 * already in it), every rollup count equals a recount from the stored rows.
 */
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPayload, type NpsResponse } from '../../src/core/payload.js';
import { startResponse } from '../../src/core/response.js';
import { validateResponse } from '../../src/core/validate.js';
import type { Database } from '../../src/server/store/database.js';
import { migrate } from '../../src/server/store/migrations.js';
import { deleteResponse, saveResponse } from '../../src/server/store/responses.js';
import { relationshipContext } from '../fixtures.js';
import { STORES } from './stores.js';

const SCORE_SUMS = Array.from({ length: 11 }, (_, score) => `sum(score_${score})::int`).join(', ');
const ROW_COUNTS = Array.from({ length: 11 }, (_, score) => `(count(*) FILTER (WHERE score = ${score}))::int`).join(', ');

const nonEmpty = (counts: string) => `array_to_string(ARRAY[${counts}], ',') <> '0,0,0,0,0,0,0,0,0,0,0'`;
const segmentLines = (keys: string[], counts: string, from: string, having: string) => `
  SELECT concat_ws(' ', scale, ${keys.map((key, index) => (index === 0 ? `extract(epoch FROM ${key})::bigint` : key)).join(', ')}, category, array_to_string(ARRAY[${counts}], ',')) AS line
  FROM ${from} WHERE survey_id = $1 GROUP BY scale, ${keys.join(', ')}, category ${having}`;
const segment = (field: string) => `coalesce(nullif(record->>'${field}', ''), '(none)')`;

/** Each table's non-empty buckets as text lines, so a difference reads as which bucket and which counts. */
async function rollupAndRecount(db: Database, surveyId: string) {
  const lines = async (text: string) => (await db.query<{ line: string }>(text, [surveyId])).map((row) => row.line).sort();
  const timeRollup = await lines(`
    SELECT concat_ws(' ', scale, extract(epoch FROM bucket)::bigint, array_to_string(ARRAY[${SCORE_SUMS}], ',')) AS line
    FROM nps_tally_times WHERE survey_id = $1 GROUP BY scale, bucket HAVING ${nonEmpty(SCORE_SUMS)}`);
  const timeRecount = await lines(`
    SELECT concat_ws(' ', scale, extract(epoch FROM date_bin('15 minutes', created_at, TIMESTAMPTZ 'epoch'))::bigint, array_to_string(ARRAY[${ROW_COUNTS}], ',')) AS line
    FROM nps_responses WHERE survey_id = $1 GROUP BY scale, date_bin('15 minutes', created_at, TIMESTAMPTZ 'epoch')`);
  const segmentRollup = await lines(
    segmentLines(['bucket', 'kind', 'survey_type', 'touchpoint', 'locale'], SCORE_SUMS, 'nps_tally_segments', `HAVING ${nonEmpty(SCORE_SUMS)}`),
  );
  const segmentRecount = await lines(
    segmentLines(
      [`date_bin('1 day', created_at, TIMESTAMPTZ 'epoch')`, segment('kind'), segment('surveyType'), segment('touchpoint'), segment('locale')],
      ROW_COUNTS,
      'nps_responses',
      '',
    ),
  );
  return { rollup: { times: timeRollup, segments: segmentRollup }, recount: { times: timeRecount, segments: segmentRecount } };
}

const DAY = 86_400_000;
const START = Date.parse('2026-03-28T00:00:00Z');

/** One state of a response, as the widget sends it. */
function state(
  id: string,
  surveyId: string,
  fields: { score: number; minute: number; sent: number; complete: boolean; touchpoint: string | null; locale: string },
): NpsResponse {
  const createdAt = new Date(START + fields.minute * 60_000);
  const base = toPayload(
    startResponse({ ...relationshipContext, surveyId, touchpoint: fields.touchpoint, locale: fields.locale }, fields.score, id, createdAt),
    new Date(createdAt.getTime() + fields.sent * 1000),
  );
  const checked = validateResponse({ ...base, complete: fields.complete, comment: fields.complete ? 'why' : null });
  if (!checked.ok) throw new Error(checked.reason);
  return checked.response;
}

type Step =
  | { op: 'save'; response: number; score: number; minute: number; sent: number; complete: boolean; touchpoint: string | null; locale: string }
  | { op: 'erase'; response: number };

const steps = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('save' as const),
        response: fc.integer({ min: 0, max: 7 }),
        score: fc.integer({ min: 0, max: 10 }),
        // Two days, either side of a quarter hour and of midnight, and sent times that arrive out of order.
        minute: fc.integer({ min: 0, max: (2 * DAY) / 60_000 }),
        sent: fc.integer({ min: 0, max: 5 }),
        complete: fc.boolean(),
        touchpoint: fc.constantFrom(null, 'checkout', 'support'),
        locale: fc.constantFrom('en', 'fi'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('erase' as const), response: fc.integer({ min: 0, max: 7 }) }) },
  ),
  { minLength: 1, maxLength: 30 },
);

describe.each(STORES)('rollups on $name', (kind) => {
  let db: Database;

  beforeAll(async () => {
    db = await (await kind.fresh()).open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('count the answers stored before migration 3, once', async () => {
    await migrate(db, { to: 2 });
    const surveyId = 'before-rollups';
    for (const [minute, score] of [
      [0, 9],
      [14, 3],
      [15, 10],
      [60 * 24, 7],
    ] as const) {
      const id = randomUUID();
      await saveResponse(db, state(id, surveyId, { score, minute, sent: 1, complete: true, touchpoint: 'checkout', locale: 'en' }));
    }
    await migrate(db);
    const { rollup, recount } = await rollupAndRecount(db, surveyId);
    expect(rollup).toEqual(recount);
    expect(recount.times).toHaveLength(3);
  });

  it('move counts with every write: rescoring, late older states, erasure and comments alone', async () => {
    await migrate(db);
    const surveyId = 'moves';
    const id = randomUUID();
    const at = (score: number, sent: number, complete = false) => state(id, surveyId, { score, minute: 10, sent, complete, touchpoint: null, locale: 'en' });
    await saveResponse(db, at(3, 1));
    await saveResponse(db, at(9, 2));
    // Older than what is stored: kept out, so it must not move a count.
    await saveResponse(db, at(0, 1));
    expect((await rollupAndRecount(db, surveyId)).rollup.times).toEqual([`0-10 ${START / 1000} 0,0,0,0,0,0,0,0,0,1,0`]);
    // The comment arrives: same score, no count moves (and the totals still agree).
    await saveResponse(db, at(9, 3, true));
    const after = await rollupAndRecount(db, surveyId);
    expect(after.rollup).toEqual(after.recount);
    expect(after.rollup.times).toHaveLength(1);
    await deleteResponse(db, id);
    expect(await rollupAndRecount(db, surveyId)).toEqual({ rollup: { times: [], segments: [] }, recount: { times: [], segments: [] } });
  });

  it('equal a recount from the rows after any sequence of deliveries and erasures', async () => {
    await migrate(db);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (sequence: Step[]) => {
        const surveyId = `property-${run++}`;
        const ids = Array.from({ length: 8 }, () => randomUUID());
        for (const step of sequence) {
          if (step.op === 'erase') await deleteResponse(db, ids[step.response] as string);
          else await saveResponse(db, state(ids[step.response] as string, surveyId, step));
        }
        const { rollup, recount } = await rollupAndRecount(db, surveyId);
        expect(rollup).toEqual(recount);
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  it('keep every count when many writers add to the same buckets at once', async () => {
    await migrate(db);
    const surveyId = 'concurrent';
    const responses = Array.from({ length: 60 }, (_, index) =>
      state(randomUUID(), surveyId, { score: index % 11, minute: index % 3, sent: 1, complete: false, touchpoint: 'checkout', locale: 'en' }),
    );
    await Promise.all(responses.map((response) => saveResponse(db, response)));
    const { rollup, recount } = await rollupAndRecount(db, surveyId);
    expect(rollup).toEqual(recount);
    expect(rollup.times).toEqual([`0-10 ${START / 1000} 6,6,6,6,6,5,5,5,5,5,5`]);
  });
});
