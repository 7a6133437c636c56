/**
 * Aggregation into (scale, local day, segment) tallies, and what is added up from them:
 * pooled segments, trends with significance flags, and "how many more responses". Expected
 * figures are worked out by hand (formulas in docs/calculator.md) and written as numbers.
 */
import { describe, expect, it } from 'vitest';
import { aggregateResults, createAggregator, OTHER_VALUES } from '../../src/core/results/aggregate.js';
import type { ResultRecord } from '../../src/core/results/record.js';
import { moreResponses } from '../../src/core/results/sample-size.js';
import { changeBetween } from '../../src/core/results/significance.js';
import { tallyResult } from '../../src/core/results/tally.js';
import { pooledTally, trendOf } from '../../src/core/results/trend.js';
import { calculateNps } from '../../src/core/nps.js';
import { toPayload } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { relationshipContext } from '../fixtures.js';

let serial = 0;
/** A submitted response as the widget sends it, chosen at `createdAt`. */
function record(score: number, createdAt: string, extra: Partial<ResultRecord> = {}): ResultRecord {
  serial += 1;
  const at = new Date(Number.isNaN(Date.parse(createdAt)) ? 0 : Date.parse(createdAt));
  const answer = completeResponse(startResponse({ ...relationshipContext, pageUrl: null }, score, `id-${serial}`, at), '');
  return { ...toPayload(answer, at), createdAt, sentAt: createdAt, ...extra };
}

/** `promoters` 10s, `passives` 8s and `detractors` 3s on one day. */
const day = (createdAt: string, promoters: number, passives: number, detractors: number, extra: Partial<ResultRecord> = {}) => [
  ...Array.from({ length: promoters }, () => record(10, createdAt, extra)),
  ...Array.from({ length: passives }, () => record(8, createdAt, extra)),
  ...Array.from({ length: detractors }, () => record(3, createdAt, extra)),
];

const UTC = { timeZone: 'UTC' };

describe('grouping and pooling', () => {
  it('breaks down by touchpoint and pools segments by adding counts, not by averaging scores', () => {
    const records = [
      ...day('2026-05-04T10:00:00Z', 9, 0, 1, { touchpoint: 'checkout', surveyType: 'transactional' }), // +80 from 10
      ...day('2026-05-04T11:00:00Z', 10, 0, 30, { touchpoint: 'support', surveyType: 'transactional' }), // -50 from 40
    ];
    const aggregate = aggregateResults(records, UTC);
    expect(aggregate.segments('touchpoint')).toEqual(['support', 'checkout']);
    const score = (value: string) => tallyResult(pooledTally(aggregate.tallies('0-10', { dimension: 'touchpoint', value })), '0-10').nps;
    expect(score('checkout')).toBe(80);
    expect(score('support')).toBe(-50);
    // Pooled: (19 - 31) / 50 = -24, not the average of +80 and -50 (+15).
    expect(tallyResult(pooledTally(aggregate.tallies('0-10')), '0-10').nps).toBe(-24);
  });

  it('offers every metadata key found, with answers lacking the key as "(none)"', () => {
    const records = [
      ...day('2026-05-04T10:00:00Z', 2, 0, 0, { metadata: { plan: 'pro' } }),
      ...day('2026-05-04T10:00:00Z', 0, 0, 1, { metadata: { plan: 'free', orderId: 'A-1' } }),
      ...day('2026-05-04T10:00:00Z', 0, 3, 0),
    ];
    const aggregate = aggregateResults(records, UTC);
    expect(aggregate.dimensions).toEqual(['touchpoint', 'surveyType', 'locale', 'kind', 'metadata.orderId', 'metadata.plan']);
    expect(aggregate.segments('metadata.plan')).toEqual(['(none)', 'pro', 'free']);
    const total = (value: string) => tallyResult(pooledTally(aggregate.tallies('0-10', { dimension: 'metadata.plan', value })), '0-10').total;
    expect([total('(none)'), total('pro'), total('free')]).toEqual([3, 2, 1]);
    expect(aggregate.segmentAt(5, 'metadata.plan')).toBe('(none)');
  });

  it('names at most maxSegments values per dimension and pools the rest as other values', () => {
    const records = ['a', 'b', 'c', 'd'].flatMap((orderId) => day('2026-05-04T10:00:00Z', 1, 0, 0, { metadata: { orderId } }));
    const aggregate = aggregateResults(records, { timeZone: 'UTC', maxSegments: 3 });
    expect(aggregate.capped('metadata.orderId')).toBe(true);
    expect(aggregate.segments('metadata.orderId')).toEqual(['(other values)', 'a', 'b', 'c']);
    expect(aggregate.segmentAt(3, 'metadata.orderId')).toBe(OTHER_VALUES);
  });

  it('counts the latest state of each id once, wherever it moved', () => {
    const first = record(3, '2026-05-04T10:00:00Z', { id: 'same', complete: false, touchpoint: 'checkout' });
    const later = { ...first, score: 9, category: 'promoter' as const, complete: true, comment: 'Changed my mind', sentAt: '2026-05-04T10:01:00Z' };
    const stale = { ...first, sentAt: '2026-05-04T10:02:00Z' }; // a retried score-only delivery, arriving last
    const aggregate = aggregateResults([first, later, stale], UTC);
    expect(aggregate.records).toEqual([later]);
    expect(aggregate.received).toBe(3);
    expect(tallyResult(pooledTally(aggregate.tallies('0-10', { dimension: 'touchpoint', value: 'checkout' })), '0-10').promoters).toBe(1);
    expect(tallyResult(pooledTally(aggregate.tallies('0-10')), '0-10').detractors).toBe(0);
    expect(aggregate.commented).toEqual([0]);
  });

  it('never pools scales, and counts a non-0-10 answer in the category the widget recorded', () => {
    const records = [
      ...day('2026-05-04T10:00:00Z', 1, 0, 1),
      // On 1-7 the site's thresholds decide: a 6 recorded as a promoter is one.
      record(6, '2026-05-04T10:00:00Z', { scale: '1-7', category: 'promoter' }),
      record(6, '2026-05-04T10:00:00Z', { scale: '1-7', category: 'promoter' }),
      record(2, '2026-05-04T10:00:00Z', { scale: '1-7', category: 'detractor' }),
    ];
    const aggregate = aggregateResults(records, UTC);
    expect(aggregate.scales).toEqual(['0-10', '1-7']);
    const standard = tallyResult(pooledTally(aggregate.tallies('0-10')), '0-10');
    const legacy = tallyResult(pooledTally(aggregate.tallies('1-7')), '1-7');
    expect([standard.total, standard.nps]).toEqual([2, 0]);
    expect([legacy.total, legacy.promoters, legacy.detractors, legacy.distribution]).toEqual([3, 2, 1, null]);
    expect(legacy.nps).toBeCloseTo(100 / 3, 12);
  });

  it('keeps undated answers in the totals and out of every period', () => {
    const undated = { ...record(10, ''), createdAt: undefined, sentAt: undefined } as unknown as ResultRecord;
    const aggregate = aggregateResults([undated, record(0, '2026-05-04T10:00:00Z')], UTC);
    const tallies = aggregate.tallies('0-10');
    expect(tallies.days.map(([key]) => key)).toEqual(['2026-05-04']);
    expect(tallyResult(pooledTally(tallies), '0-10').nps).toBe(0);
  });

  it('names the position and value of a bad record', () => {
    expect(() => aggregateResults([record(9, '2026-05-04T10:00:00Z'), record(11, '2026-05-04T10:00:00Z')], UTC)).toThrow(
      'record at position 1 has score 11; scores on the 0-10 scale are integers from 0 to 10',
    );
    expect(() => aggregateResults([record(0, '2026-05-04T10:00:00Z', { scale: '1-5' })], UTC)).toThrow(/position 0 has score 0; scores on the 1-5 scale/);
    expect(() => aggregateResults([record(9, 'yesterday')], UTC)).toThrow('record at position 0 has createdAt "yesterday"; expected an ISO 8601 timestamp');
    expect(() => aggregateResults([null], UTC)).toThrow('record at position 0 is null; expected a payload v1 response');
  });

  it('can be done a batch at a time, with the same result', () => {
    const records = [...day('2026-05-04T10:00:00Z', 5, 2, 3), ...day('2026-06-04T10:00:00Z', 1, 1, 1)];
    const aggregator = createAggregator(records, UTC);
    expect(() => aggregator.result()).toThrow(/not ready: 0 of 13/);
    const steps: number[] = [];
    while (!aggregator.advance(4)) steps.push(aggregator.done);
    expect(steps).toEqual([4, 8, 12]);
    expect(aggregator.result().tallies('0-10')).toEqual(aggregateResults(records, UTC).tallies('0-10'));
  });
});

describe('trends and significance', () => {
  it('rolls local days up into months, keeps an empty month, and flags only a change with p < 0.05', () => {
    const records = [
      ...day('2026-01-15T12:00:00Z', 20, 10, 20), // January: NPS 0
      ...day('2026-02-15T12:00:00Z', 30, 10, 10), // February: +40
      // March: none
      ...day('2026-04-15T12:00:00Z', 26, 10, 14), // April: +24
      ...day('2026-05-15T12:00:00Z', 20, 10, 20), // May: 0
    ];
    const points = trendOf(aggregateResults(records, UTC).tallies('0-10'), 'month', '0-10');
    expect(points.map((point) => [point.key, point.result.total, point.result.rounded])).toEqual([
      ['2026-01', 50, 0],
      ['2026-02', 50, 40],
      ['2026-03', 0, null],
      ['2026-04', 50, 24],
      ['2026-05', 50, 0],
    ]);
    // February against January: adjusted Wald, n' = 53 each; p' - d' = 20/53 vs 0;
    // variances 0.64062 and 0.78302, z = 0.37736 / 0.16389 = 2.3025, p = 0.0213.
    expect(points[1]?.change?.difference).toBe(40);
    expect(points[1]?.change?.pValue).toBeCloseTo(0.021309, 5);
    expect(points[1]?.change?.significant).toBe(true);
    // March is empty: neither it nor April has a change to test.
    expect(points[2]?.change).toBeNull();
    expect(points[3]?.change).toBeNull();
    // May against April: -24 points, z = -1.3393, p = 0.1805: noise at 95%.
    expect(points[4]?.change?.difference).toBe(-24);
    expect(points[4]?.change?.pValue).toBeCloseTo(0.180482, 5);
    expect(points[4]?.change?.significant).toBe(false);
  });

  it('flags a jump from 0 to +70 in 50 answers each (z = 4.345, p = 0.0000139)', () => {
    const change = changeBetween(calculateNps({ promoters: 20, passives: 10, detractors: 20 }), calculateNps({ promoters: 40, passives: 5, detractors: 5 }));
    expect(change?.difference).toBe(70);
    expect(change?.pValue).toBeCloseTo(1.39275e-5, 9);
    expect(change?.significant).toBe(true);
  });

  it('buckets the trend in the given zone: 22:30 UTC on 31 January is February in Helsinki', () => {
    const records = [record(10, '2026-01-31T22:30:00Z'), record(0, '2026-01-31T21:30:00Z')];
    const keys = (timeZone: string) => trendOf(aggregateResults(records, { timeZone }).tallies('0-10'), 'month', '0-10').map((p) => [p.key, p.result.total]);
    expect(keys('UTC')).toEqual([['2026-01', 2]]);
    expect(keys('Europe/Helsinki')).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
    ]);
  });
});

describe('how many more responses', () => {
  // Hungarian example: P 137, passives 60, D 181, n 378. n' = 381, p' = 137.75 / 381,
  // d' = 181.75 / 381, variance' = 0.825246. For ±5: 1.959964² · 0.825246 · 10⁴ / 25 - 3 = 1265.06 -> 1266.
  const hungarian = calculateNps({ counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] });

  it.each([
    [5, 1266, 888, 1534, 1156],
    [3, 3520, 3142, 4266, 3888],
    [10, 315, 0, 382, 4],
  ])('for ±%i points: %i in all (%i more), %i in the worst case (%i more)', (margin, needed, more, worstCase, worstCaseMore) => {
    expect(moreResponses(hungarian, margin)).toEqual({ margin, needed, more, worstCase, worstCaseMore });
  });

  it('with no answers yet, goes by the worst case', () => {
    expect(moreResponses(calculateNps([]), 5)).toEqual({ margin: 5, needed: 1534, more: 1534, worstCase: 1534, worstCaseMore: 1534 });
  });
});
