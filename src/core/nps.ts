/**
 * The NPS calculator (docs/calculator.md: what it returns, and the method). Pure and
 * DOM-free: it runs in Node, in the preview and in tests alike. Every figure is derived from
 * integer counts.
 */
import { categoryOf, MAX_SCORE } from './category.js';
import { type Scale, type ScaleChoice, type Thresholds, isScale, scaleRange, SCALES, STANDARD_SCALE, thresholdsOf, thresholdsProblem } from './scale.js';
import { showValue } from './show-value.js';

export interface CategoryCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsResult extends CategoryCounts {
  total: number;
  /** Exact shares in percent; null when there are no responses (a share of nothing is undefined). */
  promoterPercent: number | null;
  passivePercent: number | null;
  detractorPercent: number | null;
  /** Exact score, -100..100; null when there are no responses. */
  nps: number | null;
  /** The score as shown: an integer, half away from zero, never -0. */
  rounded: number | null;
  /** Responses per score (index = score); null when only category counts were given. */
  distribution: number[] | null;
  /** Half-width of the 95% adjusted-Wald interval, in points, before clamping. */
  marginOfError: number | null;
  /** 95% adjusted-Wald interval in points, clamped to [-100, 100]. */
  interval: [low: number, high: number] | null;
  /** The answer scale; anything but 0-10 is non-standard NPS. */
  scale: Scale;
}

export type NpsInput = Iterable<number> | { counts: ArrayLike<number> } | CategoryCounts | NpsResult;

export interface NpsComparison {
  /** `a.nps - b.nps`, exact. */
  difference: number;
  z: number;
  /** Two-sided. */
  pValue: number;
}

/** The 97.5th percentile of the standard normal distribution: 95% two-sided. */
const Z95 = 1.959964;
const SCALE_SIZE = MAX_SCORE + 1;
const ACCEPTED = 'scores, { counts }, { promoters, passives, detractors } or a result';

const fail = (message: string, type: ErrorConstructor = RangeError): never => {
  throw new type(`calculateNps: ${message}`);
};

/** A count: a TypeError when it is no number at all, a RangeError when it is the wrong number. */
function checkCount(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    fail(`${field} is ${showValue(value)}; counts are non-negative integers`, typeof value === 'number' ? RangeError : TypeError);
  }
  return value as number;
}

const isList = (value: unknown): value is ArrayLike<unknown> => Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));

/**
 * The hot path (10 million scores are benchmarked): one pass by index, no allocation per
 * score. Arrays and typed arrays are walked as they are, because that beats their iterators;
 * other iterables are copied into an array first.
 */
function countScores(scores: Iterable<unknown>, scale: Scale): number[] {
  const counts: number[] = Array(SCALE_SIZE).fill(0);
  const list = isList(scores) ? scores : Array.from(scores);
  const [low, high] = scaleRange(scale);
  for (let position = 0, length = list.length; position < length; position++) {
    const score = list[position] as number;
    // Written out rather than isScoreOn: this runs ten million times in the benchmark.
    if (!(typeof score === 'number' && Number.isInteger(score) && score >= low && score <= high)) {
      fail(`score at position ${position} is ${showValue(score)}; scores are integers from ${low} to ${high}`);
    }
    counts[score]!++;
  }
  return counts;
}

function checkDistribution(counts: unknown, scale: Scale): number[] {
  if (!isList(counts)) return fail(`counts is ${showValue(counts)}; expected 11 counts (index = score)`, TypeError);
  const list = counts;
  if (list.length !== SCALE_SIZE) fail(`counts has ${list.length} entries; expected 11 (index = score)`);
  const [low, high] = scaleRange(scale);
  return Array.from(list, (count, score) => {
    const checked = checkCount(count, `counts[${score}]`);
    if (checked && (score < low || score > high)) fail(`counts[${score}] is ${checked}; the ${scale} scale has no ${score}`);
    return checked;
  });
}

function categoriesOf(distribution: readonly number[], thresholds: Thresholds): CategoryCounts {
  const tally: CategoryCounts = { promoters: 0, passives: 0, detractors: 0 };
  distribution.forEach((count, score) => {
    tally[`${categoryOf(score, thresholds)}s` as const] += count;
  });
  return tally;
}

/** The counts an input holds; the distribution is null when it holds category counts only. */
function toCounts(input: unknown, choice: ScaleChoice | undefined): { categories: CategoryCounts; distribution: number[] | null; scale: Scale } {
  if (typeof input !== 'object' || input === null) return fail(`input is ${showValue(input)}; expected ${ACCEPTED}`, TypeError);
  const given = input as Partial<NpsResult> & { counts?: unknown };
  const scale = choice?.scale ?? given.scale ?? STANDARD_SCALE;
  if (!isScale(scale)) fail(`scale is ${showValue(scale)}; allowed: ${SCALES.join(', ')}`);
  const problem = thresholdsProblem({ ...choice, scale });
  if (problem) fail(problem);
  const distribution =
    Symbol.iterator in input
      ? countScores(input as Iterable<unknown>, scale)
      : 'counts' in input
        ? checkDistribution(given.counts, scale)
        : given.distribution != null && 'total' in input
          ? checkDistribution(given.distribution, scale)
          : null;
  // A result passed back in on another scale keeps its categories: the thresholds behind them are not known here.
  if (distribution && (choice || scale === STANDARD_SCALE || !('total' in input))) {
    return { categories: categoriesOf(distribution, thresholdsOf({ ...choice, scale })), distribution, scale };
  }
  if (!('promoters' in input || 'passives' in input || 'detractors' in input)) fail(`input is an object; expected ${ACCEPTED}`, TypeError);
  const categories = {
    promoters: checkCount(given.promoters, 'promoters'),
    passives: checkCount(given.passives, 'passives'),
    detractors: checkCount(given.detractors, 'detractors'),
  };
  return { categories, distribution, scale };
}

/** Half away from zero on the exact fraction 100(P-D)/n, so x.5 is never lost to float error; never -0. */
const roundedScore = (difference: number, total: number): number => Math.sign(difference) * Math.floor((200 * Math.abs(difference) + total) / (2 * total)) || 0;

export interface AdjustedWald {
  /** NPS' on the -1..1 scale. */
  center: number;
  /** variance' on the -1..1 scale. */
  variance: number;
  /** n' = n + 3. */
  n: number;
}

/**
 * Adjusted Wald (Rocks 2016): 0.75 added to promoters and detractors and 1.5 to passives.
 * The added passives keep p' + d' below 1 and the added extremes keep it above |p' - d'|,
 * so the variance is always positive, even at +-100 and for a single response.
 */
export function adjustedWald({ promoters, passives, detractors }: CategoryCounts): AdjustedWald {
  const n = promoters + passives + detractors + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  return { center: p - d, variance: p + d - (p - d) ** 2, n };
}

const clampPoints = (points: number): number => Math.min(100, Math.max(-100, points));

/**
 * `scale` is for answers on a legacy scale ("1-10", "1-7", "1-5"), with the site's thresholds
 * where they differ from the scale's defaults; the result then says so in its `scale`.
 */
export function calculateNps(input: NpsInput, scale?: ScaleChoice): NpsResult {
  const { categories, distribution, scale: answeredOn } = toCounts(input, scale);
  const { promoters, passives, detractors } = categories;
  const total = promoters + passives + detractors;
  // Every figure but the counts is null when there are no responses: a share of nothing is undefined.
  const share = (count: number) => (total ? (100 * count) / total : null);
  const { center, variance, n } = adjustedWald(categories);
  const margin = Z95 * Math.sqrt(variance / n);
  return {
    total,
    promoters,
    passives,
    detractors,
    promoterPercent: share(promoters),
    passivePercent: share(passives),
    detractorPercent: share(detractors),
    // One division of an exact integer: subtracting two percentages is what loses x.5 cases.
    nps: share(promoters - detractors),
    rounded: total ? roundedScore(promoters - detractors, total) : null,
    distribution,
    marginOfError: total ? 100 * margin : null,
    interval: total ? [clampPoints(100 * (center - margin)), clampPoints(100 * (center + margin))] : null,
    scale: answeredOn,
  };
}

/** The standard normal density. */
const density = (x: number): number => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

/**
 * Phi(-|x|), to about 1e-15 absolute and 1e-9 relative (a tenth of the bytes of Hart's
 * tables, which every script-tag page would download). Near the centre, Marsaglia's series
 * Phi(x) = 1/2 + density(x) (x + x^3/3 + x^5/15 + ...); in the tail, Laplace's continued
 * fraction, which computes the tail itself and so keeps small p-values instead of
 * flattening them to 0 as 1 - Phi(|x|) would.
 */
export function normalTail(x: number): number {
  const a = Math.abs(x);
  if (a < 3) {
    let term = a;
    let sum = a;
    for (let k = 3; term > 1e-17 * sum; k += 2) sum += term *= (a * a) / k;
    return 0.5 - sum * density(a);
  }
  let fraction = a;
  for (let k = 80; k > 0; k--) fraction = a + k / fraction;
  return density(a) / fraction;
}

/**
 * Compares two scores (periods, segments) with the adjusted-Wald z test. The combined variance
 * is never 0 (see adjustedWald), so z is always finite: identical inputs give z = 0, p = 1.
 */
export function compareNps(a: NpsInput, b: NpsInput, scale?: ScaleChoice): NpsComparison {
  const first = calculateNps(a, scale);
  const second = calculateNps(b, scale);
  // Scores on different scales measure different things (see scale.ts).
  if (first.scale !== second.scale) throw new RangeError(`compareNps: a is on the ${first.scale} scale, b on ${second.scale}; scales are never compared`);
  if (first.nps === null || second.nps === null) {
    throw new RangeError(`compareNps: both inputs need responses; a has ${first.total}, b has ${second.total}`);
  }
  const x = adjustedWald(first);
  const y = adjustedWald(second);
  const z = (x.center - y.center) / Math.sqrt(x.variance / x.n + y.variance / y.n);
  return { difference: first.nps - second.nps, z, pValue: 2 * normalTail(z) };
}

/**
 * Responses needed for a 95% margin of `marginPoints` (docs/calculator.md). `variance` is on the
 * -1..1 scale; 1 is the worst case (half promoters, half detractors).
 */
export function responsesNeeded(marginPoints: number, variance = 1): number {
  if (!(marginPoints > 0) || !Number.isFinite(marginPoints)) {
    throw new RangeError(`responsesNeeded: marginPoints is ${marginPoints}; expected a positive number of points`);
  }
  if (!(variance >= 0 && variance <= 1)) {
    throw new RangeError(`responsesNeeded: variance is ${variance}; expected a number from 0 to 1`);
  }
  return Math.max(0, Math.ceil((Z95 ** 2 * variance * 1e4) / marginPoints ** 2 - 3));
}
