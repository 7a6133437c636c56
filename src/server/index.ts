/**
 * `nps-widget/server`: the receiving half. A fetch-standard handler that validates each
 * delivery, keeps one record per response in its latest state in PostgreSQL (embedded PGlite
 * or a server), and answers tallies, exports and erasure to whoever holds the read token.
 * Node only; importing it opens nothing (storage opens when a receiver is created).
 */
export { createReceiver, DEFAULT_RATE_LIMIT, MAX_BODY_BYTES, MAX_RETENTION_DAYS } from './receiver.js';
export type { RetentionScope } from './retention.js';
export type { Receiver, ReceiverOptions } from './receiver.js';
export type { WebhookOptions } from './webhooks/policy.js';
export type { Connection } from './http/app.js';
export { pglite, type PgliteOptions } from './store/pglite.js';
export { postgres, type PostgresOptions, type PgPool } from './store/postgres.js';
export type { Storage, Database, Queryable } from './store/database.js';
export { migrate, LATEST_VERSION, MIGRATIONS, type MigrationReport } from './store/migrations.js';
export type { ResultsBody } from './results.js';
// The upsert alone, for a pipeline of your own (a queue consumer, say): the same rule and SQL as POST /responses.
export { saveResponse, type SaveOutcome } from './store/responses.js';
