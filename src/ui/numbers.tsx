/** How the results write numbers: the locale's digits and grouping, signs a screen reader reads right. */

/** Number writing for one locale; the words around the numbers stay English. */
export interface Numbers {
  whole(n: number): string;
  oneDecimal(n: number): string;
  /** A p-value: three decimals, and "< 0.001" below that (more digits would claim precision the test lacks). */
  pValue(p: number): string;
  /** "p = 0.031" or "p < 0.001". */
  pStatement(p: number): string;
}

export function numbersFor(locale: string | undefined): Numbers {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const three = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const pValue = (p: number) => (p < 0.001 ? `< ${three.format(0.001)}` : three.format(p));
  return {
    whole: (n) => whole.format(n),
    oneDecimal: (n) => oneDecimal.format(n),
    pValue,
    pStatement: (p) => (p < 0.001 ? `p ${pValue(p)}` : `p = ${pValue(p)}`),
  };
}

export const plural = (count: number, noun: string, f: Numbers) => `${f.whole(count)} ${noun}${count === 1 ? '' : 's'}`;

/** Bounds are floats; shown whole, half away from zero like the score, and never as -0. */
export function wholePoints(points: number): number {
  const magnitude = Math.round(Math.abs(points));
  return magnitude === 0 ? 0 : Math.sign(points) * magnitude;
}

/** "+23" / "−12" as plain text (U+2212 for the eye), for places where markup cannot go (SVG titles, attributes). */
export function signedText(value: number, f: Numbers, minus = '\u2212'): string {
  const digits = f.whole(Math.abs(value));
  return value > 0 ? `+${digits}` : value < 0 ? `${minus}${digits}` : digits;
}

/**
 * "+23" / "−12" with a real minus sign for the eye; screen readers get "-12" instead, which
 * they read as "minus 12" in the listener's own language (U+2212 is read inconsistently).
 */
export function Signed({ value, f }: { value: number; f: Numbers }) {
  return (
    <>
      <span aria-hidden="true">{signedText(value, f)}</span>
      <span class="sr">{signedText(value, f, '-')}</span>
    </>
  );
}

export function Interval({ interval: [low, high], f }: { interval: readonly [number, number]; f: Numbers }) {
  return (
    <>
      <Signed value={wholePoints(low)} f={f} /> to <Signed value={wholePoints(high)} f={f} />
    </>
  );
}
