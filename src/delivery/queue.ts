/**
 * How a survey hands a response's latest state to the page's courier: queued in the outbox
 * under its survey's posting, to go after `delayMs`, the survey's oldest beyond its limit
 * given up; the courier then sends what is due. A module of its own, so that only what
 * answers surveys carries it (the survey file), not the loader every page runs.
 */
import type { LoaderConfig } from '../core/options.js';
import type { ResponseState } from '../core/payload.js';
import type { Courier, Posting } from './courier.js';
import { limit, put } from './outbox.js';

/** How a survey's responses go, from its options (the route each one is stored with, and the survey's limit). */
export const postingOf = (config: LoaderConfig): Posting => ({
  endpoint: config.endpoint,
  credentials: config.credentials,
  timeoutMs: config.requestTimeoutSeconds * 1000,
  maxAgeMs: config.outboxMaxAgeDays * 86_400_000,
  maxEntries: config.outboxMaxEntries,
});

export function queueResponse(courier: Courier, response: ResponseState, posting: Posting, delayMs = 0): void {
  const { endpoint, credentials, timeoutMs, maxAgeMs, maxEntries } = posting;
  const route = { endpoint, credentials, timeoutMs, expiresAt: Date.parse(response.createdAt) + maxAgeMs };
  courier.queue((outbox, now) => {
    const limited = limit(put(outbox, response, route, now + delayMs), response.surveyId, maxEntries);
    const reason = `the outbox holds at most ${maxEntries} responses of survey "${response.surveyId}"; dropped the oldest`;
    return { outbox: limited.outbox, dropped: limited.dropped.map(({ entry }) => ({ entry, reason })) };
  });
}
