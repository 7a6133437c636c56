/**
 * `nps-widget/results`: what reading results needs, for the people who read them: the
 * calculator, the results preview, and the pure aggregation of received responses or a
 * receiver's tallies (DOM-free but for the preview, which touches the page only when mounted).
 * The main entry re-exports all of it, so `import { calculateNps } from 'nps-widget'` works too.
 */
export { calculateNps, compareNps, responsesNeeded } from './core/nps.js';
export type { NpsInput, NpsResult } from './core/nps.js';
export { categoryOf, type Category } from './core/category.js';
export type { NpsResponse, FlatRecord, Kind, SurveyType } from './core/payload.js';
export { mountNpsPreview, Preview, Results } from './preview/index.js';
export type { NpsPreview, NpsPreviewInput, NpsPreviewOptions } from './preview/index.js';
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
