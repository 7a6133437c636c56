import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adjustedWald, calculateNps, compareNps, normalTail, responsesNeeded, type CategoryCounts, type NpsResult } from '../../src/core/nps.js';

/**
 * Calculator cases from public sources, each naming its own (published NPS packages' tests,
 * vendors' worked examples, the Hungarian article's worked example): `expected_nps` is the exact
 * score in points, `expected_display` the integer shown; `var`, `se` and `sd` are on the -1..1
 * scale (each answer coded +1 / 0 / -1); `wald95` is the plain Wald 95% interval in points and
 * `adjWald95` the adjusted-Wald centre, standard error in points and 95% interval
 * (docs/calculator.md). Exact values are compared to 1e-6, statistics to 1e-3.
 */
interface Vector {
  id: string;
  input: { scores?: number[]; counts?: number[] | CategoryCounts; segments?: CategoryCounts[] };
  expected_nps: number;
  expected_display?: number | null;
  var?: number;
  se?: number;
  sd?: number;
  wald95?: [number, number];
  adjWald95?: { center: number; se_pts: number; ci: [number, number] };
}

// A string, not new URL(): happy-dom's URL class is not one node:url accepts.
const vectorsPath = resolve(dirname(fileURLToPath(import.meta.url)), 'nps-vectors.json');
const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8')) as Vector[];

const EXACT = 1e-6;
const STATISTIC = 1e-3;
const Z95 = 1.959964;

function expectNear(actual: number | null | undefined, expected: number, tolerance: number, what: string): void {
  expect(actual, what).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Segments are combined by adding their counts, never by averaging their scores. */
function pool(segments: readonly CategoryCounts[]): CategoryCounts {
  return segments.reduce(
    (sum, s) => ({
      promoters: sum.promoters + s.promoters,
      passives: sum.passives + s.passives,
      detractors: sum.detractors + s.detractors,
    }),
    { promoters: 0, passives: 0, detractors: 0 },
  );
}

function inputOf({ input }: Vector) {
  if (input.scores) return input.scores;
  if (input.segments) return pool(input.segments);
  if (Array.isArray(input.counts)) return { counts: input.counts };
  if (input.counts) return input.counts;
  throw new Error('vector without input');
}

/** The plain (unadjusted) statistics on the -1..1 scale, from the counts as docs/calculator.md defines them. */
function plainStatistics({ promoters, detractors, total }: NpsResult) {
  const p = promoters / total;
  const d = detractors / total;
  const variance = p + d - (p - d) ** 2;
  const se = Math.sqrt(variance / total);
  return { variance, se, sd: Math.sqrt(variance), wald95: [100 * (p - d - Z95 * se), 100 * (p - d + Z95 * se)] };
}

describe('calculateNps on the shared test vectors', () => {
  it('has vectors to run', () => {
    expect(vectors.length).toBeGreaterThan(10);
  });

  it.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const result = calculateNps(inputOf(vector));
    expectNear(result.nps, vector.expected_nps, EXACT, 'nps');
    // null means the source gives no displayed value.
    if (typeof vector.expected_display === 'number') expect(result.rounded).toBe(vector.expected_display);

    const plain = plainStatistics(result);
    if (vector.var !== undefined) expectNear(plain.variance, vector.var, STATISTIC, 'var');
    if (vector.se !== undefined) expectNear(plain.se, vector.se, STATISTIC, 'se');
    if (vector.sd !== undefined) expectNear(plain.sd, vector.sd, STATISTIC, 'sd');
    if (vector.wald95) {
      expectNear(plain.wald95[0], vector.wald95[0], STATISTIC, 'wald95 low');
      expectNear(plain.wald95[1], vector.wald95[1], STATISTIC, 'wald95 high');
    }
    if (vector.adjWald95) {
      const adjusted = adjustedWald(result);
      expectNear(100 * adjusted.center, vector.adjWald95.center, STATISTIC, 'adjWald95 center');
      expectNear(100 * Math.sqrt(adjusted.variance / adjusted.n), vector.adjWald95.se_pts, STATISTIC, 'adjWald95 se');
      expectNear(result.marginOfError, Z95 * vector.adjWald95.se_pts, STATISTIC * Z95, 'margin of error');
      expectNear(result.interval?.[0], vector.adjWald95.ci[0], STATISTIC, 'interval low');
      expectNear(result.interval?.[1], vector.adjWald95.ci[1], STATISTIC, 'interval high');
    }
  });
});

describe('calculateNps', () => {
  it('returns every field docs/calculator.md lists for the Hungarian worked example', () => {
    const counts = [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75];
    const result = calculateNps({ counts });
    expect(result).toMatchObject({ total: 378, promoters: 137, passives: 60, detractors: 181, rounded: -12, distribution: counts });
    expectNear(result.promoterPercent, (100 * 137) / 378, EXACT, 'promoters');
    expectNear(result.passivePercent, (100 * 60) / 378, EXACT, 'passives');
    expectNear(result.detractorPercent, (100 * 181) / 378, EXACT, 'detractors');
    const [low, high] = result.interval ?? [Number.NaN, Number.NaN];
    expectNear((low + high) / 2, (100 * (137.75 - 181.75)) / 381, EXACT, 'interval centre');
    expectNear(result.marginOfError, (high - low) / 2, EXACT, 'half-width');
  });

  it('rounds x.5 half away from zero, symmetrically', () => {
    expect(calculateNps({ promoters: 4, passives: 19, detractors: 1 }).rounded).toBe(13);
    expect(calculateNps({ promoters: 1, passives: 19, detractors: 4 }).rounded).toBe(-13);
    expect(calculateNps({ promoters: 3, passives: 0, detractors: 5 }).rounded).toBe(-25);
    expect(calculateNps({ promoters: 1, passives: 0, detractors: 7 }).rounded).toBe(-75);
  });

  it('never shows -0', () => {
    const slightlyNegative = calculateNps({ promoters: 0, passives: 999, detractors: 1 });
    expect(slightlyNegative.nps).toBeCloseTo(-0.1, 10);
    expect(Object.is(slightlyNegative.rounded, 0)).toBe(true);
    expect(Object.is(calculateNps([7, 8]).rounded, 0)).toBe(true);
    expect(Object.is(calculateNps([0, 10]).nps, 0)).toBe(true);
  });

  it('counts typed arrays and other iterables like arrays', () => {
    const scores = [0, 3, 6, 7, 8, 9, 10, 10];
    const expected = calculateNps(scores);
    function* generated() {
      yield* scores;
    }
    for (const input of [Uint8Array.from(scores), Int32Array.from(scores), Float64Array.from(scores), scores.values(), generated()]) {
      expect(calculateNps(input)).toEqual(expected);
    }
  });

  it('has no score, shares or interval without responses', () => {
    for (const input of [[], new Uint8Array(0), { counts: Array.from({ length: 11 }, () => 0) }, { promoters: 0, passives: 0, detractors: 0 }]) {
      expect(calculateNps(input)).toMatchObject({
        total: 0,
        nps: null,
        rounded: null,
        promoterPercent: null,
        passivePercent: null,
        detractorPercent: null,
        marginOfError: null,
        interval: null,
      });
    }
    expect(calculateNps([]).distribution).toEqual(Array.from({ length: 11 }, () => 0));
  });

  it('has no distribution when only category counts are given', () => {
    expect(calculateNps({ promoters: 3, passives: 2, detractors: 1 }).distribution).toBeNull();
  });

  it('clamps the interval to -100..100 but keeps the margin as the unclamped half-width', () => {
    const allPromoters = calculateNps(Array.from({ length: 10 }, () => 10));
    const [low = Number.NaN, high] = allPromoters.interval ?? [];
    expect(high).toBe(100);
    expect(low + 2 * (allPromoters.marginOfError ?? 0)).toBeGreaterThan(100);
    expect(calculateNps({ promoters: 0, passives: 0, detractors: 10 }).interval?.[0]).toBe(-100);
  });

  it('takes its own result back, with or without a distribution', () => {
    const result = calculateNps([1, 2, 9, 10, 7]);
    expect(calculateNps(result)).toEqual(result);
    expect(calculateNps({ ...result, distribution: null })).toEqual({ ...result, distribution: null });
  });

  it('names the value and position of a bad score', () => {
    expect(() => calculateNps([1, 2, 3, 11])).toThrow(new RangeError('calculateNps: score at position 3 is 11; scores are integers from 0 to 10'));
    const cases: Array<[unknown[], string]> = [
      [[5, -1], 'position 1 is -1'],
      [[5, 5, 7.5], 'position 2 is 7.5'],
      [[Number.NaN], 'position 0 is NaN'],
      [[9, '7'], 'position 1 is "7"'],
      [[9, null], 'position 1 is null'],
      [[undefined], 'position 0 is undefined'],
    ];
    for (const [scores, message] of cases) {
      expect(() => calculateNps(scores as number[])).toThrow(RangeError);
      expect(() => calculateNps(scores as number[])).toThrow(message);
    }
    expect(() => calculateNps(Int32Array.from([10, 12]))).toThrow('position 1 is 12');
    expect(() => calculateNps(new Set([3, 99]))).toThrow('position 1 is 99');
  });

  it('names the field and value of bad counts', () => {
    expect(() => calculateNps({ counts: [1, 2, 3] })).toThrow(new RangeError('calculateNps: counts has 3 entries; expected 11 (index = score)'));
    expect(() => calculateNps({ counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1] })).toThrow('counts[10] is -1');
    expect(() => calculateNps({ counts: [0, 0, 1.5, 0, 0, 0, 0, 0, 0, 0, 0] })).toThrow('counts[2] is 1.5');
    expect(() => calculateNps({ counts: [Infinity, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] })).toThrow(RangeError);
    expect(() => calculateNps({ counts: 'many' as never })).toThrow(TypeError);
    expect(() => calculateNps({ promoters: 1, passives: 2, detractors: -3 })).toThrow(
      new RangeError('calculateNps: detractors is -3; counts are non-negative integers'),
    );
    expect(() => calculateNps({ promoters: 1, passives: 2 } as CategoryCounts)).toThrow(
      new TypeError('calculateNps: detractors is undefined; counts are non-negative integers'),
    );
  });

  it('says which forms it accepts when the input has the wrong shape', () => {
    for (const input of [null, undefined, 42, 'abc', {}]) {
      expect(() => calculateNps(input as never)).toThrow(TypeError);
      expect(() => calculateNps(input as never)).toThrow('{ promoters, passives, detractors }');
    }
  });
});

describe('calculateNps on a legacy scale', () => {
  it('counts 1-5 answers with the default thresholds (5 promotes, 4 is passive) and says the scale', () => {
    const result = calculateNps([5, 5, 4, 3, 1], { scale: '1-5' });
    expect(result).toMatchObject({ total: 5, promoters: 2, passives: 1, detractors: 2, nps: 0, rounded: 0, scale: '1-5' });
    expect(result.distribution).toEqual([0, 1, 0, 1, 1, 2, 0, 0, 0, 0, 0]);
  });

  it("takes the site's thresholds", () => {
    expect(calculateNps([7, 6, 5, 4], { scale: '1-7', promoterMin: 7, passiveMin: 6 })).toMatchObject({ promoters: 1, passives: 1, detractors: 2, nps: -25 });
    expect(calculateNps({ counts: [0, 0, 0, 0, 3, 1, 0, 0, 0, 0, 0] }, { scale: '1-5', promoterMin: 4, passiveMin: 4 })).toMatchObject({
      promoters: 4,
      passives: 0,
      nps: 100,
    });
  });

  it('says 0-10 on every standard result', () => {
    expect(calculateNps([9, 0]).scale).toBe('0-10');
    expect(calculateNps({ promoters: 1, passives: 0, detractors: 0 }).scale).toBe('0-10');
  });

  it('refuses scores and counts off the scale, and thresholds that do not fit it', () => {
    expect(() => calculateNps([5, 6], { scale: '1-5' })).toThrow(new RangeError('calculateNps: score at position 1 is 6; scores are integers from 1 to 5'));
    expect(() => calculateNps([10, 0], { scale: '1-10' })).toThrow(/position 1 is 0; scores are integers from 1 to 10/);
    expect(() => calculateNps({ counts: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, { scale: '1-7' })).toThrow(
      new RangeError('calculateNps: counts[0] is 2; the 1-7 scale has no 0'),
    );
    expect(() => calculateNps([1], { scale: '1-5', passiveMin: 1 })).toThrow(/passiveMin 1 and promoterMin 5 do not fit the 1-5 scale/);
    expect(() => calculateNps([9], { promoterMin: 10 })).toThrow(/do not fit the 0-10 scale; allowed: 7 and 9 \(NPS\)/);
    expect(() => calculateNps([1], { scale: '0-7' as never })).toThrow(new RangeError('calculateNps: scale is "0-7"; allowed: 0-10, 1-10, 1-7, 1-5'));
  });

  it('keeps the categories of a result passed back in, whose thresholds it cannot know', () => {
    const custom = calculateNps([4, 4, 1], { scale: '1-5', promoterMin: 4 });
    expect(calculateNps(custom)).toMatchObject({ scale: '1-5', promoters: 2, detractors: 1, rounded: 33 });
  });

  it('compares only answers on one scale', () => {
    expect(compareNps([5, 5, 1], [5, 1, 1], { scale: '1-5' }).difference).toBeCloseTo(100 / 3 - -100 / 3, 9);
    expect(() => compareNps(calculateNps([5], { scale: '1-5' }), [10])).toThrow(
      new RangeError('compareNps: a is on the 1-5 scale, b on 0-10; scales are never compared'),
    );
  });
});

describe('compareNps', () => {
  const a = { promoters: 162, passives: 108, detractors: 54 };
  const b = { promoters: 120, passives: 100, detractors: 80 };

  it('gives the exact difference and the adjusted-Wald z and two-sided p', () => {
    const comparison = compareNps(a, b);
    expectNear(comparison.difference, 100 * (108 / 324 - 40 / 300), EXACT, 'difference');
    expectNear(comparison.z, 3.2003840558715804, 1e-9, 'z');
    expectNear(comparison.pValue, 0.0013724457545528912, 1e-9, 'p');
    expectNear(compareNps({ promoters: 10, passives: 5, detractors: 5 }, { promoters: 8, passives: 6, detractors: 6 }).pValue, 0.5884404341723207, 1e-9, 'p');
  });

  it('is antisymmetric in sign and symmetric in p', () => {
    const forward = compareNps(a, b);
    const backward = compareNps(b, a);
    expect(backward.difference).toBe(-forward.difference);
    expect(backward.z).toBe(-forward.z);
    expect(backward.pValue).toBe(forward.pValue);
  });

  it('takes results and raw scores alike', () => {
    expect(compareNps(calculateNps(a), calculateNps(b))).toEqual(compareNps(a, b));
    expect(compareNps([10, 10, 0], [9, 9, 6])).toEqual(compareNps({ counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2] }, { promoters: 2, passives: 0, detractors: 1 }));
  });

  it('finds no difference between equal inputs, even at +100', () => {
    expect(compareNps([10, 10], [9, 10])).toEqual({ difference: 0, z: 0, pValue: 1 });
  });

  it('needs responses on both sides', () => {
    expect(() => compareNps([], [9])).toThrow(new RangeError('compareNps: both inputs need responses; a has 0, b has 1'));
  });
});

describe('normalTail', () => {
  // Phi(-x) = erfc(x / sqrt 2) / 2, from C's erfc (Python's math.erfc), good to about 1e-16 relative.
  it.each([
    [0, 0.5],
    [1, 0.15865525393145707],
    [1.959964, 0.02499999909644241],
    [2.9999, 0.0013503412829549248],
    [3, 0.0013498980316300957],
    [5, 2.866515718791946e-7],
    [10, 7.619853024160593e-24],
    [20, 2.7536241186063314e-89],
  ])('Phi(-%d) = %d, within 1e-9 relative, on both sides of the centre', (x, expected) => {
    expect(Math.abs(normalTail(x) - expected) / expected).toBeLessThan(1e-9);
    expect(normalTail(-x)).toBe(normalTail(x));
  });
});

describe('responsesNeeded', () => {
  it('follows n = 1.959964^2 * variance * 10^4 / m^2 - 3, rounded up', () => {
    expect(responsesNeeded(10)).toBe(382);
    expect(responsesNeeded(5)).toBe(1534);
    expect(responsesNeeded(5, 0.5)).toBe(766);
  });

  it('never asks for fewer than 0 responses', () => {
    expect(responsesNeeded(100, 0.1)).toBe(0);
    expect(responsesNeeded(10, 0)).toBe(0);
  });

  it('gives a margin of at most m once reached', () => {
    const variance = 0.6;
    const n = responsesNeeded(7, variance);
    expect(100 * Z95 * Math.sqrt(variance / (n + 3))).toBeLessThanOrEqual(7);
    expect(100 * Z95 * Math.sqrt(variance / (n + 2))).toBeGreaterThan(7);
  });

  it('rejects margins and variances that make no sense', () => {
    expect(() => responsesNeeded(0)).toThrow(RangeError);
    expect(() => responsesNeeded(Number.NaN)).toThrow('marginPoints is NaN');
    expect(() => responsesNeeded(10, 2)).toThrow('variance is 2');
  });
});
