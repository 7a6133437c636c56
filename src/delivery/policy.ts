/**
 * How the courier reacts to an answer from the endpoint: pure rules, no network.
 */

export type Verdict = { kind: 'delivered' } | { kind: 'retry'; reason: string; retryAfterMs: number | null } | { kind: 'permanent'; reason: string };

/** 2xx stored; 408, 429 and 5xx are the server's passing trouble; any other status is a fault of the request. */
export function classifyStatus(status: number, retryAfter: string | null, now: number): Verdict {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  const reason = `the endpoint answered HTTP ${status}`;
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', reason, retryAfterMs: parseRetryAfter(retryAfter, now) };
  }
  return { kind: 'permanent', reason };
}

/** `Retry-After` as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
}

/** No attempt limit: a response is retried until the outbox's age limit gives it up. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 1000, capMs: 60_000 };

/**
 * Exponential backoff with full jitter, so many visitors' retries after an outage spread out
 * instead of arriving together. A server's Retry-After is honoured but still capped.
 */
export function retryDelay(attempt: number, random: number, policy: RetryPolicy, retryAfterMs: number | null): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.round(exponential / 2 + (random * exponential) / 2);
  return retryAfterMs === null ? jittered : Math.min(policy.capMs, Math.max(retryAfterMs, jittered / 4));
}
