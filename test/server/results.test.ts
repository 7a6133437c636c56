/**
 * GET /results on PGlite and on PostgreSQL: every grouping, in any time zone, over any span,
 * answers what a plain GROUP BY over the stored rows answers (the rollups cut at the span's
 * ends by the rows themselves); the answers feed the results preview's reader as they are; and
 * an eNPS survey never shows a group smaller than the minimum group size.
 */
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPayload, type NpsResponse } from '../../src/core/payload.js';
import { startResponse } from '../../src/core/response.js';
import { readTallies } from '../../src/core/results/tallies.js';
import { parseResultsQuery } from '../../src/server/http/query.js';
import type { Database } from '../../src/server/store/database.js';
import { SPAN_END, SPAN_START, spanParams } from '../../src/server/store/responses.js';
import type { TallyRow } from '../../src/server/store/tallies.js';
import { relationshipContext } from '../fixtures.js';
import { startReceiver, type TestReceiver } from './receivers.js';
import { STORES } from './stores.js';

const START = Date.parse('2026-03-27T18:00:00Z');
const HOUR = 3_600_000;

interface Answer {
  score: number;
  at: number;
  touchpoint?: string | null;
  locale?: string;
  kind?: 'nps' | 'enps';
  metadata?: Record<string, string | number | boolean>;
  user?: Record<string, string> | null;
}

function payload(surveyId: string, answer: Answer): NpsResponse {
  const context = {
    ...relationshipContext,
    surveyId,
    touchpoint: answer.touchpoint ?? null,
    locale: answer.locale ?? 'en',
    kind: answer.kind ?? 'nps',
    metadata: answer.metadata ?? {},
    user: answer.user ?? null,
  };
  return toPayload(startResponse(context, answer.score, randomUUID(), new Date(answer.at)), new Date(answer.at + 1000));
}

const ROW_COUNTS = Array.from({ length: 11 }, (_, score) => `(count(*) FILTER (WHERE score = ${score}))::int`).join(', ');
/** The same tallies the plain way: every stored row of the span, grouped as written here. */
const RAW_KEYS: Record<string, string> = {
  none: 'NULL::text',
  day: `to_char(created_at AT TIME ZONE $6, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', created_at AT TIME ZONE $6), 'YYYY-MM-DD')`,
  month: `to_char(created_at AT TIME ZONE $6, 'YYYY-MM')`,
  touchpoint: `coalesce(nullif(record->>'touchpoint', ''), '(none)')`,
  locale: `coalesce(nullif(record->>'locale', ''), '(none)')`,
  surveyType: `coalesce(nullif(record->>'surveyType', ''), '(none)')`,
  kind: `coalesce(nullif(record->>'kind', ''), '(none)')`,
  category: 'category',
  'metadata.plan': `coalesce(nullif(record->'metadata'->>'plan', ''), '(none)')`,
  'user.team': `coalesce(nullif(record->'user'->>'team', ''), '(none)')`,
};

async function recount(db: Database, surveyId: string, by: string, query: string): Promise<TallyRow[]> {
  const asked = parseResultsQuery(new URLSearchParams(`surveyId=${surveyId}&${query}`));
  if (!asked.ok) throw new Error(asked.reason);
  return db.query<TallyRow>(
    `SELECT ${RAW_KEYS[by]} AS key, scale, ARRAY[${ROW_COUNTS}]::int[] AS counts FROM nps_responses
     WHERE survey_id = $1 AND created_at >= ${SPAN_START} AND created_at < ${SPAN_END} GROUP BY 1, 2`,
    [surveyId, ...spanParams(asked.value.span)],
  );
}

/** When the seeded answer `index` was chosen: every 74 minutes, a few seconds off the minute, so every part of a quarter hour is hit. */
const answeredAt = (index: number) => START + index * 74 * 60_000 + (index % 13) * 1000;
const sorted = (rows: TallyRow[]) => [...rows].sort((a, b) => `${a.key}${a.scale}`.localeCompare(`${b.key}${b.scale}`));
const answers = (counts: readonly number[]) => counts.reduce((sum, count) => sum + count, 0);
const shown = (body: { groups: Array<{ key: string; counts: number[] }> }) => body.groups.map((group) => [group.key, answers(group.counts)]);
/** `count` eNPS answers from one team, a minute apart, on the day `day` days after START. */
const team = (name: string, count: number, day: number) =>
  Array.from({ length: count }, (_, index): Answer => ({
    score: (index * 3) % 11,
    at: START + day * 24 * HOUR + index * 60_000,
    kind: 'enps',
    touchpoint: name,
  }));

describe.each(STORES)('GET /results on $name', (kind) => {
  let r: TestReceiver;
  let db: Database;
  const surveyId = `groupings-${kind.name}`;

  beforeAll(async () => {
    // The receiver is handed an open database, so the recount below reads the same one (PGlite has one connection).
    db = await (await kind.fresh()).open();
    r = await startReceiver({ storage: { description: kind.name, open: async () => db }, rateLimit: 0 });
    // Answers every 74 minutes over 12 days around the European spring clock change, so that
    // buckets, days, ISO weeks and a month boundary are all crossed.
    const touchpoints = [null, 'checkout', 'support', ''];
    for (let index = 0; index < 230; index++) {
      const answer: Answer = {
        score: (index * 7) % 11,
        at: answeredAt(index),
        touchpoint: touchpoints[index % 4] ?? null,
        locale: index % 3 === 0 ? 'fi' : 'en',
        metadata: index % 5 === 0 ? {} : { plan: index % 2 ? 'pro' : 'free', seats: index % 4 },
        user: index % 6 === 0 ? null : { team: `team-${index % 3}` },
      };
      expect((await r.post(payload(surveyId, answer))).status).toBe(201);
    }
  });
  afterAll(async () => {
    await r?.close();
  });

  const tallies = async (by: string, query: string) => {
    const answer = await r.read(`/results?surveyId=${surveyId}${by === 'none' ? '' : `&by=${by}`}${query ? `&${query}` : ''}`);
    expect(answer.status).toBe(200);
    return answer.json();
  };

  it('answers every grouping, in any zone and span, as a GROUP BY over the stored rows does', async () => {
    const zones = ['UTC', 'Europe/Helsinki', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
    const end = fc.oneof(
      fc.integer({ min: 0, max: 13 }).map((day) => new Date(START + day * 24 * HOUR).toISOString().slice(0, 10)),
      fc.integer({ min: 0, max: 13 * 24 * 60 }).map((minute) => new Date(START + minute * 60_000).toISOString().slice(0, 16)),
      fc.integer({ min: 0, max: 13 * 24 * 3600 }).map((second) => new Date(START + second * 1000).toISOString()),
      // Right at an answer, or just either side of it: where an end that is off by one shows.
      fc.tuple(fc.integer({ min: 0, max: 229 }), fc.constantFrom(-1, 0, 1)).map(([index, offset]) => new Date(answeredAt(index) + offset).toISOString()),
      fc.tuple(fc.integer({ min: 0, max: 229 }), fc.constantFrom(-1, 0, 1)).map(([index, offset]) => new Date(answeredAt(index) + offset).toISOString()),
    );
    const cases = fc.sample(
      fc.record({ by: fc.constantFrom(...Object.keys(RAW_KEYS)), zone: fc.constantFrom(...zones), from: fc.option(end), to: fc.option(end) }),
      { numRuns: 100, seed: 9 },
    );
    for (const { by, zone, from, to } of cases) {
      if (from !== null && to !== null && from > to) continue;
      const query = [`timeZone=${zone}`, from === null ? '' : `from=${encodeURIComponent(from)}`, to === null ? '' : `to=${encodeURIComponent(to)}`]
        .filter(Boolean)
        .join('&');
      const body = await tallies(by, query);
      const expected = sorted(await recount(db, surveyId, by, query));
      const got =
        by === 'none'
          ? [{ key: null, scale: '0-10', counts: body.total.counts }]
          : body.groups.map((group: { key: string; counts: number[] }) => ({ key: group.key, scale: '0-10', counts: group.counts }));
      expect({ by, query, groups: by === 'none' ? got.filter((row: TallyRow) => answers(row.counts) > 0) : got }).toEqual({ by, query, groups: expected });
    }
  });

  it('keys weeks by their Monday and months by YYYY-MM, and the results preview reads them as they are', async () => {
    const weeks = await tallies('week', 'timeZone=Europe/Helsinki');
    expect(weeks.groups.map((group: { key: string }) => group.key)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    expect(readTallies(weeks, { timeZone: 'Europe/Helsinki' }).groups.map(([key]) => key)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    const months = await tallies('month', 'from=2026-03-30');
    expect(months.groups.map((group: { key: string }) => group.key)).toEqual(['2026-03', '2026-04']);
    expect(readTallies(months, {}).by).toBe('month');
    const touchpoints = await tallies('touchpoint', '');
    // A missing and an empty touchpoint are one segment, "(none)", as the preview names it.
    expect(touchpoints.groups.map((group: { key: string }) => group.key)).toEqual(['(none)', 'checkout', 'support']);
    expect(readTallies(touchpoints, {}).ungrouped).toBeNull();
    expect(answers(touchpoints.total.counts)).toBe(230);
  });

  it('refuses a bad grouping key with 400 and the reason', async () => {
    for (const [by, reason] of [
      ['metadata.', 'a metadata key is 1 to 100 characters'],
      [`user.${'x'.repeat(101)}`, 'a user key is 1 to 100 characters'],
      ['weekday', 'by is "weekday"; allowed: "day", "week", "month"'],
    ]) {
      const answer = await r.read(`/results?surveyId=${surveyId}&by=${by}`);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toContain(reason);
    }
  });

  describe('an eNPS survey', () => {
    const enps = `enps-${kind.name}`;
    beforeAll(async () => {
      // Teams of 7, 3 and 1 answer on the first day, 6 on the next, 4 on the third.
      for (const answer of [...team('sales', 7, 1), ...team('support', 3, 1), ...team('legal', 1, 1), ...team('hr', 6, 2), ...team('ops', 4, 3)]) {
        expect((await r.post(payload(enps, answer))).status).toBe(201);
      }
    });

    it('merges segments under the minimum into "(other)", joined by the smallest shown one when that alone is too small', async () => {
      const body = await (await r.read(`/results?surveyId=${enps}&by=touchpoint`)).json();
      expect(body).toMatchObject({ minGroupSize: 5, withheld: 0 });
      expect(shown(body)).toEqual([
        ['(other)', 8],
        ['hr', 6],
        ['sales', 7],
      ]);
      expect(answers(body.total.counts)).toBe(21);
      // On the first day support and legal are 4 together: sales joins them, or the total minus sales would give them away.
      const firstDay = await (await r.read(`/results?surveyId=${enps}&by=touchpoint&from=2026-03-28&to=2026-03-28`)).json();
      expect(shown(firstDay)).toEqual([['(other)', 11]]);
      expect(readTallies(firstDay, {}).ungrouped).toBeNull();
    });

    it('leaves small periods out of the groups, and shows no total under the minimum', async () => {
      const days = await (await r.read(`/results?surveyId=${enps}&by=day`)).json();
      // The third day's 4 are too few, and with them the smallest other day (6): they stay in the total only.
      expect(shown(days)).toEqual([['2026-03-28', 11]]);
      expect(days.withheld).toBe(10);
      expect(answers(days.total.counts)).toBe(21);
      expect(readTallies(days, {}).ungrouped).not.toBeNull();
      const few = await (await r.read(`/results?surveyId=${enps}&from=2026-03-30&to=2026-03-30`)).json();
      expect(few).toMatchObject({ total: { counts: Array(11).fill(0) }, groups: [], minGroupSize: 5, withheld: 4 });
    });

    it('follows --min-group-size', async () => {
      const strict = await startReceiver({
        storage: { description: kind.name, open: async () => ({ ...db, close: async () => {} }) },
        rateLimit: 0,
        minGroupSize: 7,
      });
      const body = await (await strict.read(`/results?surveyId=${enps}&by=touchpoint`)).json();
      await strict.close();
      expect(body.minGroupSize).toBe(7);
      expect(shown(body)).toEqual([
        ['(other)', 14],
        ['sales', 7],
      ]);
    });

    it('exports a span only when it holds the minimum, and never with who answered', async () => {
      // A site that set anonymous: false on its eNPS survey still gets no user out of the receiver.
      const named = `${enps}-named`;
      for (const answer of team('sales', 5, 1)) expect((await r.post(payload(named, { ...answer, user: { id: 'employee-7' } }))).status).toBe(201);
      const rows = (await (await r.read(`/responses?surveyId=${named}&format=ndjson`)).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(rows).toHaveLength(5);
      expect(rows.every((row) => row.user === null)).toBe(true);
      expect(await (await r.read(`/responses?surveyId=${named}&format=csv`)).text()).not.toContain('employee-7');
      // The third day holds 4: a group too small to export, whatever the format.
      const few = await r.read(`/responses?surveyId=${enps}&from=2026-03-30&to=2026-03-30&format=csv`);
      expect(few.status).toBe(403);
      expect((await few.json()).error).toContain('fewer than the minimum group size of 5');
      // The operator's copy of every survey is not refused, and still carries no eNPS user.
      const everything = await r.read('/responses?format=ndjson');
      expect(everything.status).toBe(200);
      expect(await everything.text()).not.toContain('employee-7');
      // Reasons by category stay listed: a category is not a segment of people.
      const detractors = await r.read(`/responses?surveyId=${enps}&category=detractor`);
      expect(detractors.status).toBe(200);
      // An NPS survey's small span is exported as it is.
      expect((await r.read(`/responses?surveyId=${surveyId}&from=2026-03-28&to=2026-03-28`)).status).toBe(200);
    });

    it('never holds back an NPS survey', async () => {
      const body = await (await r.read(`/results?surveyId=${surveyId}&by=metadata.seats`)).json();
      expect(body.minGroupSize).toBeUndefined();
      expect(body.groups.map((group: { key: string }) => group.key)).toEqual(['(none)', '0', '1', '2', '3']);
    });
  });
});
