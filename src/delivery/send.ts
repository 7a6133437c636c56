/** One HTTP delivery of one payload, turned into a verdict. Never throws. */
import type { NpsResponse } from '../core/payload.js';
import { messageOf } from '../core/report.js';
import { type Verdict, classifyStatus } from './policy.js';

/** How one request ended: the verdict, with the HTTP status when there was an answer. */
export type Attempt = Verdict & { status: number | null };

/**
 * `text/plain` keeps the POST a CORS "simple request": a cross-origin endpoint needs no
 * preflight, and the same body works for `sendBeacon`. Receivers parse the body as JSON.
 * The request sets no header for it: the Fetch standard gives a string body exactly this type.
 */
export const CONTENT_TYPE = 'text/plain;charset=UTF-8';

/** Browsers allow 64 KiB of keepalive bodies in flight per page; stay under it. */
const KEEPALIVE_LIMIT = 60_000;

export interface SendOptions {
  credentials: RequestCredentials;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
}

export async function send(endpoint: string, payload: NpsResponse, options: SendOptions): Promise<Attempt> {
  const body = JSON.stringify(payload);
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const answer = await options.fetch(endpoint, {
      method: 'POST',
      body,
      credentials: options.credentials,
      // Lets the request outlive the page: a checkout redirect, a closed tab.
      keepalive: body.length < KEEPALIVE_LIMIT,
      signal: controller.signal,
    });
    return { ...classifyStatus(answer.status, answer.headers.get('Retry-After'), options.now()), status: answer.status };
  } catch (error) {
    const reason = controller.signal.aborted ? `no answer within ${options.timeoutMs / 1000} s` : `network error (${messageOf(error)})`;
    return { kind: 'retry', reason, retryAfterMs: null, status: null };
  } finally {
    clearTimeout(timeout);
  }
}
