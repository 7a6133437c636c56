/**
 * Every statement on the webhook tables, in one place: which URLs get events, claiming due
 * deliveries, recording how an attempt went, and what the API lists and retries. Events
 * themselves are written by a trigger on nps_responses (migration 4), never here. Durations
 * travel as milliseconds and every instant is the database's `now()`, so receivers whose
 * clocks differ agree on what is due. It never sends and never decides a delay.
 */
import type { Queryable } from './database.js';

const MS = `* interval '1 millisecond'`;

/** The given URLs get events from now on, and no other: the trigger writes one delivery per event and URL listed. */
export async function setWebhookTargets(db: Queryable, urls: readonly string[]): Promise<void> {
  const list = JSON.stringify(urls);
  await db.query(`DELETE FROM nps_webhook_targets WHERE url NOT IN (SELECT jsonb_array_elements_text($1::jsonb))`, [list]);
  await db.query(`INSERT INTO nps_webhook_targets (url) SELECT jsonb_array_elements_text($1::jsonb) ON CONFLICT (url) DO NOTHING`, [list]);
}

/** One delivery a worker holds: what to send, and where. */
export interface ClaimedDelivery {
  id: number;
  eventId: string;
  type: string;
  target: string;
  createdAt: Date;
  response: unknown;
  /** This attempt included. */
  attempts: number;
}

/**
 * Takes up to `limit` due deliveries to `targets` for `leaseMs`. SKIP LOCKED lets receivers
 * claiming at once on one PostgreSQL each take other rows, and the lease, committed with the
 * claim, keeps the row from everyone else while it is sent (no transaction stays open across
 * the request). A receiver that dies mid-send leaves a lease that runs out: the row is due again.
 */
export const CLAIM_DUE = `
UPDATE nps_webhook_deliveries AS delivery
SET attempts = delivery.attempts + 1, claimed_until = now() + $3::float8 ${MS}
FROM (
  SELECT id FROM nps_webhook_deliveries
  WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
    AND (claimed_until IS NULL OR claimed_until < now())
    AND target IN (SELECT jsonb_array_elements_text($1::jsonb))
  ORDER BY next_attempt_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED
) AS due
WHERE delivery.id = due.id
RETURNING delivery.id::float8 AS id, delivery.event_id, delivery.type, delivery.target, delivery.created_at, delivery.payload, delivery.attempts`;

interface ClaimRow {
  id: number;
  event_id: string;
  type: string;
  target: string;
  created_at: Date;
  payload: unknown;
  attempts: number;
}

export async function claimDue(db: Queryable, targets: readonly string[], limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query<ClaimRow>(CLAIM_DUE, [JSON.stringify(targets), limit, leaseMs]);
  return rows.map((row) => ({
    id: Number(row.id),
    eventId: row.event_id,
    type: row.type,
    target: row.target,
    createdAt: new Date(row.created_at),
    response: row.payload,
    attempts: row.attempts,
  }));
}

export async function markDelivered(db: Queryable, id: number, status: number): Promise<void> {
  await db.query(`UPDATE nps_webhook_deliveries SET delivered_at = now(), last_status = $2, last_error = NULL, claimed_until = NULL WHERE id = $1`, [
    id,
    status,
  ]);
}

/**
 * Records a failed attempt: due again after `delayMs`, but never later than the give-up
 * limit, so the last attempt lands on it; a failure at or past the limit gives up.
 * Resolves with whether it gave up.
 */
export const MARK_FAILED = `
UPDATE nps_webhook_deliveries
SET last_status = $2, last_error = $3, claimed_until = NULL,
  next_attempt_at = least(now() + $4::float8 ${MS}, retry_since + $5::float8 ${MS}),
  given_up_at = CASE WHEN now() >= retry_since + $5::float8 ${MS} THEN now() END
WHERE id = $1
RETURNING given_up_at IS NOT NULL AS given_up`;

export async function markFailed(
  db: Queryable,
  id: number,
  failure: { status: number | null; error: string },
  delayMs: number,
  giveUpAfterMs: number,
): Promise<boolean> {
  const [row] = await db.query<{ given_up: boolean }>(MARK_FAILED, [id, failure.status, failure.error, delayMs, giveUpAfterMs]);
  return row?.given_up ?? false;
}

/** Hands back a claim whose attempt was cut short by a stop: due at once, the attempt not counted. */
export async function releaseClaim(db: Queryable, id: number): Promise<void> {
  await db.query(`UPDATE nps_webhook_deliveries SET claimed_until = NULL, attempts = greatest(attempts - 1, 0) WHERE id = $1`, [id]);
}

/** How the API names the states of a delivery (docs/webhooks.md). */
export const DELIVERY_STATUSES = ['pending', 'failed', 'given-up', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A delivery as GET /webhooks/deliveries shows it. */
export interface DeliveryView {
  id: number;
  eventId: string;
  type: string;
  responseId: string;
  target: string;
  status: DeliveryStatus;
  createdAt: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  givenUpAt: string | null;
}

const VIEW_COLUMNS = `id::float8 AS id, event_id, type, response_id, target, created_at, attempts, last_status, last_error,
  next_attempt_at, delivered_at, given_up_at`;

/** pending: still to deliver (failed ones included); failed: pending whose last attempt failed. */
export const LIST_DELIVERIES = `
SELECT ${VIEW_COLUMNS}
FROM nps_webhook_deliveries
WHERE CASE $1::text
    WHEN 'pending' THEN delivered_at IS NULL AND given_up_at IS NULL
    WHEN 'failed' THEN delivered_at IS NULL AND given_up_at IS NULL AND last_error IS NOT NULL
    WHEN 'given-up' THEN given_up_at IS NOT NULL
    WHEN 'delivered' THEN delivered_at IS NOT NULL
    ELSE true
  END
  AND id < $3
ORDER BY id DESC
LIMIT $2`;

interface ViewRow {
  id: number;
  event_id: string;
  type: string;
  response_id: string;
  target: string;
  created_at: Date;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
  given_up_at: Date | null;
}

const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());

function view(row: ViewRow): DeliveryView {
  const status: DeliveryStatus = row.delivered_at ? 'delivered' : row.given_up_at ? 'given-up' : row.last_error !== null ? 'failed' : 'pending';
  return {
    id: Number(row.id),
    eventId: row.event_id,
    type: row.type,
    responseId: row.response_id,
    target: row.target,
    status,
    createdAt: new Date(row.created_at).toISOString(),
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: status === 'pending' || status === 'failed' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    givenUpAt: iso(row.given_up_at),
  };
}

/** Newest first; `before` a delivery id, for the next page. */
export async function listDeliveries(db: Queryable, status: DeliveryStatus | null, limit: number, before: number | null): Promise<DeliveryView[]> {
  const rows = await db.query<ViewRow>(LIST_DELIVERIES, [status, limit, before ?? Number.MAX_SAFE_INTEGER]);
  return rows.map(view);
}

/**
 * An operator's retry: due now, the give-up clock restarted; a delivered one is sent again
 * (the same event id). A delivery being sent keeps its lease: it is never sent twice at once.
 */
export const RETRY_DELIVERY = `
UPDATE nps_webhook_deliveries
SET next_attempt_at = now(), retry_since = now(), given_up_at = NULL, delivered_at = NULL
WHERE id = $1
RETURNING ${VIEW_COLUMNS}`;

export async function retryDelivery(db: Queryable, id: number): Promise<DeliveryView | null> {
  const [row] = await db.query<ViewRow>(RETRY_DELIVERY, [id]);
  return row ? view(row) : null;
}
