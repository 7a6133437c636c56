/**
 * The outbox: responses waiting to reach an endpoint, as pure state transitions over plain
 * JSON, so the same state can live in localStorage and be shared by every tab of a site.
 * One outbox serves every survey of the site: each entry carries where and how it is sent,
 * so any page's widget can deliver it, whatever survey that page shows.
 * One entry per response id holds its latest state: a burst of score changes becomes at most
 * one request in flight plus one waiting. Time is passed in.
 */
import { readJson } from '../core/json.js';
import type { ResponseState } from '../core/payload.js';

/** A claim by one sender (a courier in some tab) on sending one revision, until `until`. */
export interface Lease {
  owner: string;
  revision: number;
  until: number;
}

/**
 * Where and how one response is sent, fixed when it was given: the survey that gave it
 * configured these, and a page of another survey sends it the same way.
 */
export interface Route {
  endpoint: string;
  credentials: RequestCredentials;
  /** How long one request may wait for an answer. */
  timeoutMs: number;
  /** Epoch ms after which the response is given up (its survey's `outboxMaxAgeDays`). */
  expiresAt: number;
}

export interface OutboxEntry extends Route {
  response: ResponseState;
  /** Bumped on every put, so the answer to an older request cannot remove a newer state. */
  revision: number;
  /** Failed attempts of the current revision. */
  attempts: number;
  /** Epoch ms before which this entry is not sent. */
  notBefore: number;
  /**
   * Set while a request is under way. Persisted, so other tabs and the next page leave the
   * entry alone; it expires, so a tab that died mid-request cannot hold the entry for ever.
   */
  lease: Lease | null;
}

export type Outbox = readonly OutboxEntry[];

export const emptyOutbox: Outbox = [];

/** The entry of response `id` becomes what `change` makes of it (null: it leaves); the rest stay as they are. */
const changeEntry = (outbox: Outbox, id: string, change: (entry: OutboxEntry) => OutboxEntry | null): Outbox =>
  outbox.flatMap((e) => (e.response.id === id ? (change(e) ?? []) : [e]));

/**
 * A lease blocks only the revision it was taken for: a newer state (a submit after the score)
 * goes out at once even while the older one is on its way. The receiver keeps the later state
 * whichever arrives first, and waiting could strand the submit if the page closes now.
 */
const isLeased = (entry: OutboxEntry, now: number) => entry.lease !== null && entry.lease.revision === entry.revision && entry.lease.until > now;

/** Queues the latest state of a response to go at `sendAt`, replacing any older state of the same id. */
export function put(outbox: Outbox, response: ResponseState, route: Route, sendAt: number): Outbox {
  const existing = outbox.find((e) => e.response.id === response.id);
  const entry: OutboxEntry = {
    ...route,
    response,
    revision: (existing?.revision ?? 0) + 1,
    attempts: 0,
    notBefore: sendAt,
    lease: existing?.lease ?? null,
  };
  return existing ? outbox.map((e) => (e === existing ? entry : e)) : [...outbox, entry];
}

/** Entries that may be sent now: due, and not being sent by anyone whose lease still holds. */
export function due(outbox: Outbox, now: number): OutboxEntry[] {
  return outbox.filter((e) => !isLeased(e, now) && e.notBefore <= now);
}

/** Epoch ms when the next entry becomes sendable, or null when nothing waits. */
export function nextDueAt(outbox: Outbox, now: number): number | null {
  const times = outbox.map((e) => Math.max(e.notBefore, isLeased(e, now) ? (e.lease?.until ?? 0) : 0));
  return times.length ? Math.min(...times) : null;
}

/** `owner` claims the entry's current revision until `until`. */
export function lease(outbox: Outbox, id: string, owner: string, until: number): Outbox {
  return changeEntry(outbox, id, (entry) => ({ ...entry, lease: { owner, revision: entry.revision, until } }));
}

/** Releases the lease if `owner` still holds it for `revision`. */
const released = (entry: OutboxEntry, owner: string, revision: number): OutboxEntry =>
  entry.lease?.owner === owner && entry.lease.revision === revision ? { ...entry, lease: null } : entry;

/** The endpoint stored `revision`: drop the entry unless a newer state arrived meanwhile. */
export function markDelivered(outbox: Outbox, id: string, revision: number, owner: string): Outbox {
  return changeEntry(outbox, id, (entry) => (entry.revision === revision ? null : released(entry, owner, revision)));
}

/** A retryable failure: try again at `retryAt`, unless a newer state is already waiting to go. */
export function markFailed(outbox: Outbox, id: string, revision: number, owner: string, retryAt: number): Outbox {
  return changeEntry(outbox, id, (entry) => {
    const free = released(entry, owner, revision);
    return entry.revision === revision ? { ...free, attempts: entry.attempts + 1, notBefore: retryAt } : free;
  });
}

/**
 * Everything waiting becomes due at `now`: the page came back, went online, or is going away,
 * and backoff timers should not hold answers back. Leases are respected.
 */
export function expedite(outbox: Outbox, now: number): Outbox {
  return outbox.map((e) => (e.notBefore > now ? { ...e, notBefore: now } : e));
}

/** The leases `owner` holds end at `until` (the page is going away and cannot learn the outcome). */
export function shortenLeases(outbox: Outbox, owner: string, until: number): Outbox {
  return outbox.map((e) => (e.lease?.owner === owner && e.lease.until > until ? { ...e, lease: { ...e.lease, until } } : e));
}

/** A permanent failure: the entry leaves the outbox. */
export function drop(outbox: Outbox, id: string): Outbox {
  return changeEntry(outbox, id, () => null);
}

export type DropReason = 'too-old' | 'over-limit';

export interface Dropped {
  entry: OutboxEntry;
  reason: DropReason;
}

const oldestFirst = (a: OutboxEntry, b: OutboxEntry) => a.response.createdAt.localeCompare(b.response.createdAt);

/** Gives up the entries past their `expiresAt`; what was removed is returned so it can be reported. */
export function expire(outbox: Outbox, now: number): { outbox: Outbox; dropped: Dropped[] } {
  return {
    outbox: outbox.filter((entry) => entry.expiresAt >= now),
    dropped: outbox.filter((entry) => entry.expiresAt < now).map((entry) => ({ entry, reason: 'too-old' })),
  };
}

/**
 * Keeps at most `maxEntries` (1 or more) of one survey's entries, giving up its oldest: each
 * survey's `outboxMaxEntries` bounds its own share of the site's outbox, so a busy survey
 * cannot push out another's answers.
 */
export function limit(outbox: Outbox, surveyId: string, maxEntries: number): { outbox: Outbox; dropped: Dropped[] } {
  const surplus = new Set(
    outbox
      .filter((entry) => entry.response.surveyId === surveyId)
      .sort(oldestFirst)
      .slice(0, -maxEntries),
  );
  return {
    outbox: outbox.filter((entry) => !surplus.has(entry)),
    dropped: [...surplus].map((entry) => ({ entry, reason: 'over-limit' })),
  };
}

/**
 * Adds entries from elsewhere (an earlier version's per-survey outbox) to this one. An id the
 * outbox already holds keeps its entry: that one was written by the version running now.
 */
export function adopt(outbox: Outbox, entries: Outbox): Outbox {
  const held = new Set(outbox.map((e) => e.response.id));
  return [...outbox, ...entries.filter((e) => !held.has(e.response.id))];
}

/**
 * What an entry from an earlier version lacks: it was queued under the option defaults
 * (`credentials`, `requestTimeoutSeconds`, `outboxMaxAgeDays`; a test holds them equal), as
 * nearly every site leaves them.
 */
export const LEGACY_ROUTE = { credentials: 'omit', timeoutMs: 10_000, maxAgeMs: 7 * 86_400_000 } as const;

/** Reads stored JSON back into an outbox, keeping only entries of the expected shape. */
export function parseOutbox(json: string | null): Outbox {
  const parsed = readJson(json);
  return Array.isArray(parsed) ? parsed.filter(isEntry).map(withRoute) : emptyOutbox;
}

const CREDENTIALS: readonly unknown[] = ['omit', 'same-origin', 'include'];

/** An entry as an earlier version stored it gets the route it was sent by then. */
const withRoute = (entry: OutboxEntry): OutboxEntry => ({
  ...entry,
  credentials: CREDENTIALS.includes(entry.credentials) ? entry.credentials : LEGACY_ROUTE.credentials,
  timeoutMs: typeof entry.timeoutMs === 'number' ? entry.timeoutMs : LEGACY_ROUTE.timeoutMs,
  expiresAt: typeof entry.expiresAt === 'number' ? entry.expiresAt : Date.parse(entry.response.createdAt) + LEGACY_ROUTE.maxAgeMs,
});

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as Partial<OutboxEntry> | null;
  // Optional chaining also turns away null and non-objects: what JSON holds has no endpoint then.
  return (
    typeof e?.endpoint === 'string' &&
    typeof e.revision === 'number' &&
    typeof e.attempts === 'number' &&
    typeof e.notBefore === 'number' &&
    typeof e.response?.id === 'string' &&
    typeof e.response.createdAt === 'string'
  );
}
