/**
 * The tallies behind GET /results, counted by the database: SUM and GROUP BY over the rollup
 * tables that migration 3 keeps (nps_tally_times, nps_tally_segments), and over the stored rows
 * only where the rollup cannot answer: the slivers of the span that cut a bucket in two, and
 * groupings by a `metadata` or `user` key. Never loads a response into Node; a query returns
 * one row per group and scale. Values travel as parameters; the SQL around them is fixed text.
 */
import type { FixedDimension } from '../../core/results/segment.js';
import type { TimeGrouping } from '../../core/results/tallies.js';
import type { Queryable } from './database.js';
import { SPAN_END, SPAN_START, spanParams, type TimeSpan } from './responses.js';

/** Segments the rollup keeps, and category (a response's, as the widget decided it). */
export type RolledSegment = FixedDimension | 'category';
export type NestedObject = 'metadata' | 'user';

/** How answers are grouped; null for the total alone. */
export type Grouping = { time: TimeGrouping } | { segment: RolledSegment } | { nested: NestedObject; key: string } | null;

export interface TallyRow {
  /** The group's key; null without a grouping. */
  key: string | null;
  scale: string;
  /** 11 counts, index = score. */
  counts: number[];
}

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const each = (write: (score: number) => string) => SCORES.map(write).join(', ');
/** The 11 counts of a group as one int[] column, and the test that the group holds an answer. */
const SUMMED = `ARRAY[${each((score) => `sum(score_${score})`)}]::int[] AS counts`;
const NOT_EMPTY = `HAVING ${SCORES.map((score) => `sum(score_${score})`).join(' + ')} > 0`;
/** A stored row read as the rollup's columns: 1 under its score. */
const ROW_SCORES = each((score) => `(score = ${score})::int AS score_${score}`);

/**
 * The span's ends ($2..$6 as spanParams writes them) and the part of it made of whole buckets,
 * as text that reads back exactly (infinite ends included). Found by a query of its own so that
 * the counting query gets them as plain values: planned with the narrow ranges it has, the
 * slivers at the ends are an index range of a few rows. Given as expressions of the span, the
 * planner guessed them wide and scanned the whole table after a bulk load.
 */
function bounds(bucket: string): string {
  return `
SELECT $1::text AS survey_id, lo::text AS lo, hi::text AS hi,
  (CASE WHEN isfinite(lo) THEN date_bin('${bucket}', lo - interval '1 microsecond', TIMESTAMPTZ 'epoch') + interval '${bucket}' ELSE lo END)::text AS inner_lo,
  (CASE WHEN isfinite(hi) THEN date_bin('${bucket}', hi, TIMESTAMPTZ 'epoch') ELSE hi END)::text AS inner_hi
FROM (SELECT ${SPAN_START} AS lo, ${SPAN_END} AS hi) AS ends`;
}

interface Bounds {
  lo: string;
  hi: string;
  inner_lo: string;
  inner_hi: string;
}

/**
 * Rollup rows whose whole bucket lies inside the span ($4 to $5), plus stored rows in the
 * parts of the span ($2 to $3) that cover a bucket only partly (at most one bucket's worth at
 * each end, read through the survey-time index). `key` and `rowKey` say what a rollup row and a
 * stored row are grouped by, `at` standing for the row's time.
 */
function counted(table: string, key: (at: string) => string, rowKey: (at: string) => string): string {
  return `
WITH counted AS (
  SELECT ${key('bucket')} AS key, scale, ${each((score) => `score_${score}`)}
  FROM ${table}
  WHERE survey_id = $1 AND bucket >= $4::timestamptz AND bucket < $5::timestamptz
  UNION ALL
  SELECT ${rowKey('created_at')}, scale, ${ROW_SCORES}
  FROM nps_responses
  WHERE survey_id = $1 AND created_at >= $2::timestamptz AND created_at < least($3::timestamptz, $4::timestamptz)
  UNION ALL
  SELECT ${rowKey('created_at')}, scale, ${ROW_SCORES}
  FROM nps_responses
  WHERE survey_id = $1 AND created_at >= greatest($2::timestamptz, $4::timestamptz, $5::timestamptz) AND created_at < $3::timestamptz
)`;
}

/**
 * Quarter hours (UTC) never straddle a local midnight: every zone's offset in use is a whole
 * number of quarter hours. Days, weeks and months are first found as local timestamps (cheap),
 * then written as keys, once per group.
 */
const LOCAL_START: Record<TimeGrouping, (at: string) => string> = {
  day: (at) => `date_trunc('day', ${at} AT TIME ZONE $6)`,
  // PostgreSQL's weeks are ISO weeks: they start on Monday, the key's day.
  week: (at) => `date_trunc('week', ${at} AT TIME ZONE $6)`,
  month: (at) => `date_trunc('month', ${at} AT TIME ZONE $6)`,
};
const KEY_FORMAT: Record<TimeGrouping, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM' };

/** The total, or a time grouping: from the quarter-hour rollup. */
function byTime(grouping: TimeGrouping | null): string {
  const start = grouping === null ? () => 'NULL::timestamp' : LOCAL_START[grouping];
  const key = grouping === null ? 'NULL::text' : `to_char(key, '${KEY_FORMAT[grouping]}')`;
  return `${counted('nps_tally_times', start, start)}
SELECT ${key} AS key, scale, ${SUMMED} FROM counted GROUP BY counted.key, scale ${NOT_EMPTY}`;
}

/** Each segment's rollup column, and the same value read from a stored row (nps_segment writes both alike). */
const SEGMENT_COLUMNS: Record<RolledSegment, [rollup: string, row: string]> = {
  touchpoint: ['touchpoint', `nps_segment(record->>'touchpoint')`],
  surveyType: ['survey_type', `nps_segment(record->>'surveyType')`],
  locale: ['locale', `nps_segment(record->>'locale')`],
  kind: ['kind', `nps_segment(record->>'kind')`],
  category: ['category', 'category'],
};

/** A segment: from the daily segment rollup. */
function bySegment(segment: RolledSegment): string {
  const [column, fromRow] = SEGMENT_COLUMNS[segment];
  return `${counted(
    'nps_tally_segments',
    () => column,
    () => fromRow,
  )}
SELECT key, scale, ${SUMMED} FROM counted GROUP BY key, scale ${NOT_EMPTY}`;
}

/**
 * A key of `metadata` or `user` ($7, $8): no rollup holds every key a site may send, so the
 * stored rows of the span are counted, through the survey-time index.
 */
const BY_NESTED = `
SELECT nps_segment(record->$7->>$8) AS key, scale, ARRAY[${each((score) => `count(*) FILTER (WHERE score = ${score})`)}]::int[] AS counts
FROM nps_responses
WHERE survey_id = $1 AND created_at >= ${SPAN_START} AND created_at < ${SPAN_END}
GROUP BY 1, 2`;

const TOTAL = byTime(null);
const TIME_QUERIES = { day: byTime('day'), week: byTime('week'), month: byTime('month') } satisfies Record<TimeGrouping, string>;
const SEGMENT_QUERIES = Object.fromEntries(Object.keys(SEGMENT_COLUMNS).map((segment) => [segment, bySegment(segment as RolledSegment)])) as Record<
  RolledSegment,
  string
>;

const TIME_BOUNDS = bounds('15 minutes');
const SEGMENT_BOUNDS = bounds('1 day');

/** The values of a counting query: the survey, the span ($2, $3) and its whole-bucket part ($4, $5). */
async function countingParams(db: Queryable, surveyId: string, span: TimeSpan, boundsQuery: string): Promise<string[]> {
  const [found] = await db.query<Bounds>(boundsQuery, [surveyId, ...spanParams(span)]);
  if (!found) throw new Error('the span bounds query answered no row');
  return [surveyId, found.lo, found.hi, found.inner_lo, found.inner_hi];
}

/** One row per group and scale that holds answers; without a grouping, one per scale. */
export async function tallyResponses(db: Queryable, surveyId: string, span: TimeSpan, grouping: Grouping): Promise<TallyRow[]> {
  // $6, the zone, only where a query reads it: a value no statement mentions has no type to be sent as.
  if (grouping === null) return db.query<TallyRow>(TOTAL, await countingParams(db, surveyId, span, TIME_BOUNDS));
  if ('time' in grouping) return db.query<TallyRow>(TIME_QUERIES[grouping.time], [...(await countingParams(db, surveyId, span, TIME_BOUNDS)), span.timeZone]);
  if ('segment' in grouping) return db.query<TallyRow>(SEGMENT_QUERIES[grouping.segment], await countingParams(db, surveyId, span, SEGMENT_BOUNDS));
  return db.query<TallyRow>(BY_NESTED, [surveyId, ...spanParams(span), grouping.nested, grouping.key]);
}

/** Whether the survey has eNPS answers (any, at any time): then the minimum group size applies to all its results. */
export const HAS_ENPS = `SELECT EXISTS (SELECT 1 FROM nps_tally_segments WHERE survey_id = $1 AND kind = 'enps' AND ${SCORES.map((score) => `score_${score}`).join(' + ')} > 0) AS enps`;

export async function isEnpsSurvey(db: Queryable, surveyId: string): Promise<boolean> {
  const [row] = await db.query<{ enps: boolean }>(HAS_ENPS, [surveyId]);
  return row?.enps === true;
}
