/**
 * The courier gets responses to their endpoint whatever the network, the server or the
 * visitor does. It owns a timer, the page listeners and the requests; the decisions live in
 * outbox.ts (state), policy.ts (answers and backoff), store.ts (persistence), send.ts (HTTP).
 *
 * One courier serves a page (courierOfPage): it sends every due entry of the site's outbox,
 * whichever survey gave it, each by the route stored with it. Every change is
 * read-modify-write on the stored outbox, so the state other tabs and later pages see is
 * always the latest; leases keep two senders (tabs, or two copies of the script on one page)
 * off the same revision.
 */
import { toPayload } from '../core/payload.js';
import type { DeliveryEvent } from '../core/events.js';
import { type Outbox, type OutboxEntry, due, drop, expedite, expire, lease, markDelivered, markFailed, nextDueAt, shortenLeases } from './outbox.js';
import { type RetryPolicy, defaultRetryPolicy, retryDelay } from './policy.js';
import { send } from './send.js';
import { type OutboxStore, createOutboxStore } from './store.js';

export interface CourierOptions {
  store?: OutboxStore;
  policy?: RetryPolicy;
  /** Looked up at each request when absent, so a page's later fetch stub or polyfill is used. */
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

/** How one survey sends its responses: its options, as they were when each response was given. */
export interface Posting {
  endpoint: string;
  credentials: RequestCredentials;
  timeoutMs: number;
  /** A response undelivered this long after it was created is given up. */
  maxAgeMs: number;
  /** At most this many of the survey's responses wait; beyond it the oldest is given up. */
  maxEntries: number;
}

/** A widget's ears on the courier. */
export interface DeliveryListener {
  /** A response was given up (an `error` event). */
  onError(error: Error): void;
  /** How one request ended. */
  onDelivery(delivery: DeliveryEvent): void;
  /** The outbox's storage failed (reason given): answers wait in memory only. */
  onStorageFallback(reason: string): void;
}

/** What a change of the outbox gives: the outbox after it, and what it dropped, each with why (in words). */
export interface Changed {
  outbox: Outbox;
  dropped: Array<{ entry: OutboxEntry; reason: string }>;
}

export interface Courier {
  /**
   * Applies `change` to the outbox, gives up what it dropped and sends what is due. A response
   * is queued this way by queueResponse (queue.ts), which only what answers surveys carries.
   */
  queue(change: (outbox: Outbox, now: number) => Changed): void;
  /**
   * `listener` hears how `surveyId`'s responses fare; while no listener of a survey is on the
   * page, every listener hears of that survey's, so a drop is never reported to nobody.
   * Returns the way to stop listening.
   */
  listen(surveyId: string, listener: DeliveryListener): () => void;
}

/** A lease outlives its request's timeout a little, so it never expires mid-request. */
const LEASE_MARGIN_MS = 1000;
/**
 * When the page goes away its requests go on (keepalive) but nobody will learn how they
 * ended; the next page resends after this, and the receiver's per-id rule absorbs a repeat.
 */
const UNLOAD_LEASE_MS = 1500;

const DAY_MS = 86_400_000;

export function createCourier(options: CourierOptions = {}): Courier {
  // Looked up at each use: the page's one courier outlives any clock a test (or page) installs later.
  const { policy = defaultRetryPolicy, now = () => Date.now(), random = () => Math.random() } = options;
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const listeners = new Set<{ surveyId: string; listener: DeliveryListener }>();
  /** Why storage failed, for listeners that join after it did. */
  let storageTrouble: string | null = null;
  const store =
    options.store ??
    createOutboxStore((reason) => {
      storageTrouble = reason;
      for (const { listener } of listeners) listener.onStorageFallback(reason);
    });
  /** Identifies this courier's leases among every tab's: a random token (a response's id is a UUID; this need not be). */
  const owner = Math.random().toString(36).slice(2);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening = false;

  /** Who hears of a survey's responses: its own widgets, else every widget on the page. */
  function audience(surveyId: string): DeliveryListener[] {
    const all = [...listeners];
    const own = all.filter((l) => l.surveyId === surveyId);
    return (own.length ? own : all).map((l) => l.listener);
  }

  function update(change: (outbox: Outbox) => Outbox): void {
    store.write(change(store.read()));
  }

  function giveUp(entry: OutboxEntry, reason: string): void {
    const error = new Error(`nps-widget: response ${entry.response.id} was not delivered to ${entry.endpoint}: ${reason}`);
    console.error(error.message);
    for (const listener of audience(entry.response.surveyId)) listener.onError(error);
  }

  function giveUpAll(dropped: Changed['dropped']): void {
    for (const { entry, reason } of dropped) giveUp(entry, reason);
  }

  async function deliver(entry: OutboxEntry): Promise<void> {
    const { response, revision } = entry;
    const { id } = response;
    const payload = toPayload(response, new Date(now()));
    const verdict = await send(entry.endpoint, payload, { credentials: entry.credentials, timeoutMs: entry.timeoutMs, fetch: fetchImpl, now });
    const report = (outcome: DeliveryEvent['outcome'], retryInMs: number | null = null) => {
      const delivery: DeliveryEvent = {
        response: payload,
        attempt: entry.attempts + 1,
        outcome,
        status: verdict.status,
        reason: 'reason' in verdict ? verdict.reason : null,
        retryInMs,
      };
      for (const listener of audience(response.surveyId)) listener.onDelivery(delivery);
    };
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
    const { outbox: kept, dropped } = expire(store.read(), time);
    for (const { entry } of dropped) {
      giveUp(entry, `it waited more than ${Number(((entry.expiresAt - Date.parse(entry.response.createdAt)) / DAY_MS).toPrecision(3))} days; dropped`);
    }
    const sendable = due(kept, time);
    const leased = sendable.reduce((o, e) => lease(o, e.response.id, owner, time + e.timeoutMs + LEASE_MARGIN_MS), kept);
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

  // Whatever earlier pages of the site left undelivered goes now, whatever survey gave it and
  // whether or not a survey shows; after a microtask, so `error` handlers registered right after
  // the first widget's creation hear about drops.
  queueMicrotask(flush);

  return {
    queue(change) {
      const { outbox, dropped } = change(store.read(), now());
      store.write(outbox);
      giveUpAll(dropped);
      pump();
    },
    listen(surveyId, listener) {
      const entry = { surveyId, listener };
      listeners.add(entry);
      if (storageTrouble !== null) listener.onStorageFallback(storageTrouble);
      return () => void listeners.delete(entry);
    },
  };
}

let pageCourier: Courier | null = null;

/**
 * The page's one courier, made on first use: every widget on the page (two surveys, a second
 * init) shares it, so no entry is sent twice from one page and one set of page listeners and
 * timers does the work. `options` apply only to the first call.
 */
export function courierOfPage(options?: CourierOptions): Courier {
  return (pageCourier ??= createCourier(options));
}
