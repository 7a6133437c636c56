/**
 * The schema, as numbered steps applied in order at start. Each step runs in a transaction
 * with its number recorded in nps_migrations, so a receiver started on an older database
 * brings it up to date, and one started on a newer database (a later release ran there)
 * refuses to guess. Receivers starting at once on one PostgreSQL queue on an advisory lock:
 * one migrates, the others find the work done. Steps are never edited once released: a
 * change is a new step.
 */
import type { Database, Queryable } from './database.js';

/** The namespace of webhook event ids (UUID v3 of "responseId:type"); never changes once released. */
export const WEBHOOK_NAMESPACE = '6f1d2c3e-8a4b-4c5d-9e7f-0a1b2c3d4e5f';

export interface Migration {
  version: number;
  name: string;
  /** Statements run one by one (a parameterised query holds one statement). */
  statements: readonly string[];
}

/** score_0 ... score_10: one count per score, as GET /results answers them. */
const SCORES = Array.from({ length: 11 }, (_, score) => score);
const scoreColumns = (each: (score: number) => string) => SCORES.map(each).join(', ');

/**
 * Version 3: tallies kept as they happen, so GET /results reads as many rows as there are
 * periods or segments, not answers (docs/receiver.md, "How results are counted").
 * - nps_tally_times: per survey, scale and quarter hour (UTC): the buckets of `by=day|week|month`
 *   in any time zone, since every offset in use is a whole number of quarter hours.
 * - nps_tally_segments: per survey, scale, UTC day, kind, survey type, touchpoint, locale and
 *   category: the buckets of `by=` a segment.
 * One row holds the 11 counts of its bucket, a column per score, so a year by day sums 35,040
 * rows at most. A trigger on nps_responses moves counts in the same transaction as the write,
 * and only when a counted value changed; it reads OLD and NEW alone, so other triggers on the
 * table neither see nor disturb it. `n = n + delta` under ON CONFLICT keeps concurrent writers'
 * counts (the row lock serialises them).
 */
const ROLLUP_STATEMENTS: readonly string[] = [
  // The segment a value forms: a missing or empty value is '(none)', as segmentOf says (src/core/results/segment.ts).
  `CREATE FUNCTION nps_segment(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT coalesce(nullif(value, ''), '(none)') $$`,
  `CREATE TABLE nps_tally_times (
    survey_id text NOT NULL,
    scale text NOT NULL,
    bucket timestamptz NOT NULL,
    ${scoreColumns((score) => `score_${score} integer NOT NULL DEFAULT 0`)},
    PRIMARY KEY (survey_id, scale, bucket)
  )`,
  `CREATE TABLE nps_tally_segments (
    survey_id text NOT NULL,
    scale text NOT NULL,
    bucket timestamptz NOT NULL,
    kind text NOT NULL,
    survey_type text NOT NULL,
    touchpoint text NOT NULL,
    locale text NOT NULL,
    category text NOT NULL,
    ${scoreColumns((score) => `score_${score} integer NOT NULL DEFAULT 0`)},
    PRIMARY KEY (survey_id, scale, bucket, kind, survey_type, touchpoint, locale, category)
  )`,
  `CREATE FUNCTION nps_tally_add(response nps_responses, delta integer) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO nps_tally_times AS t (survey_id, scale, bucket, ${scoreColumns((score) => `score_${score}`)})
    VALUES (response.survey_id, response.scale, date_bin('15 minutes', response.created_at, TIMESTAMPTZ 'epoch'),
            ${scoreColumns((score) => `CASE WHEN response.score = ${score} THEN delta ELSE 0 END`)})
    ON CONFLICT (survey_id, scale, bucket) DO UPDATE SET
      ${scoreColumns((score) => `score_${score} = t.score_${score} + excluded.score_${score}`)};
    INSERT INTO nps_tally_segments AS t (survey_id, scale, bucket, kind, survey_type, touchpoint, locale, category, ${scoreColumns((score) => `score_${score}`)})
    VALUES (response.survey_id, response.scale, date_bin('1 day', response.created_at, TIMESTAMPTZ 'epoch'),
            nps_segment(response.record->>'kind'), nps_segment(response.record->>'surveyType'),
            nps_segment(response.record->>'touchpoint'), nps_segment(response.record->>'locale'), response.category,
            ${scoreColumns((score) => `CASE WHEN response.score = ${score} THEN delta ELSE 0 END`)})
    ON CONFLICT (survey_id, scale, bucket, kind, survey_type, touchpoint, locale, category) DO UPDATE SET
      ${scoreColumns((score) => `score_${score} = t.score_${score} + excluded.score_${score}`)};
  END $$`,
  // What a response is counted by; an update that changes none of it (a comment added) moves nothing.
  `CREATE FUNCTION nps_tally_key(response nps_responses) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY[response.survey_id, response.scale, response.score::text, response.category, response.created_at::text,
                 response.record->>'kind', response.record->>'surveyType', response.record->>'touchpoint', response.record->>'locale'] $$`,
  `CREATE FUNCTION nps_tally_move() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND nps_tally_key(OLD) IS NOT DISTINCT FROM nps_tally_key(NEW) THEN RETURN NULL; END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM nps_tally_add(OLD, -1); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM nps_tally_add(NEW, 1); END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER nps_responses_tallies AFTER INSERT OR UPDATE OR DELETE ON nps_responses
     FOR EACH ROW EXECUTE FUNCTION nps_tally_move()`,
  // The answers stored before this version, counted once; the trigger's lock on the table keeps writers out until commit.
  `INSERT INTO nps_tally_times (survey_id, scale, bucket, ${scoreColumns((score) => `score_${score}`)})
   SELECT survey_id, scale, date_bin('15 minutes', created_at, TIMESTAMPTZ 'epoch') AS bucket,
          ${scoreColumns((score) => `count(*) FILTER (WHERE score = ${score})`)}
   FROM nps_responses GROUP BY 1, 2, 3`,
  `INSERT INTO nps_tally_segments (survey_id, scale, bucket, kind, survey_type, touchpoint, locale, category, ${scoreColumns((score) => `score_${score}`)})
   SELECT survey_id, scale, date_bin('1 day', created_at, TIMESTAMPTZ 'epoch'),
          nps_segment(record->>'kind'), nps_segment(record->>'surveyType'), nps_segment(record->>'touchpoint'), nps_segment(record->>'locale'), category,
          ${scoreColumns((score) => `count(*) FILTER (WHERE score = ${score})`)}
   FROM nps_responses GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'responses',
    statements: [
      // One row per response id, holding its latest state (store/responses.ts keeps it so).
      // The columns are what queries filter and count by; `record` is the clean payload itself.
      `CREATE TABLE nps_responses (
        id uuid PRIMARY KEY,
        survey_id text NOT NULL,
        scale text NOT NULL,
        score smallint NOT NULL,
        category text NOT NULL,
        complete boolean NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        record jsonb NOT NULL
      )`,
      // Results and export read one survey over a span of time, in (created_at, id) order.
      `CREATE INDEX nps_responses_survey_time ON nps_responses (survey_id, created_at, id)`,
    ],
  },
  {
    version: 2,
    name: 'settings',
    statements: [
      // Values the receiver keeps for itself, such as the generated read token.
      `CREATE TABLE nps_settings (name text PRIMARY KEY, value text NOT NULL)`,
    ],
  },
  {
    version: 3,
    name: 'rollups',
    statements: ROLLUP_STATEMENTS,
  },
  {
    version: 4,
    name: 'webhooks',
    statements: [
      // The webhook URLs the receivers were started with (store/webhooks.ts makes it match their
      // options at start). Empty, no event is written: answers do not pile up undelivered rows
      // for webhooks nobody configured.
      `CREATE TABLE nps_webhook_targets (url text PRIMARY KEY)`,
      // One row per event and target, holding the event and its delivery state together: each
      // target succeeds, fails and gives up on its own (one URL down never holds another back
      // nor re-sends to it), and a claim is one statement on one table. The payload repeats per
      // target, under 2 KB and usually one target. `retry_since` starts the give-up clock (an
      // operator's retry restarts it); `claimed_until` is the lease of the worker sending it.
      `CREATE TABLE nps_webhook_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL,
        target text NOT NULL,
        type text NOT NULL,
        response_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        retry_since timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        last_status smallint,
        last_error text,
        delivered_at timestamptz,
        given_up_at timestamptz,
        UNIQUE (event_id, target)
      )`,
      // What the worker scans: deliveries still to make, by when they are due.
      `CREATE INDEX nps_webhook_deliveries_due ON nps_webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL`,
      `CREATE INDEX nps_webhook_deliveries_response ON nps_webhook_deliveries (response_id)`,
      // A trigger, not the application, writes events: in the transaction of the statement that
      // completed the answer, under its row lock, whichever receiver or pipeline (saveResponse)
      // wrote it. The event id is a name-based UUID (version 3, MD5) of "responseId:type" in
      // WEBHOOK_NAMESPACE: the same for every target and on every retry, so a target deduplicates
      // on it. An erased response takes its events (and their copies of its answer) along.
      `CREATE FUNCTION nps_webhook_event_id(response_id uuid, type text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
        SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)
          || substr('89ab', ('x' || substr(h, 17, 1))::bit(4)::int % 4 + 1, 1) || substr(h, 18, 15))::uuid
        FROM md5(decode('${WEBHOOK_NAMESPACE.replaceAll('-', '')}', 'hex') || convert_to(response_id::text || ':' || type, 'UTF8')) AS h
      $$`,
      `CREATE FUNCTION nps_webhook_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM nps_webhook_deliveries WHERE response_id = OLD.id;
          RETURN NULL;
        END IF;
        INSERT INTO nps_webhook_deliveries (event_id, target, type, response_id, payload)
        SELECT nps_webhook_event_id(NEW.id, event.type), targets.url, event.type, NEW.id, NEW.record
        FROM nps_webhook_targets AS targets
        CROSS JOIN (VALUES ('response.completed'), ('response.detractor')) AS event (type)
        WHERE event.type = 'response.completed' OR NEW.category = 'detractor'
        ON CONFLICT (event_id, target) DO NOTHING;
        RETURN NULL;
      END $$`,
      // Only the transition to complete: an update that leaves completeness alone (a rescoring
      // before submit, a rollup or retention job touching the row) never reaches the function.
      `CREATE TRIGGER nps_webhook_completed AFTER INSERT ON nps_responses
        FOR EACH ROW WHEN (NEW.complete) EXECUTE FUNCTION nps_webhook_events()`,
      `CREATE TRIGGER nps_webhook_completed_later AFTER UPDATE OF complete ON nps_responses
        FOR EACH ROW WHEN (NEW.complete AND NOT OLD.complete) EXECUTE FUNCTION nps_webhook_events()`,
      `CREATE TRIGGER nps_webhook_erased AFTER DELETE ON nps_responses FOR EACH ROW EXECUTE FUNCTION nps_webhook_events()`,
    ],
  },
  {
    version: 5,
    name: 'export and erasure',
    statements: [
      // An export of every survey, newest or oldest first, and retention's "created before" both
      // read in (created_at, id) order across surveys.
      `CREATE INDEX nps_responses_time ON nps_responses (created_at, id)`,
      // Erasure by user.id finds a person's answers without reading every record.
      `CREATE INDEX nps_responses_user_id ON nps_responses ((record->'user'->>'id')) WHERE record->'user'->>'id' IS NOT NULL`,
    ],
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((latest, step) => Math.max(latest, step.version), 0);

/** An arbitrary constant: the advisory lock every nps-widget receiver takes to migrate. */
const MIGRATION_LOCK = 7_236_915_301;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS nps_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export interface MigrationReport {
  /** The schema version found; 0 for a new database. */
  from: number;
  to: number;
}

/** Brings the schema to `to` (by default the latest), holding the migration lock throughout. */
export async function migrate(db: Database, { to = LATEST_VERSION }: { to?: number } = {}): Promise<MigrationReport> {
  return db.session(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      // Inside the lock: two receivers creating it at once would collide in the catalogue.
      await connection.query(CREATE_LEDGER);
      const [found] = await connection.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM nps_migrations');
      const from = found?.version ?? 0;
      if (from > LATEST_VERSION) {
        throw new Error(
          `the database's schema is version ${from}, newer than this receiver knows (${LATEST_VERSION}): ` +
            'a later release of nps-widget migrated it. Upgrade nps-widget rather than run an older one on it.',
        );
      }
      for (const step of MIGRATIONS) {
        if (step.version > from && step.version <= to) await apply(connection, step);
      }
      return { from, to: Math.max(from, Math.min(to, LATEST_VERSION)) };
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

async function apply(connection: Queryable, step: Migration): Promise<void> {
  await connection.query('BEGIN');
  try {
    for (const statement of step.statements) await connection.query(statement);
    await connection.query('INSERT INTO nps_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw new Error(`migration ${step.version} (${step.name}) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
