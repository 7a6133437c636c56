/**
 * The seam between the loader (every page runs it) and the survey (loaded when one shows):
 * what the loader hands a survey, and what a survey file gives back. Types only, so the
 * loader knows the survey's shape without carrying its code.
 */
import type { DebugLog } from '../core/debug-lines.js';
import type { EventMap, EventName } from '../core/events.js';
import type { OptionRules } from '../core/option-rules.js';
import type { Config, LoaderConfig, ShowConfig, SurveyOptions } from '../core/options.js';
import type { FlatRecord } from '../core/payload.js';
import type { Courier } from '../delivery/courier.js';

export type ExtrasModule = typeof import('./extras.js');
export type AnchoredModule = typeof import('./anchored.js');
export type PackagedLocales = typeof import('./packaged-locales.js');

/**
 * What the loader lends a survey file of its own (dist/nps-widget-survey.js), which borrows it
 * instead of carrying a second copy: the pieces of the core that both sides use and the loader
 * holds anyway (its calculator and its courier need them). A list, not an object: names would
 * be bytes in both files. Filled in loader/lent.ts, read in survey/borrowed.ts.
 */
type Core = typeof import('../core/report.js') & typeof import('../core/scale.js') & typeof import('../core/category.js') & typeof import('../core/payload.js');
export type Lent = [
  report: Core['report'],
  guard: Core['guard'],
  messageOf: Core['messageOf'],
  SCALES: Core['SCALES'],
  scaleRange: Core['scaleRange'],
  thresholdsOf: Core['thresholdsOf'],
  thresholdsProblem: Core['thresholdsProblem'],
  categoryOf: Core['categoryOf'],
  NPS_THRESHOLDS: Core['NPS_THRESHOLDS'],
  MAX_SCORE: Core['MAX_SCORE'],
  toPayload: Core['toPayload'],
];

/** Where the parts a survey may need come from. Each loads once, and again after a failure. */
export interface SurveyParts {
  /** The folder of `match.js` and the locale tables (the script tag's: `locales/` beside it). */
  localesFolder: string | null;
  /** The package's own locale chunks, where there is no folder. */
  packagedLocales?: () => Promise<PackagedLocales>;
  extras(): Promise<ExtrasModule>;
  anchored(): Promise<AnchoredModule>;
  /** The loader's own core, for a survey that is a file of its own (the script tag's door); elsewhere the survey shares the bundle's modules. */
  lent?: Lent;
}

/** What the loader keeps for a survey: its configuration, the courier, the events and the rules' memory. */
export interface SurveyHost {
  /** The loader's options, checked; the survey's own, as given (the survey checks them as it loads). */
  config: LoaderConfig & { survey: SurveyOptions };
  /** How options are checked: the loader's own rule makers, lent so that the survey file carries no second copy. */
  options: OptionRules;
  parts: SurveyParts;
  /** Who answers: the `user` option, or what `identify` set since. */
  user(): FlatRecord | null;
  /** The page's courier: a survey queues its responses with delivery/queue.ts, by its options. */
  courier: Courier;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  debug: DebugLog;
  /** Tells the eligibility rules' memory what a showing did: shown, first score, dismissed (loader/rules.ts keeps it). */
  remember(event: 'shown' | 'answered' | 'dismissed'): void;
  /** Reports a part that failed to load and what follows (one console error naming its URL, an `error` event). */
  failed(error: unknown, consequence: string): void;
}

/** A survey on screen. */
export interface Showing {
  /** Closes it without counting a dismissal (`hide`, `destroy`). */
  close(): void;
}

/** One widget's survey: it keeps the wording and the extras between showings. */
export interface Survey {
  /**
   * Shows the survey once its wording (and any extras and positioning it needs) is in; null
   * when it cannot, or when it is no longer `wanted` by then (hidden meanwhile). `onClosed`
   * runs once it is gone.
   */
  open(options: ShowConfig, wanted: () => boolean, onClosed: () => void): Promise<Showing | null>;
}

/** The host as the survey's parts see it, once the survey checked its own options: every option. */
export type SurveyContext = Omit<SurveyHost, 'config'> & { config: Config };

/** What the survey's file gives the loader (survey/index.ts; each door checks its import against it). */
export interface SurveyModule {
  createSurvey(host: SurveyHost): Survey;
  /** The build it belongs to: the script tag's loader refuses a file of another build. */
  VERSION: string;
}
