/**
 * Every option the widget takes: its type, what is allowed and its default, in one table.
 * Validation, defaults and the script tag's data attributes are all derived from it.
 * Pure: the page's URL is passed in.
 */
import { type FlatRecord, type Kind, type PageUrlMode, isFlatRecord } from './payload.js';
import { parseColor } from './contrast.js';
import { showValue } from './show-value.js';
import { type LocaleStrings, type StringKey, STRING_KEYS } from './locale.js';
import { SCALES, type Scale, thresholdsProblem } from './scale.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ fi: { thankYou: 'Kiitos!' } }`: known keys only, every value a string. */
function isStringsOverride(value: unknown): value is Record<string, Partial<LocaleStrings>> {
  return isPlainObject(value) && Object.values(value).every(
    (table) =>
      typeof table === 'object' &&
      table !== null &&
      Object.entries(table).every(([key, text]) => STRING_KEYS.includes(key as StringKey) && typeof text === 'string'),
  );
}

/**
 * One option's rule: what it allows, in words for error messages, the test, the default, and
 * how a data attribute's text becomes its value (numbers and booleans only).
 */
interface Rule {
  allowed: string;
  test: (value: unknown, baseUrl: string) => boolean;
  value?: unknown;
  fromText?: (raw: string) => unknown;
  /** Kept trimmed (URLs, selectors, colours); wording keeps its spaces. */
  trim?: boolean;
}

export const PLACEMENTS = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-bar', 'modal', 'inline'] as const;
export type Placement = (typeof PLACEMENTS)[number];

const isText = (v: unknown): v is string => typeof v === 'string';
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
const text = (value?: string | null, blank = false): Rule => ({
  allowed: blank ? 'a string' : 'a non-empty string',
  test: blank ? isText : isFilled,
  value,
});
const oneOf = (values: readonly string[]): Rule => ({
  allowed: values.map((v) => JSON.stringify(v)).join(' or '),
  test: (v) => values.includes(v as string),
  value: values[0],
});
const number = (min: number, max: number, value?: number | null, integer = false): Rule => ({
  allowed: `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
  // NaN fails both comparisons and the bounds are finite, so no separate finiteness check.
  test: (v) => typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)),
  value,
  fromText: (raw) => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw),
});
const integer = (min: number, max: number, value: number) => number(min, max, value, true);
const boolean = (value: boolean): Rule => ({
  allowed: 'true or false',
  test: (v) => typeof v === 'boolean',
  value,
  // A bare attribute (data-debug) means true.
  fromText: (raw) => (raw === '' || raw === 'true' ? true : raw === 'false' ? false : raw),
});
const record = (value: FlatRecord | null): Rule => ({
  allowed: 'a flat object of string, number or boolean values (at most 50 keys, values up to 1000 characters)',
  test: isFlatRecord,
  value,
});
const element: Rule = { allowed: 'an Element or a CSS selector', test: (v) => isElement(v) || isFilled(v), value: null, trim: true };
const days = (value: number) => number(0, 3650, value);
const threshold = number(1, 10, null, true);
const url = (allowed: string): Rule => ({ allowed, test: isEndpoint, value: null, trim: true });

/** The option table. Wording options have no default: the locale's text is used when absent. */
const RULES = {
  endpoint: url('an https: URL, a same-origin path, or http: on localhost'),
  brand: text('', true),
  kind: oneOf(['nps', 'enps']),
  scale: oneOf(SCALES),
  promoterMin: threshold,
  passiveMin: threshold,
  surveyId: text('nps'),
  show: oneOf(['auto', 'manual']),
  placement: oneOf(PLACEMENTS),
  container: element,
  sampleRate: number(0, 1, 1),
  delaySeconds: number(0, 86_400, 0),
  scrollPercent: number(1, 100, null),
  exitIntent: boolean(false),
  resurveyDays: days(90),
  dismissCooldownDays: days(30),
  maxAsks: integer(1, 1000, 3),
  firstSurveyDelayDays: days(0),
  quietPeriodDays: days(0),
  locale: text(null),
  strings: {
    allowed: `an object of locale tags to objects of wording (${STRING_KEYS.join(', ')})`,
    test: isStringsOverride,
    value: {},
  },
  localesUrl: text(null),
  theme: oneOf(['light', 'dark', 'auto']),
  accentColor: { allowed: 'a colour as #rgb, #rrggbb or rgb(r, g, b)', test: (v) => isText(v) && parseColor(v) !== null, value: null, trim: true },
  question: text(),
  followUp: text(),
  followUpDetractor: text(),
  followUpPassive: text(),
  followUpPromoter: text(),
  lowLabel: text(),
  highLabel: text(),
  placeholder: text(undefined, true),
  submitLabel: text(),
  thankYou: text(),
  closeLabel: text(),
  askConsent: boolean(false),
  consentQuestion: text(),
  // Where {score} may go is the README's to say; the error names what kind of URL is allowed.
  promoterLink: url('an https: URL, a same-origin path, or http: on localhost'),
  promoterLinkText: text(),
  autoCloseSeconds: number(0, 600, 4),
  commentMaxLength: integer(1, 10_000, 2000),
  user: record(null),
  metadata: record({}),
  nonce: text(),
  // Just under the 32-bit maximum, so a site can still put a cookie banner above it.
  zIndex: integer(-2_147_483_647, 2_147_483_647, 2_147_483_000),
  // No cookies go to the endpoint unless the site asks: answers are not tied to sessions.
  credentials: oneOf(['omit', 'same-origin', 'include']),
  pageUrl: oneOf(['path', 'full', 'none']),
  requestTimeoutSeconds: number(1, 120, 10),
  outboxMaxAgeDays: number(0.001, 365, 7),
  outboxMaxEntries: integer(1, 1000, 100),
  debug: boolean(false),
} satisfies Record<string, Rule>;

export type OptionName = keyof typeof RULES;

/** Every option name (the README test checks each is documented). Pure, so bundles that do not use it drop it. */
export const OPTION_NAMES = /* @__PURE__ */ Object.keys(RULES) as OptionName[];

export interface Config {
  endpoint: string;
  brand: string;
  kind: Kind;
  /** The answer scale: 0-10 (NPS) unless a legacy survey must be kept; others are non-standard NPS. */
  scale: Scale;
  /** Off 0-10: the lowest promoter and passive scores, when not the scale's defaults. */
  promoterMin: number | null;
  passiveMin: number | null;
  surveyId: string;
  show: 'auto' | 'manual';
  placement: Placement;
  /** Where `inline` renders: an element or a CSS selector. */
  container: Element | string | null;
  sampleRate: number;
  /** With `show: 'auto'`: seconds on the page before the survey may appear. */
  delaySeconds: number;
  /** With `show: 'auto'`: appear only once this share of the page was scrolled (or on exit intent). */
  scrollPercent: number | null;
  /** With `show: 'auto'`: appear when the pointer leaves the window towards the top (desktop). */
  exitIntent: boolean;
  resurveyDays: number;
  dismissCooldownDays: number;
  maxAsks: number;
  firstSurveyDelayDays: number;
  quietPeriodDays: number;
  /** The language to show; null picks from the page's `<html lang>` and the browser's languages. */
  locale: string | null;
  /** Wording per locale tag, over the built-in tables: `{ fi: { thankYou: 'Kiitos!' } }`. */
  strings: Record<string, Partial<LocaleStrings>>;
  /** Folder the locale files load from; by default the script's own folder (script tag) or the package (ESM). */
  localesUrl: string | null;
  theme: 'light' | 'dark' | 'auto';
  /** The colour of the selected choice and the submit button; its text colour is chosen for contrast. */
  accentColor: string | null;
  question?: string;
  followUp?: string;
  followUpDetractor?: string;
  followUpPassive?: string;
  followUpPromoter?: string;
  lowLabel?: string;
  highLabel?: string;
  placeholder?: string;
  submitLabel?: string;
  thankYou?: string;
  closeLabel?: string;
  /** After the reason, ask whether the site may contact the respondent (`consentToContact`). */
  askConsent: boolean;
  consentQuestion?: string;
  /** Shown to promoters with the thank-you (a review page, say); `{score}` in it is replaced by the score. */
  promoterLink: string | null;
  promoterLinkText?: string;
  /** Seconds the thank-you stays before the widget closes itself; 0 keeps it open. */
  autoCloseSeconds: number;
  commentMaxLength: number;
  user: FlatRecord | null;
  metadata: FlatRecord;
  nonce?: string;
  zIndex: number;
  credentials: RequestCredentials;
  /** What `pageUrl` reports: origin and path (default), the full URL, or nothing. */
  pageUrl: PageUrlMode;
  /** A request with no answer after this is abandoned and retried. */
  requestTimeoutSeconds: number;
  /** An undelivered response older than this is given up (with an `error` event). */
  outboxMaxAgeDays: number;
  /** At most this many undelivered responses are kept per survey; the oldest go first. */
  outboxMaxEntries: number;
  debug: boolean;
}

/** What a site owner passes: the endpoint and any subset of the rest. */
export type NpsOptions = Partial<Config> & { endpoint: string };

export interface Parsed<T> {
  value: T | null;
  errors: string[];
  warnings: string[];
}

/** The defaults a table's rules give. */
const defaultsOf = (rules: Record<string, Rule>) => Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, rule.value]));

/**
 * Checks `input` against a table of rules, over the table's defaults. Any error means no value
 * (nothing should run half-configured); unknown names only warn, so a typo is visible but not fatal.
 */
function checkTable<T>(rules: Record<string, Rule>, input: Record<string, unknown>, label: string, baseUrl: string): Parsed<T> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const value = defaultsOf(rules);
  for (const [name, given] of Object.entries(input)) {
    // Own keys only: an option named "constructor" or "toString" is unknown, not Object's.
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) warnings.push(`unknown ${label} "${name}" is ignored`);
    else if (given === undefined || (given === null && rule.test === isFlatRecord)) continue; // null user or metadata: none
    else if (!rule.test(given, baseUrl)) errors.push(`${label} "${name}" is ${showValue(given)}; allowed: ${rule.allowed}`);
    else value[name] = rule.trim && isText(given) ? given.trim() : given;
  }
  return { value: errors.length ? null : (value as T), errors, warnings };
}

/** Checks the options given to `createNpsWidget` / `init` against the option table. */
export function parseOptions(input: unknown, baseUrl: string): Parsed<Config> {
  if (!isPlainObject(input)) {
    return { value: null, errors: [`options must be an object with at least "endpoint"; got ${showValue(input)}`], warnings: [] };
  }
  const parsed = checkTable<Config>(RULES, input, 'option', baseUrl);
  const reject = (message: string) => {
    parsed.errors.push(message);
    parsed.value = null;
  };
  if (input['endpoint'] === undefined) reject(`option "endpoint" is missing; allowed: ${RULES.endpoint.allowed}`);
  if (input['placement'] === 'inline' && !input['container']) reject(`option "container" is missing; placement "inline" needs ${RULES.container.allowed}`);
  const problem = parsed.value && thresholdsProblem(parsed.value);
  if (problem) reject(`options "passiveMin" and "promoterMin": ${problem}`);
  return parsed;
}

/**
 * The script tag's options: each `data-*` attribute whose option is a string, number or
 * boolean (`data-resurvey-days` arrives as dataset.resurveyDays). Numbers and booleans are
 * converted by their rule; what does not convert is passed on as text so validation names it.
 */
export function optionsFromDataset(dataset: Record<string, string | undefined>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(dataset)) {
    if (raw !== undefined) options[name] = (RULES as Record<string, Rule>)[name]?.fromText?.(raw) ?? raw;
  }
  return options;
}

export interface ShowOptions {
  touchpoint: string | null;
  anchor: Element | string | null;
  metadata: FlatRecord;
  force: boolean;
}

const SHOW_RULES: Record<keyof ShowOptions, Rule> = { touchpoint: text(null), anchor: element, metadata: RULES.metadata, force: RULES.exitIntent };

/** Checks the options of one `show` call (contract section 3). */
export function parseShowOptions(input: unknown): Parsed<ShowOptions> {
  if (!isPlainObject(input ?? {})) return { value: null, errors: [`show options must be an object; got ${showValue(input)}`], warnings: [] };
  return checkTable(SHOW_RULES, (input ?? {}) as Record<string, unknown>, 'show option', '');
}

/** Checks what `identify(user)` receives: the same rule as the `user` option. */
export function parseUser(input: unknown): Parsed<FlatRecord | null> {
  if (input === null) return { value: null, errors: [], warnings: [] };
  return isFlatRecord(input)
    ? { value: input, errors: [], warnings: [] }
    : { value: null, errors: [`identify(user): user is ${showValue(input)}; allowed: null or ${RULES.user.allowed}`], warnings: [] };
}
