/**
 * A receiver's tallies as the results' source: the same figures as the raw records they count,
 * every grouping by time and by segment, other scales, and every way an answer can be wrong,
 * each refused with where and why.
 */
import { describe, expect, it } from 'vitest';
import { calculateNps, compareNps } from '../../src/core/nps.js';
import { toPayload } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { aggregateResults } from '../../src/core/results/aggregate.js';
import type { ResultRecord } from '../../src/core/results/record.js';
import type { ResultsTallies } from '../../src/core/results/tallies.js';
import { talliesSource, UNGROUPED } from '../../src/core/results/tallies-source.js';
import { aggregateToCsv } from '../../src/core/results/table-csv.js';
import { tallyResult } from '../../src/core/results/tally.js';
import { pooledTally, trendOf } from '../../src/core/results/trend.js';
import { relationshipContext } from '../fixtures.js';

/** 11 counts from { score: count }. */
const counts = (byScore: Record<number, number>) => Array.from({ length: 11 }, (_, score) => byScore[score] ?? 0);
/** Promoters (10), passives (8) and detractors (3), as in the five months of the aggregate's tests. */
const month = (promoters: number, passives: number, detractors: number) => counts({ 10: promoters, 8: passives, 3: detractors });
const add = (...lists: number[][]) => Array.from({ length: 11 }, (_, score) => lists.reduce((sum, list) => sum + (list[score] ?? 0), 0));

const JANUARY = month(20, 10, 20);
const FEBRUARY = month(30, 10, 10);
const APRIL = month(26, 10, 14);
const MAY = month(20, 10, 20);
const TOTAL = add(JANUARY, FEBRUARY, APRIL, MAY);

const byMonth: ResultsTallies = {
  surveyId: 'nps',
  scale: '0-10',
  by: 'month',
  timeZone: 'UTC',
  total: { counts: TOTAL },
  groups: [
    { key: '2026-01', counts: JANUARY },
    { key: '2026-02', counts: FEBRUARY },
    { key: '2026-04', counts: APRIL },
    { key: '2026-05', counts: MAY },
  ],
};
/** Ten promoters a month came through checkout; the rest have no touchpoint, which the receiver leaves out of the groups. */
const byTouchpoint: ResultsTallies = {
  surveyId: 'nps',
  scale: '0-10',
  by: 'touchpoint',
  timeZone: 'UTC',
  total: { counts: TOTAL },
  groups: [{ key: 'checkout', counts: counts({ 10: 40 }) }],
};

let serial = 0;
function records(createdAt: string, byScore: number[], extra: (i: number) => Partial<ResultRecord> = () => ({})): ResultRecord[] {
  const at = new Date(createdAt);
  return byScore.flatMap((count, score) =>
    Array.from({ length: count }, (_, i) => ({
      ...toPayload(completeResponse(startResponse({ ...relationshipContext, pageUrl: null }, score, `id-${++serial}`, at), ''), at),
      ...extra(i),
    })),
  );
}

const read = (input: unknown, choice = {}) => talliesSource(input, choice);
const figures = (points: ReturnType<typeof trendOf>) =>
  points.map((p) => [p.key, p.result.total, p.result.rounded, p.change && [p.change.difference, Number(p.change.pValue.toFixed(6)), p.change.significant]]);

describe('tallies and records say the same', () => {
  const raw = aggregateResults(
    [
      ...records('2026-01-15T10:00:00Z', JANUARY),
      ...records('2026-02-15T10:00:00Z', FEBRUARY),
      ...records('2026-04-15T10:00:00Z', APRIL),
      ...records('2026-05-15T10:00:00Z', MAY),
    ],
    { timeZone: 'UTC' },
  );
  const source = read([byMonth, byTouchpoint]);

  it('gives the headline, the distribution and the trend the records give, significance included', () => {
    const headline = tallyResult(pooledTally(source.tallies('0-10')), '0-10');
    expect(headline).toEqual(calculateNps({ counts: TOTAL }));
    expect(headline).toEqual(tallyResult(pooledTally(raw.tallies('0-10')), '0-10'));
    const trend = trendOf(source.tallies('0-10'), 'month', '0-10');
    expect(figures(trend)).toEqual(figures(trendOf(raw.tallies('0-10'), 'month', '0-10')));
    // February against January is a rise (p = 0.0213); May against April is noise (p = 0.1805).
    expect(figures(trend)).toEqual([
      ['2026-01', 50, 0, null],
      ['2026-02', 50, 40, [40, 0.021309, true]],
      ['2026-03', 0, null, null],
      ['2026-04', 50, 24, null],
      ['2026-05', 50, 0, [-24, 0.180482, false]],
    ]);
    // compareNps takes two answers' totals as they are.
    expect(compareNps({ counts: FEBRUARY }, { counts: JANUARY }).pValue).toBeCloseTo(0.021309, 5);
    expect(figures(trendOf(source.tallies('0-10'), 'quarter', '0-10'))).toEqual(figures(trendOf(raw.tallies('0-10'), 'quarter', '0-10')));
  });

  it('offers the periods a grouping can be rolled up into, and the zone it was counted in', () => {
    expect(source.periods).toEqual(['month', 'quarter']);
    expect(source.timeZone).toBe('UTC');
    expect(read({ ...byMonth, by: 'day', groups: [{ key: '2026-01-15', counts: TOTAL }] }).periods).toEqual(['day', 'week', 'month', 'quarter']);
    expect(read({ ...byMonth, by: 'week', groups: [{ key: '2026-01-12', counts: TOTAL }] }).periods).toEqual(['week']);
    expect(read({ ...byMonth, by: undefined, groups: [] }).periods).toEqual([]);
  });

  it('rolls days and ISO weeks (keyed by their Monday) into the same figures as the records', () => {
    const days: ResultsTallies = {
      ...byMonth,
      by: 'day',
      groups: [
        { key: '2026-01-15', counts: JANUARY },
        { key: '2026-02-15', counts: FEBRUARY },
        { key: '2026-04-15', counts: APRIL },
        { key: '2026-05-15', counts: MAY },
      ],
    };
    expect(figures(trendOf(read(days).tallies('0-10'), 'month', '0-10'))).toEqual(figures(trendOf(raw.tallies('0-10'), 'month', '0-10')));
    expect(figures(trendOf(read(days).tallies('0-10'), 'week', '0-10'))).toEqual(figures(trendOf(raw.tallies('0-10'), 'week', '0-10')));
    // 2026-01-15 is a Thursday of the week from Monday 2026-01-12.
    const weeks: ResultsTallies = {
      ...byMonth,
      by: 'week',
      groups: [
        { key: '2026-01-12', counts: JANUARY },
        { key: '2026-02-09', counts: FEBRUARY },
        { key: '2026-04-13', counts: APRIL },
        { key: '2026-05-11', counts: MAY },
      ],
    };
    expect(figures(trendOf(read(weeks).tallies('0-10'), 'week', '0-10'))).toEqual(figures(trendOf(raw.tallies('0-10'), 'week', '0-10')));
  });

  it('breaks down by segment, largest first, with what the total holds beyond the groups', () => {
    expect(source.dimensions).toEqual(['touchpoint']);
    expect(source.segments('touchpoint')).toEqual([UNGROUPED, 'checkout']);
    const result = (value: string) => tallyResult(pooledTally(source.tallies('0-10', { dimension: 'touchpoint', value })), '0-10');
    expect(result('checkout')).toMatchObject({ total: 40, rounded: 100 });
    expect(result(UNGROUPED)).toMatchObject({ total: 160, rounded: calculateNps({ counts: add(TOTAL, counts({ 10: -40 })) }).rounded });
    // An empty key is a response without the value, named as the records name it.
    const withEmpty = read({ ...byTouchpoint, groups: [{ key: '', counts: add(TOTAL, counts({ 10: -40 })) }, ...byTouchpoint.groups] });
    expect(withEmpty.segments('touchpoint')).toEqual(['(none)', 'checkout']);
    expect(read({ ...byTouchpoint, by: 'user.plan' }).segments('user.plan')).toEqual([UNGROUPED, 'checkout']);
  });

  it('exports the aggregated table from tallies, a month row spanning its whole month', () => {
    const csv = aggregateToCsv(source, 'month', 'touchpoint').split('\r\n');
    expect(csv[1]).toMatch(/^0-10,all,all,2026-01,2026-01-01,2026-01-31,50,/);
    expect(csv.find((line) => line.startsWith('0-10,all,all,all,'))).toMatch(/^0-10,all,all,all,2026-01-01,2026-05-31,200,/);
    expect(csv.find((line) => line.startsWith('0-10,Touchpoint,checkout,all,'))).toMatch(/,40,40,0,0,100,100,/);
  });
});

describe('other scales', () => {
  const fivePoint: ResultsTallies = {
    surveyId: 'csat',
    scale: '1-5',
    by: 'month',
    total: { counts: counts({ 5: 6, 4: 2, 2: 2 }) },
    groups: [{ key: '2026-03', counts: counts({ 5: 6, 4: 2, 2: 2 }) }],
  };

  it('categorises by the scale’s thresholds, or the page’s, never pooled with 0-10', () => {
    const source = read(fivePoint);
    expect(source.scales).toEqual(['1-5']);
    // 1-5: 5 promotes, 4 is passive.
    expect(tallyResult(pooledTally(source.tallies('1-5')), '1-5')).toMatchObject({ promoters: 6, passives: 2, detractors: 2, rounded: 40, scale: '1-5' });
    expect(source.tallies('0-10')).toEqual({ days: [], undated: null });
    // The site's thresholds: 4 and 5 promote, 3 is passive.
    const own = read(fivePoint, { promoterMin: 4, passiveMin: 3 });
    expect(tallyResult(pooledTally(own.tallies('1-5')), '1-5')).toMatchObject({ promoters: 8, passives: 0, detractors: 2, rounded: 60 });
  });

  it('refuses a count on a score the scale does not have, and a scale the page did not expect', () => {
    expect(() => read({ ...fivePoint, groups: [{ key: '2026-03', counts: counts({ 7: 1 }) }] })).toThrow(
      'tallies.groups[0] ("2026-03"): counts[7] is 1; the 1-5 scale has no 7',
    );
    expect(() => read(fivePoint, { scale: '0-10' })).toThrow('tallies are on the 1-5 scale, but option scale is "0-10"');
  });
});

describe('empty tallies', () => {
  it('has no answers, no periods with answers, and nothing to compare', () => {
    const empty = read({ surveyId: 'nps', scale: '0-10', by: 'day', total: { counts: counts({}) }, groups: [] });
    expect(tallyResult(pooledTally(empty.tallies('0-10')), '0-10')).toMatchObject({ total: 0, nps: null });
    expect(trendOf(empty.tallies('0-10'), 'day', '0-10')).toEqual([]);
    // Groups listed with nothing in them are skipped like days without answers.
    const zeros = read({
      surveyId: 'nps',
      scale: '0-10',
      by: 'day',
      total: { counts: counts({ 9: 1 }) },
      groups: [
        { key: '2026-01-01', counts: counts({}) },
        { key: '2026-01-03', counts: counts({ 9: 1 }) },
      ],
    });
    expect(zeros.tallies('0-10').days.map(([day]) => day)).toEqual(['2026-01-03']);
  });
});

describe('bad tallies are refused, naming where and why', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a counts list too short', { ...byMonth, total: { counts: [1, 2, 3] } }, 'tallies.total: counts has 3 entries; expected 11 (index = score)'],
    [
      'a negative count',
      { ...byMonth, groups: [{ key: '2026-01', counts: counts({ 4: -1 }) }] },
      'tallies.groups[0] ("2026-01"): counts[4] is -1; counts are non-negative integers',
    ],
    ['a fractional count', { ...byMonth, groups: [{ key: '2026-01', counts: counts({ 4: 1.5 }) }] }, 'counts[4] is 1.5; counts are non-negative integers'],
    ['no total', { scale: '0-10', groups: [] }, 'tallies.total: counts is undefined; expected 11 counts'],
    ['an unknown scale', { ...byMonth, scale: '0-5' }, 'tallies.scale is "0-5"; expected one of "0-10", "1-10", "1-7", "1-5"'],
    ['an unknown grouping', { ...byMonth, by: 'fortnight' }, 'tallies.by is "fortnight"; expected "day", "week", "month", "touchpoint"'],
    ['a month key by day', { ...byMonth, by: 'day' }, 'tallies.groups[0] has key "2026-01"; grouped by day, a key is a day, "YYYY-MM-DD"'],
    [
      'a week key that is no Monday',
      { ...byMonth, by: 'week', groups: [{ key: '2026-01-15', counts: TOTAL }] },
      'grouped by week, a key is the Monday of an ISO week',
    ],
    ['a day that does not exist', { ...byMonth, by: 'day', groups: [{ key: '2026-02-30', counts: TOTAL }] }, 'has key "2026-02-30"'],
    ['a key given twice', { ...byTouchpoint, groups: [...byTouchpoint.groups, ...byTouchpoint.groups] }, 'tallies.groups has the key "checkout" twice'],
    ['a group without a key', { ...byTouchpoint, groups: [{ counts: TOTAL }] }, 'tallies.groups[0] has key undefined; expected { key: string, counts }'],
    [
      'groups holding more than the total',
      { ...byMonth, total: { counts: JANUARY } },
      'tallies.groups add up to more answers with score 3 than .total has (20)',
    ],
    ['groups without a grouping that are no dates', { ...byTouchpoint, by: undefined }, 'tallies have groups but no "by" saying how they were formed'],
    ['a zone Intl does not know', { ...byMonth, timeZone: 'Mars/Olympus' }, 'tallies.timeZone is "Mars/Olympus"; expected an IANA time zone'],
    ['not an object', 'tallies', 'tallies is "tallies"; expected { scale, total: { counts }, groups }'],
    ['an empty list', [], 'tallies is an empty list'],
    [
      'answers of two scales together',
      [byMonth, { ...byTouchpoint, scale: '1-10', total: { counts: counts({ 10: 1 }) }, groups: [] }],
      'tallies[1].scale is "1-10" but tallies[0].scale is "0-10"',
    ],
    ['answers of two surveys together', [byMonth, { ...byTouchpoint, surveyId: 'enps' }], 'tallies[1].surveyId is "enps" but tallies[0].surveyId is "nps"'],
    ['answers over two spans together', [byMonth, { ...byTouchpoint, from: '2026-02-01' }], 'tallies[1].from is "2026-02-01" but tallies[0].from is null'],
    ['two groupings by time', [byMonth, { ...byMonth, by: 'day', groups: [] }], 'tallies[1] repeats a grouping already given (by day, week or month)'],
    ['one segment grouping twice', [byTouchpoint, byTouchpoint], 'tallies[1] repeats a grouping already given (by touchpoint)'],
  ];
  it.each(cases)('%s', (_name, input, message) => {
    expect(() => read(input)).toThrow(message);
  });

  it('reads groups by day or by month without "by", and refuses a zone the page did not ask for', () => {
    expect(read({ ...byMonth, by: undefined }).periods).toEqual(['month', 'quarter']);
    expect(read({ ...byMonth, by: undefined, groups: [{ key: '2026-01-15', counts: TOTAL }] }).periods).toEqual(['day', 'week', 'month', 'quarter']);
    expect(read({ ...byMonth, timeZone: undefined }).timeZone).toBe('UTC');
    expect(() => read(byMonth, { timeZone: 'Europe/Helsinki' })).toThrow(
      'tallies are counted in the UTC time zone, but option timeZone is "Europe/Helsinki"; ask the receiver with timeZone=Europe/Helsinki',
    );
  });
});
