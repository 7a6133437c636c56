/**
 * The statements that write and page nps_responses: the upsert that keeps one record per id in
 * its latest state, the pages behind GET /responses, and erasure (the tallies behind GET
 * /results, rollups and rows alike, are tallies.ts's). Values always travel as parameters. It
 * never validates (the record it is given is validateResponse's clean one) and never shapes
 * HTTP answers.
 */
import type { Category } from '../../core/category.js';
import type { NpsResponse } from '../../core/payload.js';
import type { SurveySummary } from '../../core/results/survey-summary.js';
import type { Queryable } from './database.js';

/**
 * The receiver's half of payload v1's rule (isNewerState in src/core/payload.ts): a submitted
 * state beats a score-only one, otherwise the later `sentAt` wins (ties go to the newcomer).
 * The database applies it in the one statement that writes, under the row's lock, so two
 * deliveries of one id racing on two receivers end in the right state whichever commits first.
 * `sent_at` holds the validator's canonical timestamps (UTC, ms), so comparing instants here is
 * comparing the strings isNewerState compares; a test runs both on generated pairs.
 *
 * `xmax = 0` is PostgreSQL's mark of a row this statement inserted rather than updated. When
 * the stored state is newer, the WHERE leaves the row alone and nothing is returned.
 *
 * Anything that must change with a response in the same transaction (a rollup of tallies, an
 * events table for webhooks) belongs in a trigger on this table: it sees OLD and NEW exactly,
 * under the same lock, whatever statement or receiver wrote the row.
 */
export const UPSERT_RESPONSE = `
INSERT INTO nps_responses AS stored (id, survey_id, scale, score, category, complete, created_at, sent_at, record)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (id) DO UPDATE SET
  survey_id = excluded.survey_id,
  scale = excluded.scale,
  score = excluded.score,
  category = excluded.category,
  complete = excluded.complete,
  created_at = excluded.created_at,
  sent_at = excluded.sent_at,
  record = excluded.record,
  updated_at = now()
WHERE excluded.complete > stored.complete
   OR (excluded.complete = stored.complete AND excluded.sent_at >= stored.sent_at)
RETURNING (xmax = 0) AS inserted`;

/** created: the first delivery of its id; updated: a later state replaced the stored one; kept: the stored state is as new or newer. */
export type SaveOutcome = 'created' | 'updated' | 'kept';

/** Stores one clean record; resolves once the statement has committed. */
export async function saveResponse(db: Queryable, response: NpsResponse): Promise<SaveOutcome> {
  const rows = await db.query<{ inserted: boolean }>(UPSERT_RESPONSE, [
    response.id,
    response.surveyId,
    response.scale,
    response.score,
    response.category,
    response.complete,
    response.createdAt,
    response.sentAt,
    JSON.stringify(response),
  ]);
  const [row] = rows;
  return row === undefined ? 'kept' : row.inserted ? 'created' : 'updated';
}

/**
 * A span of createdAt: each end an instant, or a local date-time read in `timeZone` (so a
 * day's bounds follow that zone's midnight, daylight saving included); null for open ends.
 * `before` is exclusive.
 */
export interface TimeSpan {
  timeZone: string;
  from: { instant: string } | { local: string } | null;
  before: { instant: string } | { local: string } | null;
}

const instantOf = (end: TimeSpan['from']) => (end && 'instant' in end ? end.instant : null);
const localOf = (end: TimeSpan['from']) => (end && 'local' in end ? end.local : null);
export const spanParams = (span: TimeSpan) => [instantOf(span.from), localOf(span.from), instantOf(span.before), localOf(span.before), span.timeZone];

/** The span's ends as instants, from $2-$6 as spanParams lays them out. */
export const SPAN_START = `coalesce($2::timestamptz, timezone($6, $3::timestamp), '-infinity'::timestamptz)`;
export const SPAN_END = `coalesce($4::timestamptz, timezone($6, $5::timestamp), 'infinity'::timestamptz)`;

const IN_SPAN = `created_at >= ${SPAN_START} AND created_at < ${SPAN_END}`;

/** Which stored records an export reads; every field narrows, null or false leaves it open. */
export interface ResponseFilter {
  surveyId: string | null;
  span: TimeSpan;
  categories: readonly Category[] | null;
  complete: boolean | null;
  /** Only respondents who agreed to be contacted (`consentToContact: true`): the closed-loop list. */
  consented: boolean;
  /** Only responses with a comment that is more than spaces. */
  commented: boolean;
  /** A piece of the comment, matched case-insensitively as plain text. */
  search: string | null;
}

export const ANY_RESPONSE: Omit<ResponseFilter, 'span'> = {
  surveyId: null,
  categories: null,
  complete: null,
  consented: false,
  commented: false,
  search: null,
};

export type ExportOrder = 'oldest' | 'newest';

/** Where a page of records ends, in the (createdAt, id) order: the next page starts after it. */
export interface PageCursor {
  /** created_at to the microsecond, as the database holds it. */
  createdAt: string;
  id: string;
}

/** The records a ResponseFilter lets through, from $1-$11 as filterParams lays them out. */
const MATCHES_FILTER = `($1::text IS NULL OR survey_id = $1) AND ${IN_SPAN}
  AND ($7::text[] IS NULL OR category = ANY($7::text[]))
  AND ($8::boolean IS NULL OR complete = $8)
  AND (NOT $9::boolean OR record->'consentToContact' = 'true'::jsonb)
  AND (NOT $10::boolean OR btrim(record->>'comment') <> '')
  AND ($11::text IS NULL OR strpos(lower(record->>'comment'), lower($11)) > 0)`;

const filterParams = (filter: ResponseFilter) => [
  filter.surveyId,
  ...spanParams(filter.span),
  filter.categories,
  filter.complete,
  filter.consented,
  filter.commented,
  filter.search,
];

/**
 * One page of stored records in (createdAt, id) order, oldest or newest first, after `$12/$13`
 * (none: from the start): keyset paging on the survey-time index (one survey) or the time index
 * (every survey), so an export of any size holds no connection and no cursor between pages,
 * and each page costs the same. The search is strpos, not LIKE: `%` and `_` are plain text.
 */
const pageOf = (order: ExportOrder) => {
  const [after, direction] = order === 'oldest' ? ['>', 'ASC'] : ['<', 'DESC'];
  return `
SELECT id, record, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
FROM nps_responses
WHERE ${MATCHES_FILTER}
  AND ($12::timestamptz IS NULL OR (created_at, id) ${after} ($12::timestamptz, $13::uuid))
ORDER BY created_at ${direction}, id ${direction}
LIMIT $14`;
};

export const PAGE: Record<ExportOrder, string> = { oldest: pageOf('oldest'), newest: pageOf('newest') };

/**
 * Whether the planner's statistics of the table are stale: changed rows since the last
 * ANALYZE past autovacuum's own rule (10% of the table), with a floor below which any plan is
 * cheap. Without statistics the planner guesses a filter keeps 0.5% of the rows and sorts them
 * instead of walking the index: every page then reads all the rows after the cursor, and an
 * export of 200,000 rows took minutes instead of seconds on PGlite.
 */
export const STATISTICS_STALE = `
SELECT coalesce(bool_or(n_mod_since_analyze > 1000 + n_live_tup / 10), false) AS stale
FROM pg_stat_user_tables WHERE relname = 'nps_responses' AND schemaname = current_schema()`;

/**
 * Brings the statistics up to date when they are stale. PostgreSQL's autovacuum does it on a
 * server (then this finds nothing to do); PGlite runs no autovacuum, so an export does it there.
 */
export async function refreshStatistics(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ stale: boolean }>(STATISTICS_STALE);
  if (row?.stale) await db.query('ANALYZE nps_responses');
  return row?.stale ?? false;
}

interface PageRow {
  id: string;
  record: NpsResponse;
  position: string;
}

/**
 * Up to `limit` records after `cursor` (null: from the first), and the cursor of the last one
 * when more remain: one row more than asked is read to know, so the last page is never an
 * empty one.
 */
export async function pageOfResponses(
  db: Queryable,
  filter: ResponseFilter,
  order: ExportOrder,
  cursor: PageCursor | null,
  limit: number,
): Promise<{ records: NpsResponse[]; next: PageCursor | null }> {
  const rows = await db.query<PageRow>(PAGE[order], [...filterParams(filter), cursor?.createdAt ?? null, cursor?.id ?? null, limit + 1]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    records: page.map((row) => row.record),
    next: rows.length > limit && last ? { createdAt: last.position, id: last.id } : null,
  };
}

export const DELETE_RESPONSE = `DELETE FROM nps_responses WHERE id = $1 RETURNING id`;

/** Erases one response; the number of records removed (0 or 1). */
export async function deleteResponse(db: Queryable, id: string): Promise<number> {
  return (await db.query(DELETE_RESPONSE, [id])).length;
}

/**
 * Erases every response whose `user.id` is `userId` (compared as text: a number 42 is "42"),
 * in one statement, so one transaction: all go or none. A plain DELETE, so triggers on the
 * table (rollups) see each row leave.
 */
export const DELETE_USER_RESPONSES = `
WITH gone AS (DELETE FROM nps_responses WHERE record->'user'->>'id' = $1 RETURNING 1)
SELECT count(*)::int AS deleted FROM gone`;

export async function deleteUserResponses(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ deleted: number }>(DELETE_USER_RESPONSES, [userId]);
  return row?.deleted ?? 0;
}

/**
 * Retention, one batch a statement (each its own short transaction): the oldest `$2` answers
 * created before `$1`, rows another receiver is working on skipped rather than waited for.
 * Running it again finds what is left, so a batch cut short by a crash is simply redone.
 */
export const DELETE_OLDER_BATCH = `
WITH gone AS (
  DELETE FROM nps_responses WHERE id IN (
    SELECT id FROM nps_responses WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
  ) RETURNING 1
)
SELECT count(*)::int AS changed FROM gone`;

/**
 * The same for the personal scope: `comment` and `user` set to null in the record, nothing
 * else (the counted columns stay, so tallies do not move). Rows already stripped are not
 * matched again.
 */
export const STRIP_OLDER_BATCH = `
WITH stripped AS (
  UPDATE nps_responses SET record = record || '{"comment": null, "user": null}'::jsonb, updated_at = now()
  WHERE id IN (
    SELECT id FROM nps_responses
    WHERE created_at < $1 AND (record->>'comment' IS NOT NULL OR record->>'user' IS NOT NULL)
    ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
  ) RETURNING 1
)
SELECT count(*)::int AS changed FROM stripped`;

/** One retention batch; how many rows it changed (fewer than `batch`: nothing is left). */
export async function retentionBatch(db: Queryable, scope: 'all' | 'personal', before: Date, batch: number): Promise<number> {
  const [row] = await db.query<{ changed: number }>(scope === 'all' ? DELETE_OLDER_BATCH : STRIP_OLDER_BATCH, [before.toISOString(), batch]);
  return row?.changed ?? 0;
}

/** What each survey holds, counted by the database in one pass (no row leaves it). */
export const SURVEYS = `
SELECT survey_id, count(*)::int AS responses,
  array_agg(DISTINCT scale ORDER BY scale) AS scales,
  array_agg(DISTINCT record->>'surveyType' ORDER BY record->>'surveyType') AS survey_types,
  array_agg(DISTINCT record->>'kind' ORDER BY record->>'kind') AS kinds,
  min(created_at) AS first_at, max(created_at) AS last_at
FROM nps_responses
GROUP BY survey_id
ORDER BY survey_id`;

interface SurveyRow {
  survey_id: string;
  responses: number;
  scales: string[];
  survey_types: string[];
  kinds: string[];
  first_at: Date;
  last_at: Date;
}

export async function listSurveys(db: Queryable): Promise<SurveySummary[]> {
  const rows = await db.query<SurveyRow>(SURVEYS);
  return rows.map((row) => ({
    surveyId: row.survey_id,
    responses: row.responses,
    scales: row.scales,
    surveyTypes: row.survey_types,
    kinds: row.kinds,
    firstAt: new Date(row.first_at).toISOString(),
    lastAt: new Date(row.last_at).toISOString(),
  }));
}

/** eNPS answers among the records a filter lets through, counted up to `cap` ($12): enough to apply a minimum group size. */
const ENPS_MATCHING = `SELECT count(*)::int AS answers FROM (SELECT 1 FROM nps_responses WHERE ${MATCHES_FILTER} AND record->>'kind' = 'enps' LIMIT $12) AS capped`;

export async function countEnpsMatching(db: Queryable, filter: ResponseFilter, cap: number): Promise<number> {
  const [row] = await db.query<{ answers: number }>(ENPS_MATCHING, [...filterParams(filter), cap]);
  return row?.answers ?? 0;
}
