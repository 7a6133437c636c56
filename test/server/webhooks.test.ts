/**
 * Webhook delivery end to end, on PGlite and on PostgreSQL, to a real HTTP target on 127.0.0.1
 * that fails on purpose: refused connections, 500s and timeouts, then recovery. Every event
 * arrives at least once with its stable id and a signature that the snippet of
 * docs/webhooks.md verifies; a receiver stopped mid-retry hands its claim back and the next one
 * delivers; a delivery given up logs one line. Several receivers on one PostgreSQL never send
 * one event at the same time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import type { Storage } from '../../src/server/store/database.js';
import { pglite } from '../../src/server/store/pglite.js';
import type { DeliveryView } from '../../src/server/store/webhooks.js';
import type { WebhookOptions } from '../../src/server/webhooks/policy.js';
import { scoreOnly, startReceiver, submitted, TOKEN, type TestReceiver } from './receivers.js';
import { STORES } from './stores.js';
import { eventually, reserveTarget, type Target } from './webhook-target.js';

const SECRET = 'webhook-secret-for-tests-0123456789';
/** Short waits, so a test sees many attempts in a second. */
const FAST = { firstRetryMs: 40, maxRetryMs: 150, timeoutMs: 2000, pollMs: 20, giveUpAfterMs: 60_000 } satisfies Partial<WebhookOptions>;

// Opening PGlite twice per test on a busy machine: room to spare (each test takes seconds when idle).
vi.setConfig({ testTimeout: 300_000 });

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The verification snippet of docs/webhooks.md, as written there, loaded as a module. */
async function docsVerifier(): Promise<(secret: string, header: string, rawBody: string, toleranceSeconds?: number) => boolean> {
  const docs = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
  const snippet = /```js\n(import \{ createHmac[\s\S]*?)```/.exec(docs)?.[1];
  if (!snippet) throw new Error('docs/webhooks.md has no verification snippet');
  const folder = mkdtempSync(join(tmpdir(), 'nps-snippet-'));
  folders.push(folder);
  const file = join(folder, 'verify.mjs');
  writeFileSync(file, snippet);
  return ((await import(pathToFileURL(file).href)) as { verifyNpsSignature: ReturnType<typeof docsVerifier> extends Promise<infer F> ? F : never })
    .verifyNpsSignature;
}

/** The store of this kind, one that a second receiver can open after the first closed (PGlite in a folder). */
async function reopenable(name: string, fresh: () => Promise<Storage>): Promise<Storage> {
  if (name !== 'PGlite') return fresh();
  const folder = mkdtempSync(join(tmpdir(), 'nps-webhooks-'));
  folders.push(folder);
  return pglite({ dataDir: join(folder, 'data') });
}

const withWebhooks = (storage: Storage, target: Target, options: Partial<WebhookOptions> = {}, notices: string[] = []) =>
  startReceiver({
    storage,
    webhooks: { urls: [target.url], secret: SECRET, ...FAST, ...options },
    onNotice: (line) => notices.push(line),
    onError: (message, error) => console.error(message, error),
  });

/** GET /webhooks/deliveries with the token: what an operator sees. */
async function deliveries(receiver: TestReceiver, status: string): Promise<DeliveryView[]> {
  const answer = await receiver.read(`/webhooks/deliveries?status=${status}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { deliveries: DeliveryView[] }).deliveries;
}

const delivered = (target: Target) => new Map(target.received.map((seen) => [seen.eventId, seen]));

async function postAll(receiver: TestReceiver, payloads: readonly NpsResponse[]): Promise<void> {
  for (const payload of payloads) expect((await receiver.post(payload)).status).toBeLessThan(300);
}

describe.each(STORES)('webhooks on $name', (kind) => {
  it('deliver every event at least once, signed, with a stable id, through refusals, 500s and timeouts', async () => {
    const verify = await docsVerifier();
    // First request of each event: 500; second: no answer (the timeout); then 200.
    const target = await reserveTarget(({ attempt }) => (attempt === 1 ? { status: 500 } : attempt === 2 ? 'hang' : { status: 204 }));
    const receiver = await withWebhooks(await kind.fresh(), target);
    try {
      const promoter = submitted(10, 'Great');
      const detractor = submitted(2, 'Slow');
      const laterSubmitted = scoreOnly(0);
      const neverSubmitted = scoreOnly(1);
      await postAll(receiver, [promoter, detractor, laterSubmitted, neverSubmitted, promoter, detractor]);
      // The target is down: attempts fail with connection refused, and nothing is lost.
      await eventually('refused attempts', async () => {
        const failed = await deliveries(receiver, 'failed');
        return failed.length === 3 && failed.every((delivery) => delivery.lastError === 'connection refused');
      });
      await target.start();
      await postAll(receiver, [submitted(0, 'Still slow', { id: laterSubmitted.id }), submitted(9, 'Rescored', { id: promoter.id, sentAfter: 60 })]);

      await eventually('every event delivered', () => target.received.filter((seen) => seen.attempt === 3).length === 5);
      const events = [...delivered(target).values()].map((seen) => `${seen.responseId} ${seen.type}`).sort();
      expect(events).toEqual(
        [
          `${promoter.id} response.completed`,
          `${detractor.id} response.completed`,
          `${detractor.id} response.detractor`,
          `${laterSubmitted.id} response.completed`,
          `${laterSubmitted.id} response.detractor`,
        ].sort(),
      );
      for (const seen of target.received) {
        expect(verify(SECRET, seen.signature, seen.body)).toBe(true);
        expect(verify('another-secret-0123456789', seen.signature, seen.body)).toBe(false);
        expect(verify(SECRET, seen.signature, seen.body.replace('"score":', '"score": '))).toBe(false);
        const body = JSON.parse(seen.body) as { id: string; type: string; createdAt: string; response: NpsResponse };
        expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'response']);
        expect(body.response.complete).toBe(true);
      }
      // Three requests per event (500, timeout, 204), all with one id; none after the 2xx.
      await new Promise((done) => setTimeout(done, 300));
      for (const eventId of delivered(target).keys())
        expect(target.received.filter((seen) => seen.eventId === eventId).map((seen) => seen.attempt)).toEqual([1, 2, 3]);
      const rows = await eventually('five delivered', async () => {
        const done = await deliveries(receiver, 'delivered');
        return done.length === 5 && done;
      });
      expect(rows.map((row) => row.lastStatus)).toEqual([204, 204, 204, 204, 204]);
      // Refused attempts count too, though the target never saw them.
      const attempts = new Map(rows.map((row) => [`${row.responseId} ${row.type}`, row.attempts]));
      expect(attempts.get(`${detractor.id} response.detractor`)).toBeGreaterThan(3);
      expect(attempts.get(`${laterSubmitted.id} response.detractor`)).toBe(3);
    } finally {
      await receiver.close();
      await target.stop();
    }
  });

  it('resume after a restart mid-retry: the stopped receiver hands its claim back, the next delivers', async () => {
    const target = await reserveTarget(({ attempt }) => (attempt === 1 ? { status: 503 } : attempt === 2 ? 'hang' : { status: 200 }));
    await target.start();
    const storage = await reopenable(kind.name, kind.fresh);
    // A long timeout: the second attempt is still in flight when the receiver stops.
    const first = await withWebhooks(storage, target, { timeoutMs: 60_000 });
    const detractor = submitted(4, 'Meh');
    let eventIds: string[];
    try {
      await postAll(first, [detractor]);
      await eventually('two attempts of each event', () => target.received.filter((seen) => seen.attempt === 2).length === 2);
      eventIds = [...delivered(target).keys()];
    } finally {
      const stopping = Date.now();
      await first.close();
      // Stopping did not wait for the hanging requests.
      expect(Date.now() - stopping).toBeLessThan(10_000);
    }
    const second = await withWebhooks(storage, target);
    try {
      await eventually('delivery after the restart', () => target.received.filter((seen) => seen.attempt === 3).length === 2);
      expect([...delivered(target).keys()].sort()).toEqual(eventIds.sort());
      const rows = await eventually('both delivered', async () => {
        const done = await deliveries(second, 'delivered');
        return done.length === 2 && done;
      });
      // The cut-short attempt was handed back, not counted: 503, (handed back), 200.
      expect(rows.map((row) => row.attempts)).toEqual([2, 2]);
    } finally {
      await second.close();
      await target.stop();
    }
  });

  it('give up after the limit with one log line each, and send again when retried through the API', async () => {
    const target = await reserveTarget(() => ({ status: 500 }));
    await target.start();
    const notices: string[] = [];
    const receiver = await withWebhooks(await kind.fresh(), target, { giveUpAfterMs: 400 }, notices);
    try {
      const detractor = submitted(1, 'No');
      await postAll(receiver, [detractor]);
      const givenUp = await eventually('both given up', async () => {
        const rows = await deliveries(receiver, 'given-up');
        return rows.length === 2 && rows;
      });
      const attemptsSeen = target.received.length;
      await new Promise((done) => setTimeout(done, 300));
      expect(target.received.length).toBe(attemptsSeen);
      expect(notices).toHaveLength(2);
      for (const row of givenUp) {
        expect(row.lastError).toBe('answered 500');
        expect(
          notices.filter((line) => line.includes(row.eventId) && line.includes(`/webhooks/deliveries/${row.id}/retry`) && line.includes('last: answered 500')),
        ).toHaveLength(1);
      }

      // The target is mended; the operator retries one of the two.
      target.answer = () => ({ status: 200 });
      const [retried, left] = givenUp as [DeliveryView, DeliveryView];
      const retry = (id: number | string, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
        receiver.call(`/webhooks/deliveries/${id}/retry`, { method: 'POST', headers });
      expect((await retry(retried.id, {})).status).toBe(401);
      expect(await (await retry('first')).json()).toEqual({
        error: '"first" is not a delivery id; ids are whole numbers (GET /webhooks/deliveries lists them)',
      });
      expect((await retry(987_654)).status).toBe(404);
      const answer = await retry(retried.id);
      expect(answer.status).toBe(202);
      expect(await answer.json()).toMatchObject({ id: retried.id, eventId: retried.eventId, status: 'failed', givenUpAt: null });
      const done = await eventually('the retried one delivered', async () => (await deliveries(receiver, 'delivered'))[0]);
      expect(done).toMatchObject({ id: retried.id, eventId: retried.eventId, lastStatus: 200, lastError: null });
      expect(target.received.at(-1)?.eventId).toBe(retried.eventId);
      expect((await deliveries(receiver, 'given-up')).map((row) => row.id)).toEqual([left.id]);
      expect((await receiver.read('/webhooks/deliveries?status=lost')).status).toBe(400);
      expect((await receiver.call('/webhooks/deliveries')).status).toBe(401);
    } finally {
      await receiver.close();
      await target.stop();
    }
  });
});

describe('several receivers on one PostgreSQL', () => {
  it('never send one event at the same time, and deliver every event', async () => {
    // Slow answers, every first attempt failing: many chances to overlap. A long timeout: an
    // attempt cut short by its timeout may still be running at the target, which is not a claim's doing.
    const target = await reserveTarget(({ attempt }) => ({ status: attempt === 1 ? 500 : 200, delayMs: 60 }));
    await target.start();
    const storage = await STORES[1]!.fresh();
    const receivers = await Promise.all(
      Array.from({ length: 3 }, () => withWebhooks(storage, target, { firstRetryMs: 5, maxRetryMs: 10, pollMs: 5, timeoutMs: 60_000 })),
    );
    try {
      const answers = Array.from({ length: 40 }, (_, index) => submitted(index % 11, `answer ${index}`));
      await Promise.all(answers.map((answer, index) => receivers[index % 3]!.post(answer)));
      const detractors = answers.filter((answer) => answer.category === 'detractor').length;
      await eventually('every event delivered', () => target.received.filter((seen) => seen.attempt === 2).length === answers.length + detractors);
      await new Promise((done) => setTimeout(done, 300));
      expect(target.maxOverlap()).toBe(1);
      expect(target.received).toHaveLength(2 * (answers.length + detractors));
    } finally {
      await Promise.all(receivers.map((receiver) => receiver.close()));
      await target.stop();
    }
  });
});
