/** NPS over time: local days rolled up into periods, empty periods kept, each change tested. */
import type { NpsResult } from '../nps.js';
import type { DayTallies } from './source.js';
import { periodOfDay, periodsFrom, type Period } from './period.js';
import type { Scale } from './scale.js';
import { changeBetween, type Change } from './significance.js';
import { addTally, newTally, type Tally } from './tally.js';
import { tallyResult } from './tally.js';

export interface TrendPoint {
  /** Period key: '2026-03-29', '2026-W13', '2026-03', '2026-Q1'. */
  key: string;
  tally: Tally;
  result: NpsResult;
  /** Against the period before; null for the first period and when either has no answers. */
  change: Change | null;
}

export function trendOf({ days }: DayTallies, period: Period, scale: Scale): TrendPoint[] {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const byPeriod = new Map<string, Tally>();
  for (const [day, tally] of days) {
    const key = periodOfDay(day, period);
    addTally(byPeriod.get(key) ?? byPeriod.set(key, newTally()).get(key)!, tally);
  }
  const points: TrendPoint[] = [];
  for (const key of periodsFrom(periodOfDay(first[0], period), periodOfDay(last[0], period), period)) {
    const tally = byPeriod.get(key) ?? newTally();
    const result = tallyResult(tally, scale);
    const previous = points[points.length - 1];
    points.push({ key, tally, result, change: previous ? changeBetween(previous.result, result) : null });
  }
  return points;
}

/** Every answer of the tallies added up, dated or not. */
export function pooledTally({ days, undated }: DayTallies): Tally {
  const tally = newTally();
  for (const [, day] of days) addTally(tally, day);
  if (undated) addTally(tally, undated);
  return tally;
}
