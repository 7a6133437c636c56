/**
 * The schema, as numbered steps applied in order at start. Each step runs in a transaction
 * with its number recorded in nps_migrations, so a receiver started on an older database
 * brings it up to date, and one started on a newer database (a later release ran there)
 * refuses to guess. Receivers starting at once on one PostgreSQL queue on an advisory lock:
 * one migrates, the others find the work done. Steps are never edited once released: a
 * change is a new step.
 */
import type { Database, Queryable } from './database.js';

export interface Migration {
  version: number;
  name: string;
  /** Statements run one by one (a parameterised query holds one statement). */
  statements: readonly string[];
}

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
  // 3 and 4 are the rollups' and the webhooks' (released together with this one).
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
