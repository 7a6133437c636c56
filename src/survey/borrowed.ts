/**
 * The survey file's stand-in for the core modules the loader already carries (core/report.ts,
 * scale.ts, category.ts, payload.ts): the survey build (vite.config.ts) resolves the survey's
 * imports of them to this module, and the file's createSurvey (survey/file.ts) fills it with
 * what the loader lends before any of it runs. Nothing here runs at import time, so nothing
 * reads a binding before it is filled. The package and the single file never use it.
 */
import type { Lent } from './contract.js';

export let report: Lent[0];
export let guard: Lent[1];
export let messageOf: Lent[2];
export let SCALES: Lent[3];
export let scaleRange: Lent[4];
export let thresholdsOf: Lent[5];
export let thresholdsProblem: Lent[6];
export let categoryOf: Lent[7];
export let NPS_THRESHOLDS: Lent[8];
export let MAX_SCORE: Lent[9];
export let toPayload: Lent[10];

export function borrow(lent: Lent): void {
  [report, guard, messageOf, SCALES, scaleRange, thresholdsOf, thresholdsProblem, categoryOf, NPS_THRESHOLDS, MAX_SCORE, toPayload] = lent;
}
