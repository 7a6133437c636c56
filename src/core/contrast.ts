/**
 * WCAG contrast for a site's accent colour: which text colour it can carry, and whether it
 * stands out from the survey's background. Pure.
 */

export type Rgb = readonly [number, number, number];

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)`; null for anything else. */
export function parseColor(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  // #abc is #aabbcc: doubling each digit makes both forms six digits.
  const channels = hex
    ? (hex.length === 3 ? hex.replace(/./g, '$&$&') : hex).match(/../g)!.map((pair) => parseInt(pair, 16))
    : /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(text)?.slice(1).map(Number);
  return channels && channels.every((c) => c <= 255) ? (channels as unknown as Rgb) : null;
}

/** An sRGB channel (0-255) as linear light. */
const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a) + 0.05, luminance(b) + 0.05];
  return Math.max(x, y) / Math.min(x, y);
}

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 19, 24];
const ratio = (n: number) => `${Math.floor(n * 10) / 10}:1`;

export interface AccentPalette {
  /** White or near-black (#111318), whichever reads better on the accent. */
  accentText: string;
  /** What fails WCAG AA, for a console warning; empty when all is well. */
  problems: string[];
}

/** The survey's background in each theme (see styles.css). */
const BACKGROUNDS = { light: [255, 255, 255], dark: [28, 31, 38] } as const;

/**
 * The text colour the site's accent carries, and a warning naming what fails contrast in the
 * themes in use (null when nothing does). `accentColor` is one parseColor accepts.
 */
export function accentFor(accentColor: string, theme: 'light' | 'dark' | 'auto'): { accentText: string; warning: string | null } {
  const themes = theme === 'auto' ? BACKGROUNDS : { [theme]: BACKGROUNDS[theme] };
  const { accentText, problems } = accentPalette(parseColor(accentColor) ?? WHITE, themes);
  return { accentText, warning: problems.length ? `accentColor ${accentColor}: ${problems.join('; ')}; consider a darker or lighter accent.` : null };
}

/** The accent's text colour, and what fails against the given survey backgrounds. */
export function accentPalette(accent: Rgb, backgrounds: Readonly<Record<string, Rgb>>): AccentPalette {
  const onWhite = contrast(accent, WHITE);
  const onInk = contrast(accent, INK);
  const problems: string[] = [];
  const best = Math.max(onWhite, onInk);
  if (best < 4.5) problems.push(`text on it reaches only ${ratio(best)} (4.5:1 needed)`);
  for (const [theme, background] of Object.entries(backgrounds)) {
    const against = contrast(accent, background);
    if (against < 3) problems.push(`against the ${theme} background it reaches only ${ratio(against)} (3:1 needed for the selected choice)`);
  }
  return { accentText: onWhite >= onInk ? '#ffffff' : '#111318', problems };
}
