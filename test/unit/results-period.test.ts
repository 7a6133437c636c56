/**
 * Period bucketing in explicit time zones, against keys worked out by hand from each zone's
 * offset: Helsinki (UTC+2, UTC+3 from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October), Kolkata (UTC+5:30, no DST) and UTC.
 */
import { describe, expect, it } from 'vitest';
import { createBucketer, createDayIndexer, daysOfPeriod, nextPeriod, periodsFrom, type Period } from '../../src/core/results/period.js';

const keysOf = (stamp: string, timeZone: string) =>
  (['day', 'week', 'month', 'quarter'] as const).map((period) => createBucketer(period, timeZone)(Date.parse(stamp)));

describe('period bucketing', () => {
  it('Europe/Helsinki, the night DST starts (Sunday 29 March 2026): midnight is 22:00 UTC before, 21:00 UTC after', () => {
    // Saturday 23:59:59 local (UTC+2), then Sunday 00:00 local.
    expect(keysOf('2026-03-28T21:59:59.999Z', 'Europe/Helsinki')).toEqual(['2026-03-28', '2026-W13', '2026-03', '2026-Q1']);
    expect(keysOf('2026-03-28T22:00:00Z', 'Europe/Helsinki')).toEqual(['2026-03-29', '2026-W13', '2026-03', '2026-Q1']);
    // Across the jump itself (03:00 local becomes 04:00 at 01:00 UTC) the day does not change.
    expect(keysOf('2026-03-29T01:00:00Z', 'Europe/Helsinki')[0]).toBe('2026-03-29');
    // Sunday ends at 21:00 UTC now (UTC+3): Monday 30 March begins ISO week 14.
    expect(keysOf('2026-03-29T20:59:59Z', 'Europe/Helsinki')).toEqual(['2026-03-29', '2026-W13', '2026-03', '2026-Q1']);
    expect(keysOf('2026-03-29T21:00:00Z', 'Europe/Helsinki')).toEqual(['2026-03-30', '2026-W14', '2026-03', '2026-Q1']);
  });

  it('Europe/Helsinki, the night DST ends (Sunday 25 October 2026): a 25-hour day from 21:00 to 22:00 UTC', () => {
    expect(keysOf('2026-10-24T20:59:59Z', 'Europe/Helsinki')[0]).toBe('2026-10-24');
    expect(keysOf('2026-10-24T21:00:00Z', 'Europe/Helsinki')[0]).toBe('2026-10-25');
    expect(keysOf('2026-10-25T21:59:59Z', 'Europe/Helsinki')).toEqual(['2026-10-25', '2026-W43', '2026-10', '2026-Q4']);
    expect(keysOf('2026-10-25T22:00:00Z', 'Europe/Helsinki')).toEqual(['2026-10-26', '2026-W44', '2026-10', '2026-Q4']);
  });

  it('Europe/Helsinki puts 21:00 UTC on 31 March in April and the second quarter; UTC does not', () => {
    expect(keysOf('2026-03-31T21:00:00Z', 'Europe/Helsinki')).toEqual(['2026-04-01', '2026-W14', '2026-04', '2026-Q2']);
    expect(keysOf('2026-03-31T21:00:00Z', 'UTC')).toEqual(['2026-03-31', '2026-W14', '2026-03', '2026-Q1']);
  });

  it('Asia/Kolkata (UTC+5:30): the day turns at 18:30 UTC, inside an hour', () => {
    expect(keysOf('2026-01-31T18:29:59Z', 'Asia/Kolkata')).toEqual(['2026-01-31', '2026-W05', '2026-01', '2026-Q1']);
    expect(keysOf('2026-01-31T18:30:00Z', 'Asia/Kolkata')).toEqual(['2026-02-01', '2026-W05', '2026-02', '2026-Q1']);
    expect(keysOf('2026-03-31T18:30:00Z', 'Asia/Kolkata')).toEqual(['2026-04-01', '2026-W14', '2026-04', '2026-Q2']);
  });

  it('UTC: ISO weeks belong to the year of their Thursday (2026 has 53 weeks)', () => {
    expect(keysOf('2026-12-31T23:59:59Z', 'UTC')).toEqual(['2026-12-31', '2026-W53', '2026-12', '2026-Q4']);
    expect(keysOf('2027-01-03T23:59:59Z', 'UTC')).toEqual(['2027-01-03', '2026-W53', '2027-01', '2027-Q1']);
    expect(keysOf('2027-01-04T00:00:00Z', 'UTC')).toEqual(['2027-01-04', '2027-W01', '2027-01', '2027-Q1']);
  });

  it('caches per 15-minute slot without mixing up the slots on either side of a local midnight', () => {
    const day = createDayIndexer('Asia/Kolkata');
    const keyOf = (stamp: string) => day.days[day.indexOf(Date.parse(stamp))];
    // The slot before midnight, midnight's slot, and back: each answered from the cache the same way.
    for (let round = 0; round < 2; round++) {
      expect(keyOf('2026-01-31T18:15:00Z')).toBe('2026-01-31');
      expect(keyOf('2026-01-31T18:29:59.999Z')).toBe('2026-01-31');
      expect(keyOf('2026-01-31T18:30:00Z')).toBe('2026-02-01');
      expect(keyOf('2026-01-31T18:44:59Z')).toBe('2026-02-01');
    }
    expect(day.days).toEqual(['2026-01-31', '2026-02-01']);
  });

  it('names an unknown time zone instead of bucketing in another', () => {
    expect(() => createBucketer('day', 'Mars/Olympus_Mons')).toThrow(/timeZone is "Mars\/Olympus_Mons"; expected an IANA time zone/);
  });
});

describe('period arithmetic', () => {
  it.each<[Period, string, string, [string, string]]>([
    ['day', '2026-02-28', '2026-03-01', ['2026-02-28', '2026-02-28']],
    ['week', '2026-W53', '2027-W01', ['2026-12-28', '2027-01-03']],
    ['week', '2026-W13', '2026-W14', ['2026-03-23', '2026-03-29']],
    ['month', '2026-12', '2027-01', ['2026-12-01', '2026-12-31']],
    ['month', '2028-02', '2028-03', ['2028-02-01', '2028-02-29']],
    ['quarter', '2026-Q4', '2027-Q1', ['2026-10-01', '2026-12-31']],
  ])('%s %s is followed by %s and spans %j', (period, key, next, days) => {
    expect(nextPeriod(key, period)).toBe(next);
    expect(daysOfPeriod(key, period)).toEqual(days);
  });

  it('lists every period between two, the empty ones too', () => {
    expect(periodsFrom('2026-11', '2027-02', 'month')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsFrom('2026-Q2', '2026-Q2', 'quarter')).toEqual(['2026-Q2']);
  });
});
