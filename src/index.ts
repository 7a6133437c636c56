/** The ESM package. Nothing here touches `window` or `document` at import time. */
import type { NpsOptions } from './core/options.js';
import { loadPackagedLocale } from './locales.js';
import { pickLocale } from './core/locale.js';
import { type NpsWidget, createWidget } from './widget.js';

export type { NpsWidget };

/** The package's door: locale tables come as chunks of the package, loaded when needed. */
export function createNpsWidget(options: NpsOptions): NpsWidget {
  return createWidget(options, {
    pickLocale: async (...wanted) => pickLocale(...wanted),
    loadLocale: loadPackagedLocale,
    extras: () => import('./extras.js'),
  });
}
export type { NpsOptions, Config, ShowOptions, Placement } from './core/options.js';
export type { LocaleTable, LocaleStrings } from './core/locale.js';
export { LOCALES } from './core/locale.js';
export type { EventName, EventMap, ShowEvent, DismissEvent, DeliveryEvent } from './events.js';
export { calculateNps, compareNps, responsesNeeded } from './core/nps.js';
export type { NpsInput, NpsResult } from './core/nps.js';
export { categoryOf, type Category } from './core/category.js';
export { validateResponse, isNewerState } from './core/payload.js';
export type { NpsResponse, FlatRecord, Kind, SurveyType, ValidationResult } from './core/payload.js';
export { CONTENT_TYPE } from './delivery/send.js';
export { mountNpsPreview } from './preview.js';
export type { NpsPreview, NpsPreviewInput, NpsPreviewOptions } from './preview.js';
export { Preview } from './ui/Preview.js';
export { defineSurveyElement, ELEMENT_NAME } from './dom/element.js';
export { Results } from './ui/Results.js';
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
