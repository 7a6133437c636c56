/**
 * How the widget tells a page's developer about a problem: one console line, never a throw
 * into the page. Used on both sides of the seam, the loader and the survey.
 */
import { PREFIX } from './api.js';
import type { Parsed } from './options.js';

/** Logs a parse's problems (all errors in one message, as docs/options.md promises) and returns its value. */
export function report<T>(parsed: Parsed<T>, context: string): T | null {
  if (parsed.errors.length) console.error(`${PREFIX} ${context}: ${parsed.errors.join('; ')}.`);
  for (const warning of parsed.warnings) console.warn(`${PREFIX} ${warning}.`);
  return parsed.value;
}

/** Runs a public method or a UI callback so that nothing it does can throw into the host page. */
export function guard<A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      console.error(`${PREFIX} ${name}() failed:`, error);
      return fallback;
    }
  };
}

/** An error's message, whatever was thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
