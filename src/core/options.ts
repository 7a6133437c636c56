/**
 * Every option the widget takes: its type, what is allowed and its default, in one table.
 * Validation, defaults and the script tag's data attributes are all derived from it.
 * Pure: the page's URL is passed in.
 */
import { type FlatRecord, type Kind, type PageUrlMode, isFlatRecord } from './payload.js';
import { parseColor } from './contrast.js';
import { type LocaleStrings, type StringKey, STRING_KEYS } from './locale.js';

/** `{ fi: { thankYou: 'Kiitos!' } }`: known keys only, every value a string. */
function isStringsOverride(value: unknown): value is Record<string, Partial<LocaleStrings>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (table) =>
      typeof table === 'object' &&
      table !== null &&
      Object.entries(table).every(([key, text]) => STRING_KEYS.includes(key as StringKey) && typeof text === 'string'),
  );
}

type Rule =
  | { type: 'string'; allowEmpty?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'number'; min: number; max: number; integer?: boolean }
  | { type: 'boolean' }
  | { type: 'record' }
  | { type: 'element' }
  | { type: 'color' }
  | { type: 'strings' }
  | { type: 'endpoint' };

export const PLACEMENTS = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-bar', 'modal', 'inline'] as const;
export type Placement = (typeof PLACEMENTS)[number];

const string = { type: 'string' } as const;
const text = { type: 'string', allowEmpty: true } as const;

/** The option table. Wording options are optional: the locale's text is used when absent. */
const RULES = {
  endpoint: { type: 'endpoint' },
  brand: text,
  kind: { type: 'enum', values: ['nps', 'enps'] },
  surveyId: string,
  show: { type: 'enum', values: ['auto', 'manual'] },
  placement: { type: 'enum', values: PLACEMENTS },
  container: { type: 'element' },
  sampleRate: { type: 'number', min: 0, max: 1 },
  delaySeconds: { type: 'number', min: 0, max: 86_400 },
  scrollPercent: { type: 'number', min: 1, max: 100 },
  exitIntent: { type: 'boolean' },
  resurveyDays: { type: 'number', min: 0, max: 3650 },
  dismissCooldownDays: { type: 'number', min: 0, max: 3650 },
  maxAsks: { type: 'number', min: 1, max: 1000, integer: true },
  firstSurveyDelayDays: { type: 'number', min: 0, max: 3650 },
  quietPeriodDays: { type: 'number', min: 0, max: 3650 },
  locale: string,
  strings: { type: 'strings' },
  localesUrl: string,
  theme: { type: 'enum', values: ['light', 'dark', 'auto'] },
  accentColor: { type: 'color' },
  question: string,
  followUp: string,
  followUpDetractor: string,
  followUpPassive: string,
  followUpPromoter: string,
  lowLabel: string,
  highLabel: string,
  placeholder: text,
  submitLabel: string,
  thankYou: string,
  closeLabel: string,
  autoCloseSeconds: { type: 'number', min: 0, max: 600 },
  commentMaxLength: { type: 'number', min: 1, max: 10_000, integer: true },
  user: { type: 'record' },
  metadata: { type: 'record' },
  nonce: string,
  zIndex: { type: 'number', min: -2_147_483_647, max: 2_147_483_647, integer: true },
  credentials: { type: 'enum', values: ['omit', 'same-origin', 'include'] },
  pageUrl: { type: 'enum', values: ['path', 'full', 'none'] },
  requestTimeoutSeconds: { type: 'number', min: 1, max: 120 },
  outboxMaxAgeDays: { type: 'number', min: 0.001, max: 365 },
  outboxMaxEntries: { type: 'number', min: 1, max: 1000, integer: true },
  debug: { type: 'boolean' },
} as const satisfies Record<string, Rule>;

export type OptionName = keyof typeof RULES;

/** Every option name (the README test checks each is documented). Pure, so bundles that do not use it drop it. */
export const OPTION_NAMES = /* @__PURE__ */ Object.keys(RULES) as OptionName[];

export interface Config {
  endpoint: string;
  brand: string;
  kind: Kind;
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

const DEFAULTS: Omit<Config, 'endpoint'> = {
  brand: '',
  kind: 'nps',
  surveyId: 'nps',
  show: 'auto',
  placement: 'bottom-right',
  container: null,
  sampleRate: 1,
  delaySeconds: 0,
  scrollPercent: null,
  exitIntent: false,
  resurveyDays: 90,
  dismissCooldownDays: 30,
  maxAsks: 3,
  firstSurveyDelayDays: 0,
  quietPeriodDays: 0,
  locale: null,
  strings: {},
  localesUrl: null,
  theme: 'light',
  accentColor: null,
  autoCloseSeconds: 4,
  commentMaxLength: 2000,
  user: null,
  metadata: {},
  // Just under the 32-bit maximum, so a site can still put a cookie banner above it.
  zIndex: 2_147_483_000,
  // No cookies go to the endpoint unless the site asks: answers are not tied to sessions.
  credentials: 'omit',
  pageUrl: 'path',
  requestTimeoutSeconds: 10,
  outboxMaxAgeDays: 7,
  outboxMaxEntries: 100,
  debug: false,
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why an endpoint is unacceptable, or null when it is fine. Relative URLs stay same-origin. */
function endpointProblem(value: string, baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return 'a URL';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (LOOPBACK_HOSTS.has(url.hostname) || url.origin === new URL(baseUrl).origin)) {
    return null;
  }
  return 'an https: URL, a same-origin path, or http: on localhost';
}

/** What a rule allows, in words, for error messages. */
function describe(rule: Rule): string {
  switch (rule.type) {
    case 'string':
      return rule.allowEmpty ? 'a string' : 'a non-empty string';
    case 'enum':
      return rule.values.map((v) => JSON.stringify(v)).join(' or ');
    case 'number':
      return `${rule.integer ? 'an integer' : 'a number'} from ${rule.min} to ${rule.max}`;
    case 'boolean':
      return 'true or false';
    case 'record':
      return 'a flat object of string, number or boolean values (at most 50 keys, values up to 1000 characters)';
    case 'element':
      return 'an Element or a CSS selector';
    case 'color':
      return 'a colour as #rgb, #rrggbb or rgb(r, g, b)';
    case 'strings':
      return `an object of locale tags to objects of wording (${STRING_KEYS.join(', ')})`;
    case 'endpoint':
      return 'an https: URL, a same-origin path, or http: on localhost';
  }
}

function check(rule: Rule, value: unknown, baseUrl: string): string | null {
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' && (rule.allowEmpty || value.trim() !== '') ? null : describe(rule);
    case 'enum':
      return rule.values.includes(value as string) ? null : describe(rule);
    case 'number':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= rule.min &&
        value <= rule.max &&
        (!rule.integer || Number.isInteger(value))
        ? null
        : describe(rule);
    case 'boolean':
      return typeof value === 'boolean' ? null : describe(rule);
    case 'record':
      return isFlatRecord(value) ? null : describe(rule);
    case 'element':
      return isElement(value) || (typeof value === 'string' && value.trim() !== '') ? null : describe(rule);
    case 'color':
      return typeof value === 'string' && parseColor(value) ? null : describe(rule);
    case 'strings':
      return isStringsOverride(value) ? null : describe(rule);
    case 'endpoint':
      return typeof value === 'string' && value.trim() !== '' ? endpointProblem(value.trim(), baseUrl) : describe(rule);
  }
}

/** Shows a value in an error message without dumping a whole object or a huge string. */
export function showValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

export interface Parsed<T> {
  value: T | null;
  errors: string[];
  warnings: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks `input` against a table of rules, over `defaults`. Any error means no value (nothing
 * should run half-configured); unknown names only warn, so a typo is visible but not fatal.
 */
function checkTable<T>(
  rules: Record<string, Rule>,
  defaults: T,
  input: Record<string, unknown>,
  label: string,
  baseUrl: string,
): Parsed<T> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const value = { ...defaults } as Record<string, unknown>;
  for (const [name, given] of Object.entries(input)) {
    const rule = rules[name];
    if (!rule) warnings.push(`unknown ${label} "${name}" is ignored`);
    else if (given === undefined) continue;
    else if (rule.type === 'record' && given === null) value[name] = (defaults as Record<string, unknown>)[name];
    else {
      const allowed = check(rule, given, baseUrl);
      if (allowed) errors.push(`${label} "${name}" is ${showValue(given)}; allowed: ${allowed}`);
      else value[name] = typeof given === 'string' && rule.type !== 'string' ? given.trim() : given;
    }
  }
  return { value: errors.length ? null : (value as T), errors, warnings };
}

/** Checks the options given to `createNpsWidget` / `init` against the option table. */
export function parseOptions(input: unknown, baseUrl: string): Parsed<Config> {
  if (!isPlainObject(input)) {
    return { value: null, errors: [`options must be an object with at least "endpoint"; got ${showValue(input)}`], warnings: [] };
  }
  const parsed = checkTable(RULES, DEFAULTS as Config, input, 'option', baseUrl);
  const missing = (name: string, needs: string) => {
    parsed.errors.push(`option "${name}" is missing; ${needs}`);
    parsed.value = null;
  };
  if (input['endpoint'] === undefined) missing('endpoint', `allowed: ${describe(RULES.endpoint)}`);
  if (input['placement'] === 'inline' && !input['container']) missing('container', `placement "inline" needs ${describe(RULES.container)}`);
  return parsed;
}

/**
 * The script tag's options: each `data-*` attribute whose option is a string, number or
 * boolean (`data-resurvey-days` arrives as dataset.resurveyDays). Values are converted by the
 * option's type; what does not convert is passed on as text so validation names it.
 */
export function optionsFromDataset(dataset: Record<string, string | undefined>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(dataset)) {
    if (raw === undefined) continue;
    const rule: Rule | undefined = (RULES as Record<string, Rule>)[name];
    if (rule?.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) options[name] = Number(raw);
    else if (rule?.type === 'boolean' && (raw === '' || raw === 'true' || raw === 'false')) options[name] = raw !== 'false';
    else options[name] = raw; // objects cannot be attributes: validation will say so
  }
  return options;
}

export interface ShowOptions {
  touchpoint: string | null;
  anchor: Element | string | null;
  metadata: FlatRecord;
  force: boolean;
}

const isElement = (v: unknown): v is Element =>
  typeof v === 'object' && v !== null && (v as Node).nodeType === 1 && typeof (v as Element).getBoundingClientRect === 'function';

const SHOW_RULES: Record<keyof ShowOptions, Rule> = { touchpoint: string, anchor: RULES.container, metadata: RULES.metadata, force: RULES.exitIntent };
const SHOW_DEFAULTS: ShowOptions = { touchpoint: null, anchor: null, metadata: {}, force: false };

/** Checks the options of one `show` call (contract section 3). */
export function parseShowOptions(input: unknown): Parsed<ShowOptions> {
  if (input === undefined || input === null) return { value: SHOW_DEFAULTS, errors: [], warnings: [] };
  if (!isPlainObject(input)) return { value: null, errors: [`show options must be an object; got ${showValue(input)}`], warnings: [] };
  return checkTable(SHOW_RULES, SHOW_DEFAULTS, input, 'show option', '');
}

/** Checks what `identify(user)` receives: the same rule as the `user` option. */
export function parseUser(input: unknown): Parsed<FlatRecord | null> {
  if (input === null) return { value: null, errors: [], warnings: [] };
  return isFlatRecord(input)
    ? { value: input, errors: [], warnings: [] }
    : { value: null, errors: [`identify(user): user is ${showValue(input)}; allowed: null or ${describe(RULES.user)}`], warnings: [] };
}
