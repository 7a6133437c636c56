/**
 * What the script tag's loader lends the survey file (survey/contract.ts `Lent`): the core
 * pieces both files use, which the loader carries anyway, so the survey file holds no second
 * copy. The package and the single file need none: there the survey shares the bundle's modules.
 */
import { MAX_SCORE, NPS_THRESHOLDS, categoryOf } from '../core/category.js';
import { toPayload } from '../core/payload.js';
import { guard, messageOf, report } from '../core/report.js';
import { SCALES, scaleRange, thresholdsOf, thresholdsProblem } from '../core/scale.js';
import type { Lent } from '../survey/contract.js';

export const LENT: Lent = [report, guard, messageOf, SCALES, scaleRange, thresholdsOf, thresholdsProblem, categoryOf, NPS_THRESHOLDS, MAX_SCORE, toPayload];
