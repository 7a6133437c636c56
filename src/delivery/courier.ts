/**
 * The courier takes responses and gets them to the endpoint: it owns the outbox state, a
 * timer for retries, and the HTTP requests. The decisions live in outbox.ts and policy.ts.
 */
import { type ResponseState, type NpsResponse, toPayload } from '../core/payload.js';
import { type Outbox, emptyOutbox, put, due, nextDueAt, markSending, markDelivered, markFailed, drop, expedite } from './outbox.js';
import { type RetryPolicy, type Verdict, classifyStatus, defaultRetryPolicy, retryDelay } from './policy.js';

export interface CourierOptions {
  endpoint: string;
  credentials: RequestCredentials;
  onError: (error: Error) => void;
  debug?: (message: string) => void;
  timeoutMs?: number;
  policy?: RetryPolicy;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

export interface Courier {
  /** Queue the latest state of a response and send it after `delayMs` (0: as soon as possible). */
  send(response: ResponseState, delayMs?: number): void;
  /** Send everything now, retry timers and delays notwithstanding. */
  flush(): void;
  /** Responses not yet stored by the endpoint. */
  pending(): Outbox;
}

/**
 * `text/plain` keeps the POST a CORS "simple request": a cross-origin endpoint needs no
 * preflight, and the same body works for `sendBeacon`. Receivers parse the body as JSON.
 */
export const CONTENT_TYPE = 'text/plain;charset=UTF-8';

/** keepalive lets a request outlive the page (a checkout redirect), up to 64 KiB in flight. */
const KEEPALIVE_LIMIT = 60_000;


export function createCourier(options: CourierOptions): Courier {
  const {
    endpoint,
    credentials,
    onError,
    debug = () => {},
    timeoutMs = 10_000,
    policy = defaultRetryPolicy,
    now = Date.now,
    random = Math.random,
  } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  let outbox: Outbox = emptyOutbox;
  // Never stopped: a widget that is destroyed still owes the endpoint the answers it was given.
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function post(payload: NpsResponse): Promise<Verdict> {
    const body = JSON.stringify(payload);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const answer = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': CONTENT_TYPE },
        body,
        credentials,
        mode: 'cors',
        keepalive: body.length < KEEPALIVE_LIMIT,
        signal: controller.signal,
      });
      return classifyStatus(answer.status, answer.headers.get('Retry-After'), now());
    } catch (error) {
      const reason = controller.signal.aborted
        ? `no answer within ${timeoutMs / 1000} s`
        : `network error (${error instanceof Error ? error.message : String(error)})`;
      return { kind: 'retry', reason, retryAfterMs: null };
    } finally {
      clearTimeout(timeout);
    }
  }

  function fail(id: string, reason: string): void {
    outbox = drop(outbox, id);
    const error = new Error(`nps-widget: response ${id} was not delivered to ${endpoint}: ${reason}`);
    console.error(error.message);
    onError(error);
  }

  async function deliver(id: string, revision: number, response: ResponseState): Promise<void> {
    const verdict = await post(toPayload(response, new Date(now())));
    if (verdict.kind === 'delivered') {
      debug(`delivered ${id} (${response.complete ? 'complete' : 'score only'})`);
      outbox = markDelivered(outbox, id, revision);
    } else if (verdict.kind === 'permanent') {
      fail(id, `${verdict.reason}; not retried, since only 408, 429 and 5xx answers are passing trouble`);
    } else {
      const attempts = (outbox.find((e) => e.response.id === id)?.attempts ?? 0) + 1;
      if (attempts >= policy.maxAttempts) {
        fail(id, `${verdict.reason}; gave up after ${attempts} attempts`);
      } else {
        const delay = retryDelay(attempts - 1, random(), policy, verdict.retryAfterMs);
        debug(`retrying ${id} in ${Math.round(delay / 100) / 10} s: ${verdict.reason}`);
        outbox = markFailed(outbox, id, revision, now() + delay);
      }
    }
    pump();
  }

  function flush(): void {
    outbox = expedite(outbox, now());
    pump();
  }

  /** While anything is owed, make sure it leaves before the page does. */
  function watchPageExit(): void {
    if (typeof window === 'undefined') return;
    if (outbox.length) window.addEventListener('pagehide', flush);
    else window.removeEventListener('pagehide', flush);
  }

  function pump(): void {
    clearTimeout(timer);
    for (const entry of due(outbox, now())) {
      outbox = markSending(outbox, entry.response.id);
      void deliver(entry.response.id, entry.revision, entry.response);
    }
    const next = nextDueAt(outbox);
    if (next !== null) timer = setTimeout(pump, Math.max(0, next - now()));
    watchPageExit();
  }

  return {
    send(response, delayMs = 0) {
      outbox = put(outbox, response, now() + delayMs);
      pump();
    },
    flush,
    pending: () => outbox,
  };
}
