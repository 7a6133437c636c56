/**
 * How a survey hands a response's latest state to the page's courier: queued in the outbox
 * under its survey's posting, to go after `delayMs`, the survey's oldest beyond its limit
 * given up; the courier then sends what is due. A module of its own, so that only what
 * answers surveys carries it (the survey file), not the loader every page runs.
 */
import type { ResponseState } from '../core/payload.js';
import type { Courier, Posting } from './courier.js';
import { limit, put } from './outbox.js';

export function queueResponse(courier: Courier, response: ResponseState, posting: Posting, delayMs = 0): void {
  const { endpoint, credentials, timeoutMs, maxAgeMs, maxEntries } = posting;
  const route = { endpoint, credentials, timeoutMs, expiresAt: Date.parse(response.createdAt) + maxAgeMs };
  courier.queue((outbox, now) => limit(put(outbox, response, route, now + delayMs), response.surveyId, maxEntries), maxEntries);
}
