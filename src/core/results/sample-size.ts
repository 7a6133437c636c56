/**
 * "How many more responses": the answers still needed for a chosen 95% margin of error
 * (docs/calculator.md), from the spread of the answers so far and in the worst case.
 */
import { adjustedWald, responsesNeeded, type NpsResult } from '../nps.js';

export interface MoreResponses {
  margin: number;
  /** Total answers needed, judged from the observed adjusted-Wald variance (the best guess of how answers keep spreading). */
  needed: number;
  /** needed minus the answers so far, never below 0. */
  more: number;
  /** Answers needed whatever the spread (variance 1: half promoters, half detractors). */
  worstCase: number;
  worstCaseMore: number;
}

export function moreResponses(result: NpsResult, margin: number): MoreResponses {
  // With no answers yet there is no spread to go by: the worst case is the only honest figure.
  const worstCase = responsesNeeded(margin);
  const needed = result.total === 0 ? worstCase : responsesNeeded(margin, Math.min(1, adjustedWald(result).variance));
  return {
    margin,
    needed,
    more: Math.max(0, needed - result.total),
    worstCase,
    worstCaseMore: Math.max(0, worstCase - result.total),
  };
}
