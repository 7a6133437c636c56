/** The dashboard's pure parts: local days, the trend's grouping by span, the default comparison, and the Link header. */
import { describe, expect, it } from 'vitest';
import { nextLink } from '../../src/dashboard/api.js';
import { addDays, dayOf, daysBetween, defaultComparison, groupingFor, isDay } from '../../src/dashboard/span.js';

describe('dashboard dates', () => {
  it('reads an instant as the local day of a zone', () => {
    expect(dayOf('2026-11-21T22:30:00Z', 'UTC')).toBe('2026-11-21');
    expect(dayOf('2026-11-21T22:30:00Z', 'Europe/Helsinki')).toBe('2026-11-22');
    expect(dayOf('2026-11-21T02:30:00Z', 'America/Los_Angeles')).toBe('2026-11-20');
  });

  it('groups the trend by day up to 92 days, by week up to 731, by month beyond', () => {
    expect(groupingFor('2026-11-05', '2026-11-05')).toBe('day');
    expect(daysBetween('2026-01-01', '2026-04-02')).toBe(92);
    expect(groupingFor('2026-01-01', '2026-04-02')).toBe('day');
    expect(groupingFor('2026-01-01', '2026-04-03')).toBe('week');
    expect(groupingFor('2025-01-01', '2026-12-31')).toBe('week');
    expect(groupingFor('2024-01-01', '2026-01-02')).toBe('month');
  });

  it('compares the last 30 days with the 30 before them, across month and year ends', () => {
    expect(defaultComparison('2026-01-10')).toEqual({ current: { from: '2025-12-12', to: '2026-01-10' }, previous: { from: '2025-11-12', to: '2025-12-11' } });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect([isDay('2026-02-30'), isDay('2026-02-28'), isDay('')]).toEqual([false, true, false]);
  });
});

describe('nextLink', () => {
  it('finds rel="next" among the links and resolves it against the answer', () => {
    const base = 'http://127.0.0.1:5179/responses?surveyId=nps&limit=20';
    expect(nextLink('</responses?surveyId=nps&limit=20&cursor=abc>; rel="next"', base)).toBe(
      'http://127.0.0.1:5179/responses?surveyId=nps&limit=20&cursor=abc',
    );
    expect(nextLink('<https://a.example/p?x=1>; rel="prev", <?cursor=2>; rel=next', base)).toBe('http://127.0.0.1:5179/responses?cursor=2');
    expect(nextLink('<https://a.example/p?x=1>; rel="prev"', base)).toBeNull();
    expect(nextLink(null, base)).toBeNull();
  });
});
