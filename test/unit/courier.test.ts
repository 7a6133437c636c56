import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type NpsResponse } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { createCourier, type CourierOptions } from '../../src/delivery/courier.js';
import { emptyOutbox, put, type Outbox } from '../../src/delivery/outbox.js';
import type { OutboxStore } from '../../src/delivery/store.js';
import { relationshipContext } from '../fixtures.js';
import type { DeliveryEvent } from '../../src/core/events.js';

const ENDPOINT = 'https://collector.example/nps';
const DAY = 86_400_000;

/** One stored outbox, as localStorage is one for all the tabs of a site. */
function sharedStore(initial: Outbox = emptyOutbox): OutboxStore & { state: Outbox } {
  return {
    state: initial,
    kind: 'local',
    read() {
      return this.state;
    },
    write(outbox) {
      this.state = outbox;
    },
  };
}

/** What the fake endpoint stored (2xx answers only). */
let received: NpsResponse[];
let answers: Array<number | Error>;
let fetchMock: ReturnType<typeof vi.fn>;
let errors: string[];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-22T12:00:00Z') });
  received = [];
  answers = [];
  errors = [];
  fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    const answer = answers.shift() ?? 201;
    if (answer instanceof Error) throw answer;
    if (answer < 300) received.push(JSON.parse(String(init.body)) as NpsResponse);
    return new Response(null, { status: answer });
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function courier(store: OutboxStore, overrides: Partial<CourierOptions> = {}) {
  return createCourier({
    surveyId: 'nps',
    endpoint: ENDPOINT,
    credentials: 'omit',
    timeoutMs: 5000,
    limits: { maxAgeMs: 7 * DAY, maxEntries: 100 },
    onError: (error) => errors.push(error.message),
    onStorageFallback: () => {},
    store,
    fetch: fetchMock as unknown as typeof fetch,
    random: () => 0.5,
    ...overrides,
  });
}

const answer = (score: number, id = crypto.randomUUID()) => startResponse(relationshipContext, score, id, new Date());

describe('courier', () => {
  it('stores a response before sending it, and forgets it once stored', async () => {
    const store = sharedStore();
    const c = courier(store);
    c.send(answer(9));
    expect(store.state).toHaveLength(1);
    expect(store.state[0]?.lease).not.toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.score)).toEqual([9]);
    expect(store.state).toEqual([]);
  });

  it('delivers what an earlier page left behind as soon as it starts, without waiting for backoff', async () => {
    const left = put(emptyOutbox, answer(4), ENDPOINT, Date.now() + 60_000);
    courier(sharedStore(left));
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.score)).toEqual([4]);
  });

  it('sends each stored entry from only one of two tabs', async () => {
    const store = sharedStore(put(put(emptyOutbox, answer(1), ENDPOINT, 0), answer(2), ENDPOINT, 0));
    courier(store);
    courier(store);
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.score).sort()).toEqual([1, 2]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('takes over from a tab that died mid-request once its lease runs out', async () => {
    const first = answer(6);
    const store = sharedStore(put(emptyOutbox, first, ENDPOINT, 0));
    store.state = store.state.map((e) => ({ ...e, lease: { owner: 'dead-tab', revision: 1, until: Date.now() + 3000 } }));
    courier(store);
    await vi.advanceTimersByTimeAsync(2999);
    expect(received).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(received.map((r) => r.id)).toEqual([first.id]);
  });

  it('retries with backoff while offline and sends at once when the browser is back online', async () => {
    answers.push(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const c = courier(sharedStore());
    c.send(answer(8));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(750); // first retry: 1 s with jitter 0.5 -> 750 ms
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(received).toEqual([]);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.score)).toEqual([8]);
  });

  it('tells how every request ended: no answer, a retryable status, stored', async () => {
    answers.push(new TypeError('Failed to fetch'), 503, 201);
    const deliveries: DeliveryEvent[] = [];
    const response = answer(8);
    courier(sharedStore(), { onDelivery: (d) => deliveries.push(d) }).send(response);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(deliveries.map(({ attempt, outcome, status, retryInMs }) => ({ attempt, outcome, status, retryInMs }))).toEqual([
      { attempt: 1, outcome: 'retry', status: null, retryInMs: 750 },
      { attempt: 2, outcome: 'retry', status: 503, retryInMs: 1500 },
      { attempt: 3, outcome: 'delivered', status: 201, retryInMs: null },
    ]);
    expect(deliveries.map((d) => d.reason)).toEqual(['network error (Failed to fetch)', 'the endpoint answered HTTP 503', null]);
    expect(deliveries.every((d) => d.response.id === response.id && typeof d.response.sentAt === 'string')).toBe(true);
  });

  it('gives up a permanent failure with one error naming the endpoint and status', async () => {
    answers.push(404);
    const store = sharedStore();
    courier(store).send(answer(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.state).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/not delivered to https:\/\/collector\.example\/nps: the endpoint answered HTTP 404/);
    expect(console.error).toHaveBeenCalledTimes(1);
  });

  it('reports responses dropped for age or for room, never silently', async () => {
    const old = { ...answer(5), createdAt: new Date(Date.now() - 8 * DAY).toISOString() };
    const store = sharedStore(put(emptyOutbox, old, ENDPOINT, Date.now() + 60_000));
    const c = courier(store, { limits: { maxAgeMs: 7 * DAY, maxEntries: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([`nps-widget: response ${old.id} was not delivered to ${ENDPOINT}: it waited more than 7 days; dropped`]);
    expect(received).toEqual([]);

    answers.push(500, 500);
    c.send(answer(1));
    c.send(answer(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors[1]).toMatch(/the outbox holds at most 1 responses; dropped the oldest/);
  });

  it('never lets an older state overwrite a newer one in the outbox', async () => {
    answers.push(500);
    const store = sharedStore();
    const c = courier(store);
    const scored = answer(7);
    c.send(scored);
    c.send(completeResponse(scored, 'fine'));
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.complete)).toEqual([true]);
    expect(store.state).toEqual([]);
  });
});
