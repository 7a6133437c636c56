import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NpsResponse, ResponseState } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { courierOfPage, createCourier, type CourierOptions, type Posting } from '../../src/delivery/courier.js';
import { emptyOutbox, put, type Outbox, type Route } from '../../src/delivery/outbox.js';
import { queueResponse } from '../../src/delivery/queue.js';
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

const POSTING: Posting = { endpoint: ENDPOINT, credentials: 'omit', timeoutMs: 5000, maxAgeMs: 7 * DAY, maxEntries: 100 };
const ROUTE: Route = { endpoint: ENDPOINT, credentials: 'omit', timeoutMs: 5000, expiresAt: Date.parse('2026-11-29T12:00:00Z') };

/** A page's courier with one widget of survey "nps" listening, as createNpsWidget wires it. */
function courier(
  store: OutboxStore,
  overrides: { posting?: Partial<Posting>; onDelivery?: (d: DeliveryEvent) => void; options?: Partial<CourierOptions> } = {},
) {
  const c = createCourier({ store, fetch: fetchMock as unknown as typeof fetch, random: () => 0.5, ...overrides.options });
  c.listen('nps', { onError: (error) => errors.push(error.message), onDelivery: overrides.onDelivery ?? (() => {}), onStorageFallback: () => {} });
  const posting = { ...POSTING, ...overrides.posting };
  return { courier: c, send: (response: ResponseState, delayMs?: number) => queueResponse(c, response, posting, delayMs) };
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
    const left = put(emptyOutbox, answer(4), ROUTE, Date.now() + 60_000);
    courier(sharedStore(left));
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.score)).toEqual([4]);
  });

  it('sends each stored entry from only one of two tabs', async () => {
    const store = sharedStore(put(put(emptyOutbox, answer(1), ROUTE, 0), answer(2), ROUTE, 0));
    courier(store);
    courier(store);
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.score).sort()).toEqual([1, 2]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('takes over from a tab that died mid-request once its lease runs out', async () => {
    const first = answer(6);
    const store = sharedStore(put(emptyOutbox, first, ROUTE, 0));
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
    const store = sharedStore(put(emptyOutbox, old, { ...ROUTE, expiresAt: Date.parse(old.createdAt) + 7 * DAY }, Date.now() + 60_000));
    const c = courier(store, { posting: { maxEntries: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([`nps-widget: response ${old.id} was not delivered to ${ENDPOINT}: it waited more than 7 days; dropped`]);
    expect(received).toEqual([]);

    answers.push(500, 500);
    c.send(answer(1));
    c.send(answer(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors[1]).toMatch(/the outbox holds at most 1 responses of survey "nps"; dropped the oldest/);
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

const of = (surveyId: string, score: number): ResponseState => ({ ...answer(score), surveyId });

describe('one courier for the site', () => {
  it("sends another survey's waiting answers by their own route, from a page of any survey", async () => {
    const checkout = of('checkout', 2);
    const support = of('support', 9);
    const left = put(
      put(emptyOutbox, checkout, { ...ROUTE, endpoint: 'https://a.example/nps', credentials: 'include', timeoutMs: 2000 }, Date.now() + 60_000),
      support,
      { ...ROUTE, endpoint: 'https://b.example/collect', credentials: 'same-origin' },
      0,
    );
    const store = sharedStore(left);
    courier(store); // a page whose widget is survey "nps"
    await vi.advanceTimersByTimeAsync(0);
    const sent = fetchMock.mock.calls.map(([url, init]) => [
      url,
      (init as RequestInit).credentials,
      (JSON.parse(String((init as RequestInit).body)) as NpsResponse).surveyId,
    ]);
    expect(sent).toEqual([
      ['https://a.example/nps', 'include', 'checkout'],
      ['https://b.example/collect', 'same-origin', 'support'],
    ]);
    expect(store.state).toEqual([]);
  });

  it("waits for an answer as long as the answer's own survey allows", async () => {
    fetchMock.mockImplementation(
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const deliveries: DeliveryEvent[] = [];
    courier(sharedStore(put(emptyOutbox, of('checkout', 4), { ...ROUTE, timeoutMs: 2000 }, 0)), { onDelivery: (d) => deliveries.push(d) });
    await vi.advanceTimersByTimeAsync(1999);
    expect(deliveries).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(deliveries.map((d) => d.reason)).toEqual(['no answer within 2 s']);
  });

  it("keeps each survey's own limit on waiting answers", async () => {
    answers.push(500, 500, 500, 500);
    const store = sharedStore();
    const page = createCourier({ store, fetch: fetchMock as unknown as typeof fetch, random: () => 0.5 });
    page.listen('nps', { onError: (error) => errors.push(error.message), onDelivery: () => {}, onStorageFallback: () => {} });
    queueResponse(page, of('checkout', 1), { ...POSTING, maxEntries: 1 });
    queueResponse(page, of('support', 2), { ...POSTING, maxEntries: 5 });
    queueResponse(page, of('support', 3), { ...POSTING, maxEntries: 5 });
    const newest = of('checkout', 4);
    queueResponse(page, newest, { ...POSTING, maxEntries: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.state.map((e) => [e.response.surveyId, e.response.score])).toEqual([
      ['support', 2],
      ['support', 3],
      ['checkout', 4],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/at most 1 responses of survey "checkout"/);
  });

  it("tells a survey's own widgets how its answers fare, and everyone when none of its widgets is on the page", async () => {
    answers.push(404, 404);
    const heard: string[] = [];
    const page = createCourier({ store: sharedStore(), fetch: fetchMock as unknown as typeof fetch });
    const ear = (name: string) => ({
      onError: () => heard.push(`${name} error`),
      onDelivery: () => heard.push(`${name} delivery`),
      onStorageFallback: () => {},
    });
    page.listen('checkout', ear('checkout'));
    const stop = page.listen('support', ear('support'));
    queueResponse(page, of('checkout', 1), POSTING);
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual(['checkout delivery', 'checkout error']);
    heard.length = 0;
    stop();
    queueResponse(page, of('support', 2), POSTING);
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual(['checkout delivery', 'checkout error']);
  });

  it('tells a widget that joins later that the outbox lives in memory only', () => {
    const reasons: string[] = [];
    const page = createCourier({ store: undefined, fetch: fetchMock as unknown as typeof fetch });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    queueResponse(page, of('nps', 3), POSTING);
    page.listen('nps', { onError: () => {}, onDelivery: () => {}, onStorageFallback: (reason) => reasons.push(reason) });
    expect(reasons).toEqual(['The quota has been exceeded.']);
  });

  it('is one per page: two widgets on a page send each answer once', async () => {
    localStorage.clear();
    const first = courierOfPage({ fetch: fetchMock as unknown as typeof fetch });
    expect(courierOfPage()).toBe(first);
    const response = of('checkout', 6);
    queueResponse(first, response, POSTING);
    queueResponse(courierOfPage(), of('support', 7), POSTING);
    await vi.advanceTimersByTimeAsync(0);
    expect(received.map((r) => r.surveyId).sort()).toEqual(['checkout', 'support']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
