/**
 * A tally: the counts one group of answers adds up to. Groups are combined by adding tallies,
 * never by averaging scores (docs/calculator.md).
 */
import type { Category } from '../category.js';
import { calculateNps, type NpsResult } from '../nps.js';
import type { ScaleChoice } from '../scale.js';
import { STANDARD_SCALE, type Scale } from './scale.js';

/** Slots 0-10: answers per score; 11-13: detractors, passives, promoters. */
export type Tally = Int32Array;

const SCORE_SLOTS = 11;
const CATEGORY_SLOT: Record<Category, number> = { detractor: 11, passive: 12, promoter: 13 };

export const newTally = (): Tally => new Int32Array(SCORE_SLOTS + 3);

export function countAnswer(tally: Tally, score: number, category: Category, delta: 1 | -1): void {
  tally[score] = (tally[score] ?? 0) + delta;
  tally[CATEGORY_SLOT[category]] = (tally[CATEGORY_SLOT[category]] ?? 0) + delta;
}

export function addTally(into: Tally, from: Tally, sign: 1 | -1 = 1): Tally {
  for (let slot = 0; slot < into.length; slot++) into[slot] = (into[slot] ?? 0) + sign * (from[slot] ?? 0);
  return into;
}

export const tallyTotal = (tally: Tally): number => (tally[11] ?? 0) + (tally[12] ?? 0) + (tally[13] ?? 0);

/**
 * The calculator's result for a tally. On 0-10 it gets the 11 counts (so the histogram shows);
 * on other scales only the categories, which are the site's and not derived from 0-10 scores.
 */
export function tallyResult(tally: Tally, scale: Scale): NpsResult {
  if (scale === STANDARD_SCALE) return calculateNps({ counts: tally.subarray(0, SCORE_SLOTS) });
  return calculateNps({ detractors: tally[11] ?? 0, passives: tally[12] ?? 0, promoters: tally[13] ?? 0 }, { scale });
}

/** Tallies count in 32 bits: ample for any one survey, and a larger count must not wrap silently. */
const MAX_COUNT = 2 ** 31 - 1;

/**
 * The tally of 11 counts (index = score) on a scale, categories by its thresholds. calculateNps
 * checks the counts and decides the categories: a wrong length, a negative count or a count on
 * a score the scale lacks throws its error.
 */
export function tallyOfCounts(counts: unknown, choice: ScaleChoice): Tally {
  const { distribution, detractors, passives, promoters, total } = calculateNps({ counts: counts as ArrayLike<number> }, choice);
  if (total > MAX_COUNT) throw new RangeError(`counts add up to ${total}; at most ${MAX_COUNT} answers are counted`);
  const tally = newTally();
  tally.set(distribution ?? []);
  tally.set([detractors, passives, promoters], SCORE_SLOTS);
  return tally;
}
