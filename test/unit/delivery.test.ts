import { describe, expect, it } from 'vitest';
import { type ResponseState } from '../../src/core/payload.js';
import { startResponse, completeResponse } from '../../src/core/response.js';
import {
  due,
  emptyOutbox,
  expedite,
  expire,
  lease,
  limit,
  LEGACY_ROUTE,
  markDelivered,
  markFailed,
  nextDueAt,
  parseOutbox,
  put,
  drop,
  shortenLeases,
  type Outbox,
  type OutboxEntry,
  type Route,
} from '../../src/delivery/outbox.js';
import { classifyStatus, defaultRetryPolicy, parseRetryAfter, retryDelay } from '../../src/delivery/policy.js';
import { createOutboxStore, OUTBOX_KEY } from '../../src/delivery/store.js';
import { parseOptions } from '../../src/core/all-options.js';
import { relationshipContext as context } from '../fixtures.js';

const URL_A: Route = { endpoint: 'https://collector.example/nps', credentials: 'omit', timeoutMs: 10_000, expiresAt: Number.MAX_SAFE_INTEGER };
const scored = startResponse(context, 9, '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a10', new Date(0));
const submitted = completeResponse(scored, 'great');
const ids = (entries: Outbox) => entries.map((e) => e.response.id);
const responseAt = (id: string, iso: string): ResponseState => ({ ...scored, id, createdAt: iso });
const of = (surveyId: string, id: string, iso: string): ResponseState => ({ ...responseAt(id, iso), surveyId });

/** An entry as versions before the site-wide outbox stored it: no route but the endpoint. */
function asEarlierVersion(entry: OutboxEntry): Partial<OutboxEntry> {
  const earlier: Partial<OutboxEntry> = { ...entry };
  delete earlier.credentials;
  delete earlier.timeoutMs;
  delete earlier.expiresAt;
  return earlier;
}

describe('outbox', () => {
  it('keeps one entry per response, holding its latest state', () => {
    let box = put(emptyOutbox, scored, URL_A, 0);
    box = put(box, submitted, URL_A, 5);
    expect(box).toHaveLength(1);
    expect(box[0]).toMatchObject({ revision: 2, ...URL_A, notBefore: 5 });
    expect(box[0]?.response.complete).toBe(true);
  });

  it('holds an entry back until its time', () => {
    const box = put(emptyOutbox, scored, URL_A, 400);
    expect(due(box, 399)).toEqual([]);
    expect(due(box, 400)).toHaveLength(1);
    expect(nextDueAt(box, 0)).toBe(400);
  });

  it('does not give a leased revision to a second sender until the lease ends', () => {
    const box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 5000);
    expect(due(box, 10)).toEqual([]);
    expect(nextDueAt(box, 10)).toBe(5000);
    expect(due(box, 5000)).toHaveLength(1);
  });

  it('sends a newer state at once even while the older one is on its way', () => {
    let box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 5000);
    box = put(box, submitted, URL_A, 10);
    expect(due(box, 10).map((e) => e.response.complete)).toEqual([true]);
  });

  it('leaves the outbox when the endpoint stored the latest state', () => {
    const box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 5000);
    expect(markDelivered(box, scored.id, 1, 'tab-1')).toEqual([]);
  });

  it('keeps a newer state, and its lease, when an older one is stored', () => {
    let box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 5000);
    box = lease(put(box, submitted, URL_A, 1), scored.id, 'tab-1', 6000);
    box = markDelivered(box, scored.id, 1, 'tab-1');
    expect(box).toHaveLength(1);
    expect(box[0]?.lease).toEqual({ owner: 'tab-1', revision: 2, until: 6000 });
  });

  it('schedules a failed revision for later, counts the attempt and frees it', () => {
    let box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 5000);
    box = markFailed(box, scored.id, 1, 'tab-1', 2000);
    expect(box[0]).toMatchObject({ attempts: 1, notBefore: 2000, lease: null });
    expect(due(box, 1999)).toEqual([]);
    expect(due(box, 2000)).toHaveLength(1);
  });

  it('ignores the failure of an older revision', () => {
    let box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 5000);
    box = put(box, submitted, URL_A, 10);
    box = markFailed(box, scored.id, 1, 'tab-1', 60_000);
    expect(box[0]).toMatchObject({ attempts: 0, notBefore: 10 });
  });

  it("does not touch another sender's lease", () => {
    const box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-2', 5000);
    expect(markFailed(box, scored.id, 1, 'tab-1', 9000)[0]?.lease?.owner).toBe('tab-2');
  });

  it('makes everything waiting due at once, but respects leases', () => {
    let box = put(emptyOutbox, scored, URL_A, 30_000);
    box = put(box, responseAt('b', '1970-01-01T00:00:00.000Z'), URL_A, 30_000);
    box = lease(box, 'b', 'tab-2', 9000);
    expect(ids(due(expedite(box, 10), 10))).toEqual([scored.id]);
  });

  it("shortens only the leaving sender's leases", () => {
    let box = lease(put(emptyOutbox, scored, URL_A, 0), scored.id, 'tab-1', 11_000);
    box = lease(put(box, responseAt('b', '1970-01-01T00:00:00.000Z'), URL_A, 0), 'b', 'tab-2', 11_000);
    box = shortenLeases(box, 'tab-1', 1500);
    expect(box.map((e) => e.lease?.until)).toEqual([1500, 11_000]);
  });

  it('drops an entry for good', () => {
    expect(drop(put(emptyOutbox, scored, URL_A, 0), scored.id)).toEqual([]);
  });

  it('gives up each entry past its own age limit, whichever survey gave it', () => {
    const day = 86_400_000;
    const now = Date.parse('2026-11-22T12:00:00Z');
    const route = (iso: string, days: number): Route => ({ ...URL_A, expiresAt: Date.parse(iso) + days * day });
    let box: Outbox = emptyOutbox;
    box = put(box, responseAt('old', '2026-11-01T00:00:00.000Z'), route('2026-11-01T00:00:00.000Z', 7), 0);
    box = put(box, responseAt('patient', '2026-11-01T00:00:00.000Z'), route('2026-11-01T00:00:00.000Z', 30), 0);
    box = put(box, responseAt('a', '2026-11-20T00:00:00.000Z'), route('2026-11-20T00:00:00.000Z', 1), 0);
    box = put(box, responseAt('b', '2026-11-22T00:00:00.000Z'), route('2026-11-22T00:00:00.000Z', 1), 0);
    const { outbox, dropped } = expire(box, now);
    expect(ids(outbox)).toEqual(['patient', 'b']);
    expect(dropped.map((d) => [d.entry.response.id, d.reason])).toEqual([
      ['old', 'too-old'],
      ['a', 'too-old'],
    ]);
  });

  it("keeps at most a survey's own number of entries, the oldest going first, and leaves other surveys' alone", () => {
    let box: Outbox = emptyOutbox;
    box = put(box, of('checkout', 'c1', '2026-11-20T00:00:00.000Z'), URL_A, 0);
    box = put(box, of('support', 's1', '2026-11-19T00:00:00.000Z'), URL_A, 0);
    box = put(box, of('checkout', 'c2', '2026-11-21T00:00:00.000Z'), URL_A, 0);
    box = put(box, of('checkout', 'c3', '2026-11-22T00:00:00.000Z'), URL_A, 0);
    const { outbox, dropped } = limit(box, 'checkout', 2);
    expect(ids(outbox)).toEqual(['s1', 'c2', 'c3']);
    expect(dropped.map((d) => [d.entry.response.id, d.reason])).toEqual([['c1', 'over-limit']]);
    expect(limit(box, 'support', 1).dropped).toEqual([]);
  });

  it('reads an entry of an earlier version with the route the option defaults give', () => {
    const earlier = asEarlierVersion(put(emptyOutbox, scored, URL_A, 0)[0]!);
    const [entry] = parseOutbox(JSON.stringify([{ ...earlier, credentials: 'sideways' }]));
    expect(entry).toMatchObject({ endpoint: URL_A.endpoint, credentials: 'omit', timeoutMs: 10_000, expiresAt: Date.parse(scored.createdAt) + 7 * 86_400_000 });
    // The defaults an earlier version queued under are the options' own.
    const defaults = parseOptions({ endpoint: 'https://collector.example/nps' }, 'https://shop.example/').value!;
    expect(LEGACY_ROUTE).toEqual({
      credentials: defaults.credentials,
      timeoutMs: defaults.requestTimeoutSeconds * 1000,
      maxAgeMs: defaults.outboxMaxAgeDays * 86_400_000,
    });
  });

  it('reads back what it stored, and nothing malformed', () => {
    const box = put(emptyOutbox, scored, URL_A, 0);
    expect(parseOutbox(JSON.stringify(box))).toEqual(box);
    expect(parseOutbox('{not json')).toEqual([]);
    expect(parseOutbox(JSON.stringify([{ junk: true }, ...box]))).toEqual(box);
    expect(parseOutbox(null)).toEqual([]);
  });
});

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map<string, string>(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    key: (index: number) => [...data.keys()][index] ?? null,
    get length() {
      return data.size;
    },
  };
}

describe('outbox store', () => {
  it("persists under the site's one key and removes the key when empty", () => {
    const storage = memoryStorage();
    const store = createOutboxStore(() => {}, storage);
    const box = put(emptyOutbox, scored, URL_A, 0);
    store.write(box);
    expect([...storage.data.keys()]).toEqual(['nps-widget:outbox']);
    expect(createOutboxStore(() => {}, storage).read()).toEqual(box);
    store.write(emptyOutbox);
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
    expect(store.kind).toBe('local');
  });

  it("takes in what earlier versions left under each survey's own key, and removes those keys", () => {
    const earlier = asEarlierVersion(put(emptyOutbox, scored, URL_A, 0)[0]!);
    const other = { ...earlier, response: { ...responseAt('b', '2026-11-22T00:00:00.000Z'), surveyId: 'checkout' } };
    const current = put(emptyOutbox, responseAt('c', '2026-11-22T00:00:00.000Z'), URL_A, 0);
    const storage = memoryStorage({
      [OUTBOX_KEY]: JSON.stringify(current),
      'nps-widget:outbox:nps': JSON.stringify([earlier]),
      'nps-widget:outbox:checkout': JSON.stringify([other, { ...earlier, endpoint: 'https://elsewhere.example/' }]),
      'nps-widget:history:nps': '{}',
    });
    const box = createOutboxStore(() => {}, storage).read();
    expect(ids(box).sort()).toEqual(['b', 'c', scored.id].sort());
    // An id held twice is taken once.
    expect(box.filter((e) => e.response.id === scored.id)).toHaveLength(1);
    expect([...storage.data.keys()].sort()).toEqual(['nps-widget:history:nps', OUTBOX_KEY]);
  });

  it('falls back to memory, once and saying why, when storage is full', () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const reasons: string[] = [];
    const store = createOutboxStore((reason) => reasons.push(reason), storage);
    const box = put(emptyOutbox, scored, URL_A, 0);
    store.write(box);
    expect(store.kind).toBe('memory');
    expect(store.read()).toEqual(box);
    store.write(emptyOutbox);
    expect(reasons).toEqual(['The quota has been exceeded.']);
  });

  it('keeps the earlier keys when the outbox cannot be written, so nothing is lost', () => {
    const legacy = JSON.stringify(put(emptyOutbox, scored, URL_A, 0));
    const storage = {
      ...memoryStorage({ 'nps-widget:outbox:nps': legacy }),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const store = createOutboxStore(() => {}, storage);
    expect(store.read()).toHaveLength(1);
    expect(storage.data.get('nps-widget:outbox:nps')).toBe(legacy);
  });

  it('works from memory when there is no storage at all', () => {
    const reasons: string[] = [];
    const store = createOutboxStore((reason) => reasons.push(reason), null);
    store.write(put(emptyOutbox, scored, URL_A, 0));
    expect(store.read()).toHaveLength(1);
    expect(reasons).toEqual(['localStorage is not available']);
  });
});

describe('policy', () => {
  it.each([
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'permanent'],
    [404, 'permanent'],
    [413, 'permanent'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(classifyStatus(status, null, 0).kind).toBe(kind);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });

  it('backs off exponentially with jitter, within the cap', () => {
    const delays = [0, 1, 2, 3, 10].map((attempt) => retryDelay(attempt, 1, defaultRetryPolicy, null));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect(retryDelay(3, 0, defaultRetryPolicy, null)).toBe(4000);
  });

  it('waits at least what Retry-After asks, up to the cap', () => {
    expect(retryDelay(0, 0, defaultRetryPolicy, 30_000)).toBe(30_000);
    expect(retryDelay(0, 0, defaultRetryPolicy, 3_600_000)).toBe(60_000);
  });
});
