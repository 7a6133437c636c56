/**
 * Whether a move between two consecutive periods is more than noise: the adjusted-Wald z test
 * of compareNps at 95%. Both periods need answers; an empty period has no score to compare.
 */
import { compareNps, type NpsResult } from '../nps.js';

/** Two-sided; a change is called significant only below it. */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface Change {
  /** current minus previous, in exact points. */
  difference: number;
  pValue: number;
  significant: boolean;
}

export function changeBetween(previous: NpsResult, current: NpsResult): Change | null {
  if (previous.total === 0 || current.total === 0) return null;
  const { difference, pValue } = compareNps(current, previous);
  return { difference, pValue, significant: pValue < SIGNIFICANCE_LEVEL };
}
