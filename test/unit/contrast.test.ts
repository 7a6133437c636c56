import { describe, expect, it } from 'vitest';
import { accentPalette, contrast, parseColor } from '../../src/core/contrast.js';

const WHITE = [255, 255, 255] as const;
const DARK_BG = [28, 31, 38] as const;

describe('contrast', () => {
  it('reads hex and rgb() colours, nothing else', () => {
    expect(parseColor('#1f4fd1')).toEqual([31, 79, 209]);
    expect(parseColor('#FFF')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(10, 20, 30)')).toEqual([10, 20, 30]);
    expect(parseColor('rgb(300, 0, 0)')).toBeNull();
    expect(parseColor('teal')).toBeNull();
  });

  it('computes WCAG ratios', () => {
    expect(contrast([0, 0, 0], WHITE)).toBeCloseTo(21, 5);
    expect(contrast(WHITE, WHITE)).toBe(1);
    expect(contrast([118, 118, 118], WHITE)).toBeCloseTo(4.54, 2);
  });

  it('puts white text on a dark accent and dark text on a light one', () => {
    expect(accentPalette([31, 79, 209], { light: WHITE })).toEqual({ accentText: '#ffffff', problems: [] });
    expect(accentPalette([255, 214, 0], { dark: DARK_BG })).toMatchObject({ accentText: '#111318', problems: [] });
  });

  it('names what fails: text on the accent, or the accent against a background', () => {
    const pale = accentPalette([255, 230, 120], { light: WHITE });
    expect(pale.accentText).toBe('#111318');
    expect(pale.problems).toEqual(['against the light background it reaches only 1.2:1 (3:1 needed for the selected choice)']);
    const mid = accentPalette([128, 128, 128], { light: WHITE, dark: DARK_BG });
    expect(mid.problems).toEqual([]);
    const muddy = accentPalette([119, 119, 119], { dark: [110, 110, 110] });
    expect(muddy.problems[0]).toMatch(/^text on it reaches only 4\.4:1/);
  });
});
