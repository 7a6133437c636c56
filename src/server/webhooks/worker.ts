/**
 * The delivery worker: the thin shell around the webhook tables (store/webhooks.ts) and the
 * retry rules (policy.ts). Every `pollMs` it claims due deliveries to its own targets, POSTs
 * each as signed JSON, and records the outcome: any 2xx delivers, anything else (another
 * status, a timeout, a refused connection) schedules the next attempt or, past the limit,
 * gives up with one log line. All state is in the table, so a restart resumes where the last
 * process stopped. stop() claims nothing more, cuts requests in flight short and hands their
 * claims back (they are sent again at once by whoever runs next: at least once).
 */
import type { Queryable } from '../store/database.js';
import { claimDue, markDelivered, markFailed, releaseClaim, type ClaimedDelivery } from '../store/webhooks.js';
import { leaseFor, retryDelay, type DeliveryPolicy } from './policy.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface WorkerOptions {
  db: Queryable;
  targets: readonly string[];
  secret: string;
  policy: DeliveryPolicy;
  /** Unexpected errors (the database down while claiming, say). */
  report: (message: string, error: unknown) => void;
  /** The one line written when a delivery is given up. */
  log: (line: string) => void;
  now?: () => number;
  random?: () => number;
}

export interface WebhookWorker {
  /** Resolves once nothing is in flight and every cut-short claim is handed back. */
  stop(): Promise<void>;
}

/** The JSON body of an event, as targets receive it. */
export const eventBody = (delivery: Pick<ClaimedDelivery, 'eventId' | 'type' | 'createdAt' | 'response'>): string =>
  JSON.stringify({ id: delivery.eventId, type: delivery.type, createdAt: delivery.createdAt.toISOString(), response: delivery.response });

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Why a request failed, in words an operator reads in the API: "connection refused", "timed out after 10000 ms". */
function describeFailure(error: unknown, timeoutMs: number): string {
  if ((error as { name?: string } | null)?.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

export function startWebhookWorker(options: WorkerOptions): WebhookWorker {
  const { db, targets, secret, policy, report, log, now = Date.now, random = Math.random } = options;
  const lease = leaseFor(policy);
  const inFlight = new Map<number, { stop: AbortController; done: Promise<void> }>();
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> = Promise.resolve();

  async function post(delivery: ClaimedDelivery, stop: AbortSignal): Promise<Outcome> {
    const body = eventBody(delivery);
    try {
      const answer = await fetch(delivery.target, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'nps-widget-webhooks',
          [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(now() / 1000)),
        },
        body,
        // A redirect is not a delivery: following one would send the event where nobody configured.
        redirect: 'manual',
        signal: AbortSignal.any([stop, AbortSignal.timeout(policy.timeoutMs)]),
      });
      await answer.body?.cancel();
      return answer.status >= 200 && answer.status < 300
        ? { ok: true, status: answer.status }
        : { ok: false, status: answer.status, error: `answered ${answer.status}` };
    } catch (error) {
      return { ok: false, status: null, error: describeFailure(error, policy.timeoutMs) };
    }
  }

  async function deliver(delivery: ClaimedDelivery, stop: AbortController): Promise<void> {
    const outcome = await post(delivery, stop.signal);
    // A 2xx that came in as the stop was asked for still counts: the target has the event.
    if (outcome.ok) return markDelivered(db, delivery.id, outcome.status);
    if (stop.signal.aborted) return releaseClaim(db, delivery.id);
    const gaveUp = await markFailed(db, delivery.id, outcome, retryDelay(delivery.attempts, policy, random), policy.giveUpAfterMs);
    if (gaveUp) {
      log(
        `nps-widget: gave up on webhook event ${delivery.eventId} (${delivery.type}, delivery ${delivery.id}) to ${delivery.target} ` +
          `after ${delivery.attempts} attempts; last: ${outcome.error}. Retry it with POST /webhooks/deliveries/${delivery.id}/retry`,
      );
    }
  }

  function start(delivery: ClaimedDelivery): void {
    const stop = new AbortController();
    const done = deliver(delivery, stop)
      .catch((error: unknown) => report(`could not record the outcome of webhook delivery ${delivery.id}; its lease runs out and it is sent again`, error))
      .finally(() => inFlight.delete(delivery.id));
    inFlight.set(delivery.id, { stop, done });
  }

  async function poll(): Promise<void> {
    const free = policy.concurrency - inFlight.size;
    if (free > 0) {
      try {
        for (const delivery of await claimDue(db, targets, free, lease)) {
          if (stopping) await releaseClaim(db, delivery.id);
          else start(delivery);
        }
      } catch (error) {
        report('could not claim due webhook deliveries; trying again', error);
      }
    }
    if (!stopping) timer = setTimeout(() => (polling = poll()), policy.pollMs);
  }

  polling = poll();
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await polling;
      for (const { stop } of inFlight.values()) stop.abort();
      await Promise.all([...inFlight.values()].map(({ done }) => done));
    },
  };
}
