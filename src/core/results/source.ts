/**
 * What every results view is added up from: tallies by scale, local day and segment. Received
 * responses give one (aggregate.ts, which adds the records themselves); so does a receiver's
 * GET /results answer (tallies-source.ts). The views never know which.
 */
import type { Period } from './period.js';
import type { Scale } from './scale.js';
import type { Dimension } from './segment.js';
import type { Tally } from './tally.js';

export interface DayTallies {
  /** Local days ('YYYY-MM-DD') in order, each with its tally. */
  days: Array<[day: string, tally: Tally]>;
  /** Answers counted in the total but in no day (a record without a timestamp): in every total, in no period. */
  undated: Tally | null;
}

export interface TallySource {
  /** IANA zone the days are local to. */
  readonly timeZone: string;
  /** Scales with answers, standard first. */
  readonly scales: readonly Scale[];
  /** Periods a trend can be drawn by, finest first; empty when the tallies have no days. */
  readonly periods: readonly Period[];
  /** Dimensions the answers can be broken down by. */
  readonly dimensions: readonly Dimension[];
  /** Segment values along `dimension`, most answers first. */
  segments(dimension: Dimension): readonly string[];
  /** Whether `dimension` had more values than are named (the rest are pooled under one name). */
  capped(dimension: Dimension): boolean;
  /** Tallies on `scale`, of every answer or of one segment. */
  tallies(scale: Scale, segment?: { dimension: Dimension; value: string } | null): DayTallies;
}
