/**
 * Answer scales. 0-10 is the NPS scale; sites moving from older surveys may still collect on
 * 1-10, 1-7 or 1-5. Results on different scales measure different things, so they are never
 * pooled, and only 0-10 is called NPS.
 */
import { CATEGORIES, categoryOf, type Category } from '../category.js';
import { isScale, STANDARD_SCALE, type Scale } from '../scale.js';

export { SCALES, STANDARD_SCALE, isScale, isScoreOn, type Scale } from '../scale.js';

/** A record without a `scale` field was given on 0-10 (the only scale payload v1 knew). */
export function scaleOf(record: { scale?: unknown }): Scale | null {
  const { scale } = record;
  if (scale === undefined || scale === null) return STANDARD_SCALE;
  return isScale(scale) ? scale : null;
}

/**
 * The category a record counts in. On 0-10 the score decides (categoryOf, the one rule); on
 * any other scale the thresholds are the site's, so the category the widget recorded is used.
 */
export function categoryOn(scale: Scale, score: number, recorded: unknown): Category | null {
  if (scale === STANDARD_SCALE) return categoryOf(score);
  return CATEGORIES.includes(recorded as Category) ? (recorded as Category) : null;
}

export function scaleLabel(scale: Scale): string {
  return scale === STANDARD_SCALE ? 'NPS' : 'Non-standard NPS';
}

export function describeScale(scale: Scale): string {
  return scale === STANDARD_SCALE ? '0-10 (NPS)' : `${scale} (non-standard NPS)`;
}
