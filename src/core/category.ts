/** The one place that decides what a score is and which bucket it falls in. */
import { thresholdsOf, type Thresholds } from './scale.js';

export type Category = 'detractor' | 'passive' | 'promoter';

export const CATEGORIES: readonly Category[] = ['detractor', 'passive', 'promoter'];

/** Highest score on the 0-10 scale; 0-10 is canonical (on 1-10, 1 is often read as best). */
export const MAX_SCORE = 10;

/** NPS's own: promoters 9-10, passives 7-8, detractors 0-6. */
export const NPS_THRESHOLDS: Thresholds = /* @__PURE__ */ thresholdsOf({});

export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SCORE;
}

export function categoryOf(score: number, { promoterMin, passiveMin }: Thresholds = NPS_THRESHOLDS): Category {
  return score >= promoterMin ? 'promoter' : score >= passiveMin ? 'passive' : 'detractor';
}
