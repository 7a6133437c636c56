import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../src/core/category.js';
import { isScoreOn, scaleRange, SCALES, thresholdsOf, thresholdsProblem } from '../../src/core/scale.js';

/** The category of each score of a 1-N scale, lowest first. */
const on = (scale: '1-7' | '1-5', thresholds = thresholdsOf({ scale })) =>
  Array.from({ length: scaleRange(scale)[1] }, (_, i) => categoryOf(i + 1, thresholds));

describe('answer scales', () => {
  it('offers 0-10 first, then the legacy scales', () => {
    expect(SCALES).toEqual(['0-10', '1-10', '1-7', '1-5']);
    expect(SCALES.map(scaleRange)).toEqual([
      [0, 10],
      [1, 10],
      [1, 7],
      [1, 5],
    ]);
  });

  it('knows which scores each scale has', () => {
    expect(isScoreOn('0-10', 0)).toBe(true);
    expect(isScoreOn('1-10', 0)).toBe(false);
    expect(isScoreOn('1-7', 7)).toBe(true);
    expect(isScoreOn('1-7', 8)).toBe(false);
    expect(isScoreOn('1-5', 2.5)).toBe(false);
    expect(isScoreOn('1-5', '3')).toBe(false);
  });

  it('has documented default thresholds per scale', () => {
    expect(thresholdsOf({})).toEqual({ promoterMin: 9, passiveMin: 7 });
    expect(thresholdsOf({ scale: '1-10' })).toEqual({ promoterMin: 9, passiveMin: 7 });
    expect(thresholdsOf({ scale: '1-7' })).toEqual({ promoterMin: 6, passiveMin: 5 });
    expect(thresholdsOf({ scale: '1-5' })).toEqual({ promoterMin: 5, passiveMin: 4 });
    expect(thresholdsOf({ scale: '1-7', promoterMin: 7 })).toEqual({ promoterMin: 7, passiveMin: 5 });
  });

  it('puts every score of a scale in the bucket its thresholds say', () => {
    expect(on('1-7')).toEqual(['detractor', 'detractor', 'detractor', 'detractor', 'passive', 'promoter', 'promoter']);
    expect(on('1-5')).toEqual(['detractor', 'detractor', 'detractor', 'passive', 'promoter']);
    expect(on('1-5', { promoterMin: 4, passiveMin: 4 })).toEqual(['detractor', 'detractor', 'detractor', 'promoter', 'promoter']);
    // 0-10 without thresholds is NPS itself.
    expect([0, 6, 7, 8, 9, 10].map((s) => categoryOf(s))).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('accepts thresholds that leave some score to detract and promoters no lower than passives', () => {
    expect(thresholdsProblem({ scale: '1-5', passiveMin: 2, promoterMin: 5 })).toBeNull();
    expect(thresholdsProblem({ scale: '1-7', passiveMin: 6, promoterMin: 6 })).toBeNull();
    expect(thresholdsProblem({ scale: '1-5', passiveMin: 1 })).toBe(
      'passiveMin 1 and promoterMin 5 do not fit the 1-5 scale; allowed: 1 < passiveMin <= promoterMin <= 5',
    );
    expect(thresholdsProblem({ scale: '1-7', passiveMin: 6, promoterMin: 5 })).toMatch(/passiveMin 6 and promoterMin 5 do not fit the 1-7 scale/);
    expect(thresholdsProblem({ scale: '1-5', promoterMin: 6 })).toMatch(/do not fit the 1-5 scale/);
  });

  it('keeps NPS thresholds on 0-10', () => {
    expect(thresholdsProblem({ promoterMin: 9, passiveMin: 7 })).toBeNull();
    expect(thresholdsProblem({ promoterMin: 8 })).toBe('passiveMin 7 and promoterMin 8 do not fit the 0-10 scale; allowed: 7 and 9 (NPS)');
  });
});
