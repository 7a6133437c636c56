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
 * Rollup rows whose whole bucket lies inside the span, plus stored rows in the parts of the
 * span that cover a bucket only partly (at most one bucket's worth at each end, read through
 * the survey-time index). `bucket` is the rollup's width; `key` and `rowKey` say what a rollup
 * row and a stored row are grouped by, `at` standing for the row's time.
 */
function counted(table: string, bucket: string, key: (at: string) => string, rowKey: (at: string) => string): string {
  return `
WITH span AS (
  SELECT lo, hi,
    CASE WHEN isfinite(lo) THEN date_bin('${bucket}', lo - interval '1 microsecond', TIMESTAMPTZ 'epoch') + interval '${bucket}' ELSE lo END AS inner_lo,
    CASE WHEN isfinite(hi) THEN date_bin('${bucket}', hi, TIMESTAMPTZ 'epoch') ELSE hi END AS inner_hi
  FROM (SELECT ${SPAN_START} AS lo, ${SPAN_END} AS hi) AS ends
),
counted AS (
  SELECT ${key('bucket')} AS key, scale, ${each((score) => `score_${score}`)}
  FROM ${table}, span
  WHERE survey_id = $1 AND bucket >= inner_lo AND bucket < inner_hi
  UNION ALL
  SELECT ${rowKey('created_at')}, scale, ${ROW_SCORES}
  FROM nps_responses, span
  WHERE survey_id = $1 AND created_at >= lo AND created_at < least(hi, inner_lo)
  UNION ALL
  SELECT ${rowKey('created_at')}, scale, ${ROW_SCORES}
  FROM nps_responses, span
  WHERE survey_id = $1 AND created_at >= greatest(lo, inner_lo, inner_hi) AND created_at < hi
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
  return `${counted('nps_tally_times', '15 minutes', start, start)}
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
    '1 day',
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
const SEGMENT_QUERIES = Object.fromEntries(Object.keys(SEGMENT_COLUMNS).map((segment) => [segment, bySegment(segment as RolledSegment)])) as Record<RolledSegment, string>;

/** One row per group and scale that holds answers; without a grouping, one per scale. */
export function tallyResponses(db: Queryable, surveyId: string, span: TimeSpan, grouping: Grouping): Promise<TallyRow[]> {
  const params = [surveyId, ...spanParams(span)];
  if (grouping === null) return db.query<TallyRow>(TOTAL, params);
  if ('time' in grouping) return db.query<TallyRow>(TIME_QUERIES[grouping.time], params);
  if ('segment' in grouping) return db.query<TallyRow>(SEGMENT_QUERIES[grouping.segment], params);
  return db.query<TallyRow>(BY_NESTED, [...params, grouping.nested, grouping.key]);
}

/** Whether the survey has eNPS answers (any, at any time): then the minimum group size applies to all its results. */
export const HAS_ENPS = `SELECT EXISTS (SELECT 1 FROM nps_tally_segments WHERE survey_id = $1 AND kind = 'enps' AND ${SCORES.map((score) => `score_${score}`).join(' + ')} > 0) AS enps`;

export async function isEnpsSurvey(db: Queryable, surveyId: string): Promise<boolean> {
  const [row] = await db.query<{ enps: boolean }>(HAS_ENPS, [surveyId]);
  return row?.enps === true;
}
