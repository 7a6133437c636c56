/**
 * How an option table is written and checked: the rule makers (text, a choice, a number in a
 * range...), each with the words an error uses for what it allows, and the check of an input
 * against a table. Pure: the page's URL is passed in. The tables are options.ts's (the
 * loader's) and survey-options.ts's (the survey's).
 */
import { type FlatRecord, isFlatRecord } from './payload.js';
import { showValue } from './show-value.js';

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One option's rule: what it allows, in words for error messages, the test, the default, and
 * how a data attribute's text becomes its value (numbers and booleans only).
 */
export interface Rule {
  allowed: string;
  test: (value: unknown, baseUrl: string) => boolean;
  value?: unknown;
  fromText?: (raw: string) => unknown;
  /** Kept trimmed (URLs, selectors, colours); wording keeps its spaces. */
  trim?: boolean;
}

export interface Parsed<T> {
  value: T | null;
  errors: string[];
  warnings: string[];
}

export const isText = (v: unknown): v is string => typeof v === 'string';
const isFilled = (v: unknown): v is string => isText(v) && v.trim() !== '';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** https anywhere; plain http only to this machine or the page's own origin. Relative URLs stay same-origin. */
function isEndpoint(value: unknown, baseUrl: string): boolean {
  if (!isFilled(value)) return false;
  try {
    const url = new URL(value.trim(), baseUrl);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_HOSTS.includes(url.hostname) || url.origin === new URL(baseUrl).origin));
  } catch {
    return false;
  }
}

const isElement = (v: unknown): v is Element =>
  typeof v === 'object' && v !== null && (v as Node).nodeType === 1 && typeof (v as Element).getBoundingClientRect === 'function';

/** Wording (the locale's text when absent); `blank` allows an empty string, e.g. for no placeholder. */
export const text = (value?: string | null, blank = false): Rule => ({
  allowed: blank ? 'a string' : 'a non-empty string',
  test: blank ? isText : isFilled,
  value,
});
export const oneOf = (values: readonly string[]): Rule => ({
  allowed: values.map((v) => JSON.stringify(v)).join(' or '),
  test: (v) => values.includes(v as string),
  value: values[0],
});
export const number = (min: number, max: number, value?: number | null, integer = false): Rule => ({
  allowed: `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
  // NaN fails both comparisons and the bounds are finite, so no separate finiteness check.
  test: (v) => typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)),
  value,
  fromText: (raw) => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw),
});
export const integer = (min: number, max: number, value: number) => number(min, max, value, true);
export const boolean = (value: boolean): Rule => ({
  allowed: 'true or false',
  test: (v) => typeof v === 'boolean',
  value,
  // A bare attribute (data-debug) means true.
  fromText: (raw) => (raw === '' || raw === 'true' ? true : raw === 'false' ? false : raw),
});
export const record = (value: FlatRecord | null): Rule => ({
  allowed: 'a flat object of string, number or boolean values (at most 50 keys, values up to 1000 characters)',
  test: isFlatRecord,
  value,
});
export const element: Rule = { allowed: 'an Element or a CSS selector', test: (v) => isElement(v) || isFilled(v), value: null, trim: true };
export const days = (value: number) => number(0, 3650, value);
export const url = (allowed: string): Rule => ({ allowed, test: isEndpoint, value: null, trim: true });

/** The defaults a table's rules give. */
const defaultsOf = (rules: Record<string, Rule>) => Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, rule.value]));

/**
 * Checks `input` against a table of rules, over the table's defaults. Any error means no value
 * (nothing should run half-configured); unknown names only warn, so a typo is visible but not fatal.
 */
export function checkTable<T>(rules: Record<string, Rule>, input: Record<string, unknown>, label: string, baseUrl: string): Parsed<T> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const value = defaultsOf(rules);
  for (const [name, given] of Object.entries(input)) {
    // Own keys only: an option named "constructor" or "toString" is unknown, not Object's.
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) warnings.push(`unknown ${label} "${name}" is ignored`);
    else if (given === undefined || (given === null && rule.test === isFlatRecord))
      continue; // null user or metadata: none
    else if (!rule.test(given, baseUrl)) errors.push(`${label} "${name}" is ${showValue(given)}; allowed: ${rule.allowed}`);
    else value[name] = rule.trim && isText(given) ? given.trim() : given;
  }
  return { value: errors.length ? null : (value as T), errors, warnings };
}

/** A data attribute's text as its option's value: numbers and booleans converted by their rule, anything else as it is. */
export const fromText = (rules: Record<string, Rule>, name: string, raw: unknown) =>
  (typeof raw === 'string' && Object.hasOwn(rules, name) ? rules[name]?.fromText?.(raw) : undefined) ?? raw;

/**
 * The makers and the check, as one object the loader lends the survey (SurveyHost.options):
 * the survey file writes its table with them instead of carrying a second copy (about 0.5 KB
 * gzip of every shown survey). Tools and tests pass it to the survey's table themselves.
 */
export const OPTION_RULES = { text, oneOf, number, integer, boolean, record, element, url, isText, isPlainObject, checkTable, fromText };
export type OptionRules = typeof OPTION_RULES;
