/**
 * The courier gets responses to their endpoint whatever the network, the server or the
 * visitor does. It owns a timer, the page listeners and the requests; the decisions live in
 * outbox.ts (state), policy.ts (answers and backoff), store.ts (persistence), send.ts (HTTP).
 *
 * Every change is read-modify-write on the stored outbox, so the state other tabs and later
 * pages see is always the latest; leases keep two senders off the same revision.
 */
import { type ResponseState, toPayload } from '../core/payload.js';
import type { DeliveryEvent } from '../core/events.js';
import { newId } from '../core/uuid.js';
import {
  type Limits,
  type Outbox,
  type OutboxEntry,
  due,
  drop,
  expedite,
  expire,
  lease,
  markDelivered,
  markFailed,
  nextDueAt,
  put,
  shortenLeases,
} from './outbox.js';
import { type RetryPolicy, defaultRetryPolicy, retryDelay } from './policy.js';
import { send } from './send.js';
import { type OutboxStore, createOutboxStore, outboxKey } from './store.js';

export interface CourierOptions {
  surveyId: string;
  endpoint: string;
  credentials: RequestCredentials;
  timeoutMs: number;
  limits: Limits;
  onError: (error: Error) => void;
  /** Told how every request ended. */
  onDelivery?: (delivery: DeliveryEvent) => void;
  /** The outbox's storage failed (reason given): answers wait in memory only. */
  onStorageFallback: (reason: string) => void;
  store?: OutboxStore;
  policy?: RetryPolicy;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

export interface Courier {
  /** Queue the latest state of a response and send it after `delayMs` (0: as soon as possible). */
  send(response: ResponseState, delayMs?: number): void;
}

/** A lease outlives its request's timeout a little, so it never expires mid-request. */
const LEASE_MARGIN_MS = 1000;
/**
 * When the page goes away its requests go on (keepalive) but nobody will learn how they
 * ended; the next page resends after this, and the receiver's per-id rule absorbs a repeat.
 */
const UNLOAD_LEASE_MS = 1500;

const DAY_MS = 86_400_000;

export function createCourier(options: CourierOptions): Courier {
  const { surveyId, endpoint, credentials, timeoutMs, limits, onError, onStorageFallback } = options;
  const { policy = defaultRetryPolicy, now = Date.now, random = Math.random } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const store =
    options.store ??
    createOutboxStore(outboxKey(surveyId), onStorageFallback);
  /** Identifies this courier's leases among every tab's. */
  const owner = newId();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening = false;

  function update(change: (outbox: Outbox) => Outbox): void {
    store.write(change(store.read()));
  }

  function giveUp(entry: OutboxEntry, reason: string): void {
    const error = new Error(`nps-widget: response ${entry.response.id} was not delivered to ${entry.endpoint}: ${reason}`);
    console.error(error.message);
    onError(error);
  }

  async function deliver(entry: OutboxEntry): Promise<void> {
    const { response, revision } = entry;
    const { id } = response;
    const payload = toPayload(response, new Date(now()));
    const verdict = await send(entry.endpoint, payload, { credentials, timeoutMs, fetch: fetchImpl, now });
    const report = (outcome: DeliveryEvent['outcome'], retryInMs: number | null = null) =>
      options.onDelivery?.({ response: payload, attempt: entry.attempts + 1, outcome, status: verdict.status, reason: 'reason' in verdict ? verdict.reason : null, retryInMs });
    if (verdict.kind === 'delivered') {
      update((o) => markDelivered(o, id, revision, owner));
      report('delivered');
    } else if (verdict.kind === 'permanent') {
      update((o) => drop(o, id));
      report('dropped');
      giveUp(entry, `${verdict.reason}; not retried (408, 429 and 5xx are)`);
    } else {
      const delay = retryDelay(entry.attempts, random(), policy, verdict.retryAfterMs);
      update((o) => markFailed(o, id, revision, owner, now() + delay));
      report('retry', delay);
    }
    pump();
  }

  function pump(): void {
    clearTimeout(timer);
    const time = now();
    const { outbox: kept, dropped } = expire(store.read(), time, limits);
    for (const { entry, reason } of dropped) {
      giveUp(
        entry,
        reason === 'too-old'
          ? `it waited more than ${limits.maxAgeMs / DAY_MS} days; dropped`
          : `the outbox holds at most ${limits.maxEntries} responses; dropped the oldest`,
      );
    }
    const sendable = due(kept, time);
    const leased = sendable.reduce((o, e) => lease(o, e.response.id, owner, time + timeoutMs + LEASE_MARGIN_MS), kept);
    if (dropped.length || sendable.length) store.write(leased);
    for (const entry of sendable) void deliver(entry);
    const next = nextDueAt(leased, time);
    if (next !== null) timer = setTimeout(pump, Math.max(0, next - time));
    listen(leased.length > 0);
  }

  /** Send everything now, backoff timers and delays notwithstanding. */
  function flush(): void {
    update((o) => expedite(o, now()));
    pump();
  }

  function onPageHide(): void {
    flush();
    update((o) => shortenLeases(o, owner, now() + UNLOAD_LEASE_MS));
  }

  /**
   * While anything is owed: send at once when the page is left, hidden, shown again or back online.
   * There is always a window: createNpsWidget makes no courier without a page.
   */
  function listen(owed: boolean): void {
    if (owed === listening) return;
    listening = owed;
    const method = owed ? 'addEventListener' : 'removeEventListener';
    window[method]('pagehide', onPageHide);
    window[method]('online', flush);
    document[method]('visibilitychange', flush);
  }

  // Whatever earlier pages of the site left undelivered goes now, whether or not a survey shows;
  // after a microtask, so `error` handlers registered right after creation hear about drops.
  queueMicrotask(flush);

  return {
    send(response, delayMs = 0) {
      update((o) => put(o, response, endpoint, now() + delayMs));
      pump();
    },
  };
}
