/**
 * The ESM package. Nothing here touches `window` or `document` at import time. A bundle that
 * uses createNpsWidget carries the loader; the survey, the anchored positioning, the extras
 * and the languages are chunks behind import(), which bundlers split out.
 */
import { type NpsWidget, PREFIX } from './core/api.js';
import type { NpsOptions } from './core/options.js';
import { type Door, once } from './loader/door.js';
import { createWidget, inertWidget } from './loader/widget.js';

export type { NpsWidget };

/** The package's door: every part a chunk of the package, loaded when needed. */
const door: Door = {
  survey: /* @__PURE__ */ once(() => import('./survey/index.js')),
  anchored: /* @__PURE__ */ once(() => import('./survey/anchored.js')),
  extras: /* @__PURE__ */ once(() => import('./survey/extras.js')),
  localesFolder: null,
  packagedLocales: () => import('./survey/packaged-locales.js'),
};

/** Whether the server-side warning was given: once a process, not once a rendered page. */
let warnedNoPage = false;

/** The package may be imported where there is no page (server rendering): there it gives a widget that does nothing. */
export function createNpsWidget(options: NpsOptions): NpsWidget {
  if (typeof document === 'undefined') {
    if (!warnedNoPage) console.warn(`${PREFIX} createNpsWidget does nothing without a browser page (server rendering); said once per process.`);
    warnedNoPage = true;
    return inertWidget;
  }
  return createWidget(options, door);
}
export type { NpsOptions, Config, ShowOptions, Placement } from './core/options.js';
export type { LocaleTable, LocaleStrings } from './core/locale.js';
export { LOCALES } from './core/locale.js';
export type { EventName, EventMap, ShowEvent, DismissEvent, DeliveryEvent } from './core/events.js';
export { calculateNps, compareNps, responsesNeeded } from './core/nps.js';
export type { NpsInput, NpsResult } from './core/nps.js';
export { categoryOf, type Category } from './core/category.js';
export { isNewerState } from './core/payload.js';
export { validateResponse, type ValidationResult } from './core/validate.js';
export type { NpsResponse, FlatRecord, Kind, SurveyType } from './core/payload.js';
export { CONTENT_TYPE } from './delivery/send.js';
export { mountNpsPreview, Preview, Results } from './preview/index.js';
export type { NpsPreview, NpsPreviewInput, NpsPreviewOptions } from './preview/index.js';
export { defineSurveyElement, ELEMENT_NAME, type NpsSurveyElement } from './dom/element.js';
// Results, pure and DOM-free: aggregate received responses once, then add up any view.
export { aggregateResults, createAggregator, OTHER_VALUES } from './core/results/aggregate.js';
export type { AggregateOptions, Aggregator, ResultsAggregate } from './core/results/aggregate.js';
export type { DayTallies, TallySource } from './core/results/source.js';
export { createBucketer, daysOfPeriod, nextPeriod, periodOfDay, periodsFrom, PERIODS, type Period } from './core/results/period.js';
export type { ResultRecord } from './core/results/record.js';
export { SCALES, type Scale } from './core/results/scale.js';
export { NO_VALUE, type Dimension } from './core/results/segment.js';
export { tallyResult, type Tally } from './core/results/tally.js';
export { pooledTally, trendOf, type TrendPoint } from './core/results/trend.js';
export { changeBetween, SIGNIFICANCE_LEVEL, type Change } from './core/results/significance.js';
export { moreResponses, type MoreResponses } from './core/results/sample-size.js';
export { formatCsv, parseCsv } from './core/results/csv.js';
export { recordsFromCsv, recordsToCsv } from './core/results/records-csv.js';
export { aggregateToCsv } from './core/results/table-csv.js';
export { readPastedResults, type Pasted } from './core/results/paste.js';
// A receiver's GET /results answer: its type, and the source the views draw it from.
export type { ResultsTallies, TallyCounts, TallyGrouping, TimeGrouping } from './core/results/tallies.js';
export { talliesSource, UNGROUPED, type TalliesSource } from './core/results/tallies-source.js';
