/** How error messages (options, calculator) show the value they refuse. */

/** Shows a value in an error message without dumping a whole object or a huge string. */
export function showValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  // JSON would write NaN and Infinity as null. (Undefined it does not write at all: String below.)
  if (typeof value === 'number') return String(value);
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
