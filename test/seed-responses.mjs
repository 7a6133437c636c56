/**
 * Many stored responses at once, made by the database itself (generate_series), for export
 * tests and benchmarks: records as the receiver stores them (payload v1 in `record`, the
 * counted columns beside it), one a second from `start`, every seventh comment a formula a
 * spreadsheet would run. Plain INSERTs, so triggers on the table see each row.
 */

/** $1..$2: the numbers of the rows; $3: the survey; $4: the first createdAt. */
export const SEED_RESPONSES = `
INSERT INTO nps_responses (id, survey_id, scale, score, category, complete, created_at, sent_at, record)
SELECT id, $3, '0-10', score, category, true, created_at, created_at, jsonb_build_object(
  'schemaVersion', 1, 'id', id, 'surveyId', $3::text, 'kind', 'nps', 'scale', '0-10', 'score', score, 'category', category,
  'comment', CASE WHEN n % 7 = 0 THEN '=HYPERLINK("http://evil.example","click ' || n || '")'
                  ELSE 'Reason number ' || n || ': the checkout was quick, but delivery took a while' END,
  'complete', true, 'surveyType', 'transactional', 'touchpoint', 'checkout',
  'user', jsonb_build_object('id', 'user-' || (n % 50000), 'plan', 'pro'), 'metadata', jsonb_build_object('orderId', 'A-' || n),
  'locale', 'en', 'pageUrl', 'https://shop.example/checkout/confirmation',
  'createdAt', stamp, 'sentAt', stamp)
FROM (
  SELECT n, md5($3 || ':' || n)::uuid AS id, (n % 11)::smallint AS score,
         CASE WHEN n % 11 >= 9 THEN 'promoter' WHEN n % 11 >= 7 THEN 'passive' ELSE 'detractor' END AS category,
         $4::timestamptz + n * interval '1 second' AS created_at,
         to_char(($4::timestamptz + n * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS stamp
  FROM generate_series($1::int, $2::int) AS n
) AS generated`;

/** Rows per statement: each a short transaction, and PGlite's memory stays small. */
const CHUNK = 50_000;

/**
 * Seeds `rows` responses of `surveyId` through `query` (a Database's, or a pg Pool's).
 * @param {(text: string, params: unknown[]) => Promise<unknown>} query
 * @param {{ rows: number, surveyId?: string, start?: string }} options
 */
export async function seedResponses(query, { rows, surveyId = 'bulk', start = '2025-12-01T00:00:00.000Z' }) {
  for (let first = 1; first <= rows; first += CHUNK) {
    await query(SEED_RESPONSES, [first, Math.min(rows, first + CHUNK - 1), surveyId, start]);
  }
}
