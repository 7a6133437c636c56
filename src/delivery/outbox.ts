/**
 * The outbox: responses waiting to reach the endpoint, as pure state transitions.
 * One entry per response id holding its latest state, so a burst of score changes becomes at
 * most one request in flight plus one waiting. Time and randomness are passed in; storage is
 * the caller's business (the state is plain JSON).
 */
import type { ResponseState } from '../core/payload.js';

export interface OutboxEntry {
  response: ResponseState;
  /** Bumped on every put, so the answer to an older request cannot remove a newer state. */
  revision: number;
  /** Failed attempts of the current revision. */
  attempts: number;
  /** Epoch ms before which this entry is not sent. */
  notBefore: number;
  /** Revision currently being sent, if any. */
  inFlight: number | null;
}

export type Outbox = readonly OutboxEntry[];

export const emptyOutbox: Outbox = [];

const replace = (outbox: Outbox, id: string, entry: OutboxEntry | null): Outbox =>
  outbox.flatMap((e) => (e.response.id === id ? (entry ? [entry] : []) : [e]));

/** Queues the latest state of a response to go at `sendAt`, replacing any older state of the same id. */
export function put(outbox: Outbox, response: ResponseState, sendAt: number): Outbox {
  const existing = outbox.find((e) => e.response.id === response.id);
  const entry: OutboxEntry = {
    response,
    revision: (existing?.revision ?? 0) + 1,
    attempts: 0,
    notBefore: sendAt,
    inFlight: existing?.inFlight ?? null,
  };
  return existing ? replace(outbox, response.id, entry) : [...outbox, entry];
}

/** Entries that may be sent now: due, and not already on their way. */
export function due(outbox: Outbox, now: number): OutboxEntry[] {
  return outbox.filter((e) => e.inFlight === null && e.notBefore <= now);
}

/** Epoch ms of the next entry that will be due, or null when nothing waits. */
export function nextDueAt(outbox: Outbox): number | null {
  const waiting = outbox.filter((e) => e.inFlight === null).map((e) => e.notBefore);
  return waiting.length ? Math.min(...waiting) : null;
}

export function markSending(outbox: Outbox, id: string): Outbox {
  const entry = outbox.find((e) => e.response.id === id);
  return entry ? replace(outbox, id, { ...entry, inFlight: entry.revision }) : outbox;
}

/** The endpoint stored `revision`: drop the entry unless a newer state arrived meanwhile. */
export function markDelivered(outbox: Outbox, id: string, revision: number): Outbox {
  const entry = outbox.find((e) => e.response.id === id);
  if (!entry) return outbox;
  return entry.revision === revision ? replace(outbox, id, null) : replace(outbox, id, { ...entry, inFlight: null });
}

/** A retryable failure: try again at `retryAt`, unless a newer state is already waiting to go. */
export function markFailed(outbox: Outbox, id: string, revision: number, retryAt: number): Outbox {
  const entry = outbox.find((e) => e.response.id === id);
  if (!entry) return outbox;
  if (entry.revision !== revision) return replace(outbox, id, { ...entry, inFlight: null });
  return replace(outbox, id, { ...entry, inFlight: null, attempts: entry.attempts + 1, notBefore: retryAt });
}

/** Everything waiting becomes due at `now`: the page is going away and will not wait for timers. */
export function expedite(outbox: Outbox, now: number): Outbox {
  return outbox.map((e) => (e.inFlight === null && e.notBefore > now ? { ...e, notBefore: now } : e));
}

/** A permanent failure (or one retried too often): the entry leaves the outbox. */
export function drop(outbox: Outbox, id: string): Outbox {
  return replace(outbox, id, null);
}
