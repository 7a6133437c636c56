/**
 * Answer scales and their category thresholds. 0-10 is the NPS scale and the default; a site
 * moving from an older survey may keep 1-10, 1-7 or 1-5. Off 0-10 the thresholds are a
 * convention (ours by default, the site's when it sets them), so such results are labelled
 * non-standard NPS and never pooled with 0-10 ones.
 */

export type Scale = '0-10' | '1-10' | '1-7' | '1-5';

/** In the order they are offered: the standard scale first. */
export const SCALES: readonly Scale[] = ['0-10', '1-10', '1-7', '1-5'];

export const STANDARD_SCALE: Scale = '0-10';

/** The lowest score counted as promoter and as passive; below `passiveMin` is a detractor. */
export interface Thresholds {
  promoterMin: number;
  passiveMin: number;
}

/**
 * [promoterMin, passiveMin] per scale. 0-10 and 1-10 keep NPS's cut-offs (1-10 only lacks the
 * 0); on 1-7 the top two choices promote and the next is passive; on 1-5 the top choice
 * promotes and the next is passive (the "top box" reading of five-point scales).
 */
const DEFAULTS: Record<Scale, [promoterMin: number, passiveMin: number]> = { '0-10': [9, 7], '1-10': [9, 7], '1-7': [6, 5], '1-5': [5, 4] };

export const isScale = (value: unknown): value is Scale => SCALES.includes(value as Scale);

/** The lowest and highest score of a scale ("1-7" is 1 and 7). */
export const scaleRange = (scale: Scale): [low: number, high: number] => scale.split('-').map(Number) as [number, number];

export function isScoreOn(scale: Scale, score: unknown): score is number {
  const [low, high] = scaleRange(scale);
  return typeof score === 'number' && Number.isInteger(score) && score >= low && score <= high;
}

/** How a site or a calculator call names its scale: the scale, and thresholds where they differ from its defaults. */
export interface ScaleChoice {
  scale?: Scale | undefined;
  promoterMin?: number | null | undefined;
  passiveMin?: number | null | undefined;
}

export function thresholdsOf({ scale = STANDARD_SCALE, promoterMin, passiveMin }: ScaleChoice): Thresholds {
  const [promoter, passive] = DEFAULTS[scale];
  return { promoterMin: promoterMin ?? promoter, passiveMin: passiveMin ?? passive };
}

/**
 * What is wrong with a choice's thresholds, or null. 0-10 keeps NPS's; elsewhere each is a
 * score of the scale, some score must detract, and promoters start no lower than passives
 * (equal: the scale has no passives).
 */
export function thresholdsProblem(choice: ScaleChoice): string | null {
  const { scale = STANDARD_SCALE } = choice;
  const { promoterMin, passiveMin } = thresholdsOf(choice);
  const [low, high] = scaleRange(scale);
  const fits = scale === STANDARD_SCALE ? promoterMin === 9 && passiveMin === 7 : passiveMin > low && passiveMin <= promoterMin && promoterMin <= high;
  return fits
    ? null
    : `passiveMin ${passiveMin} and promoterMin ${promoterMin} do not fit the ${scale} scale; allowed: ${scale === STANDARD_SCALE ? '7 and 9 (NPS)' : `${low} < passiveMin <= promoterMin <= ${high}`}`;
}
