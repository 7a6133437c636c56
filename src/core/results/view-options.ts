/**
 * The results preview's view options, checked: a bad one is named with what is allowed, so a
 * page shows one clear error instead of a wrong chart. The viewer's zone is passed in.
 */
import { checkTimeZone, PERIODS, type Period } from './period.js';
import { isDimension, type Dimension } from './segment.js';
import { isScale, SCALES, thresholdsProblem, type ScaleChoice } from '../scale.js';

export interface ResultsViewOptions extends ScaleChoice {
  /** IANA zone periods are local to; default the viewer's. */
  timeZone?: string;
  /** Default 'month'. */
  period?: Period;
  /** Default 'touchpoint'. */
  segmentBy?: Dimension;
  /** Margin of error (points) "how many more responses" aims at; default 5. */
  margin?: number;
  /** An industry score to compare with, -100..100; default none. */
  benchmark?: number | null;
  /** 'results' (default): everything; 'summary': the score card only. */
  view?: 'results' | 'summary';
}

export type CheckedViewOptions = Required<Omit<ResultsViewOptions, 'benchmark' | keyof ScaleChoice>> & {
  benchmark: number | null;
  /** The scale and thresholds raw scores and counts are read on (records carry their own). */
  scaleChoice: ScaleChoice;
};

const bad = (name: string, value: unknown, allowed: string) =>
  new RangeError(`option ${name} is ${JSON.stringify(value) ?? String(value)}; expected ${allowed}`);

export function checkViewOptions(options: ResultsViewOptions, viewerTimeZone: string): CheckedViewOptions {
  const { timeZone = viewerTimeZone, period = 'month', segmentBy = 'touchpoint', margin = 5, benchmark = null, view = 'results' } = options;
  if (typeof timeZone !== 'string') throw bad('timeZone', timeZone, 'an IANA time zone such as "Europe/Helsinki"');
  const zone = checkTimeZone(timeZone);
  if (!PERIODS.includes(period)) throw bad('period', period, PERIODS.map((p) => `"${p}"`).join(', '));
  if (!isDimension(segmentBy)) throw bad('segmentBy', segmentBy, '"touchpoint", "surveyType", "locale", "kind" or "metadata.<key>"');
  if (typeof margin !== 'number' || !(margin > 0 && margin <= 100)) throw bad('margin', margin, 'a number of points above 0, up to 100');
  if (benchmark !== null && (typeof benchmark !== 'number' || !(benchmark >= -100 && benchmark <= 100)))
    throw bad('benchmark', benchmark, 'null or a score from -100 to 100');
  if (view !== 'results' && view !== 'summary') throw bad('view', view, '"results" or "summary"');
  const { scale, promoterMin, passiveMin } = options;
  if (scale !== undefined && !isScale(scale)) throw bad('scale', scale, SCALES.map((s) => `"${s}"`).join(', '));
  const scaleChoice = { scale, promoterMin, passiveMin };
  const problem = thresholdsProblem(scaleChoice);
  if (problem) throw new RangeError(`options passiveMin and promoterMin: ${problem}`);
  return { timeZone: zone, period, segmentBy, margin, benchmark, view, scaleChoice };
}
