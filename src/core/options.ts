/**
 * The widget's options: their types, and the loader's table (where answers go, who is asked
 * and when), which every page checks as the widget is created. The survey's own options are
 * checked by the survey as it loads (survey-options.ts); each option is in one table. The
 * script tag's data attributes, show() and identify() are checked here too.
 * Pure: the page's URL is passed in.
 */
import type { FlatRecord, Kind } from './payload.js';
import type { PageUrlMode } from './response.js';
import type { LocaleStrings } from './locale.js';
import type { Scale } from './scale.js';
import {
  type Parsed,
  type Rule,
  boolean,
  checkTable,
  days,
  element,
  fromText,
  integer,
  isPlainObject,
  number,
  oneOf,
  record,
  text,
  url,
} from './option-rules.js';
import { isFlatRecord } from './payload.js';
import { showValue } from './show-value.js';

export type { Parsed } from './option-rules.js';

export type Placement = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'bottom-bar' | 'modal' | 'inline';

/** The loader's table. */
export const LOADER_RULES = {
  endpoint: url('an https: URL, a same-origin path, or http: on localhost'),
  surveyId: text('nps'),
  show: oneOf(['auto', 'manual']),
  sampleRate: number(0, 1, 1),
  delaySeconds: number(0, 86_400, 0),
  scrollPercent: number(1, 100, null),
  exitIntent: boolean(false),
  resurveyDays: days(90),
  dismissCooldownDays: days(30),
  maxAsks: integer(1, 1000, 3),
  firstSurveyDelayDays: days(0),
  quietPeriodDays: days(0),
  user: record(null),
  // No cookies go to the endpoint unless the site asks: answers are not tied to sessions.
  credentials: oneOf(['omit', 'same-origin', 'include']),
  requestTimeoutSeconds: number(1, 120, 10),
  outboxMaxAgeDays: number(0.001, 365, 7),
  outboxMaxEntries: integer(1, 1000, 100),
  debug: boolean(false),
} satisfies Record<string, Rule>;

/** What the loader uses. */
export interface LoaderConfig {
  endpoint: string;
  surveyId: string;
  show: 'auto' | 'manual';
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
  user: FlatRecord | null;
  credentials: RequestCredentials;
  /** A request with no answer after this is abandoned and retried. */
  requestTimeoutSeconds: number;
  /** An undelivered response older than this is given up (with an `error` event). */
  outboxMaxAgeDays: number;
  /** At most this many undelivered responses are kept per survey; the oldest go first. */
  outboxMaxEntries: number;
  debug: boolean;
}

/** What only the survey uses. */
export interface SurveyConfig {
  brand: string;
  kind: Kind;
  /** The answer scale: 0-10 (NPS) unless a legacy survey must be kept; others are non-standard NPS. */
  scale: Scale;
  /** Off 0-10: the lowest promoter and passive scores, when not the scale's defaults. */
  promoterMin: number | null;
  passiveMin: number | null;
  placement: Placement;
  /** Where `inline` renders: an element or a CSS selector. */
  container: Element | string | null;
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
  metadata: FlatRecord;
  nonce?: string;
  zIndex: number;
  /** What `pageUrl` reports: origin and path (default), the full URL, or nothing. */
  pageUrl: PageUrlMode;
  /**
   * Send no `user` and no `pageUrl` with the answers. Null (the default) means true for
   * `kind: 'enps'` and false for NPS.
   */
  anonymous: boolean | null;
}

export type Config = LoaderConfig & SurveyConfig;

/** What a site owner passes: the endpoint and any subset of the rest. */
export type NpsOptions = Partial<Config> & { endpoint: string };

/** The options the loader leaves to the survey, as given, and whether they came as text (data attributes). */
export interface SurveyOptions {
  given: Record<string, unknown>;
  asText: boolean;
}

/**
 * Marks options that came as text (a script tag's data attributes, `<nps-survey>`'s
 * attributes): the survey converts its own numbers and booleans from text when it loads. A
 * symbol, so it survives an object spread and is never taken for an option.
 */
const AS_TEXT = Symbol('as text');

/** Checks what `createNpsWidget` / `init` got against the loader's table; the rest waits for the survey. */
export function parseLoaderOptions(input: unknown, baseUrl: string): Parsed<LoaderConfig & { survey: SurveyOptions }> {
  if (!isPlainObject(input)) {
    return { value: null, errors: [`options must be an object with at least "endpoint"; got ${showValue(input)}`], warnings: [] };
  }
  const own: Record<string, unknown> = {};
  const given: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) (Object.hasOwn(LOADER_RULES, name) ? own : given)[name] = value;
  const parsed = checkTable<LoaderConfig>(LOADER_RULES, own, 'option', baseUrl);
  if (input['endpoint'] === undefined) {
    parsed.errors.push(`option "endpoint" is missing; allowed: ${LOADER_RULES.endpoint.allowed}`);
    parsed.value = null;
  }
  return { ...parsed, value: parsed.value && { ...parsed.value, survey: { given, asText: (input as { [AS_TEXT]?: true })[AS_TEXT] === true } } };
}

/**
 * The script tag's options: each `data-*` attribute whose option is a string, number or
 * boolean (`data-resurvey-days` arrives as dataset.resurveyDays). The loader's numbers and
 * booleans are converted by their rule now, the survey's when it loads; what does not convert
 * is passed on as text so validation names it.
 */
export function optionsFromDataset(dataset: Record<string, string | undefined>): Record<string, unknown> {
  const options: Record<string, unknown> & { [AS_TEXT]?: true } = { [AS_TEXT]: true };
  for (const [name, raw] of Object.entries(dataset)) {
    if (raw !== undefined) options[name] = fromText(LOADER_RULES, name, raw);
  }
  return options;
}

/** What `show()` takes: any of these, or none. */
export interface ShowOptions {
  /** Makes the survey transactional, for this touchpoint (`checkout`). */
  touchpoint?: string | null;
  /** The element (or CSS selector) to show next to; null or absent: the `placement`. */
  anchor?: Element | string | null;
  /** Merged over the `metadata` option for this answer. */
  metadata?: FlatRecord;
  /** Skips the eligibility rules, for testing. */
  force?: boolean;
}

/** One `show` call's options, checked: each has its value or its default. */
export type ShowConfig = Required<ShowOptions>;

const SHOW_RULES: Record<keyof ShowOptions, Rule> = { touchpoint: text(null), anchor: element, metadata: record({}), force: boolean(false) };

/** Checks the options of one `show` call (docs/options.md, "`show` options"). */
export function parseShowOptions(input: unknown): Parsed<ShowConfig> {
  if (!isPlainObject(input ?? {})) return { value: null, errors: [`show options must be an object; got ${showValue(input)}`], warnings: [] };
  return checkTable(SHOW_RULES, (input ?? {}) as Record<string, unknown>, 'show option', '');
}

/** Checks what `identify(user)` receives: the same rule as the `user` option. */
export function parseUser(input: unknown): Parsed<FlatRecord | null> {
  if (input === null) return { value: null, errors: [], warnings: [] };
  return isFlatRecord(input)
    ? { value: input, errors: [], warnings: [] }
    : { value: null, errors: [`identify(user): user is ${showValue(input)}; allowed: null or ${LOADER_RULES.user.allowed}`], warnings: [] };
}
