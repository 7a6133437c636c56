/**
 * At-least-once delivery against several receivers: score-only and submitted deliveries of
 * the same responses, duplicated, reordered and raced over two receiver instances sharing one
 * PostgreSQL database, end as exactly one record per id, each in its latest state.
 */
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryOf } from '../../src/core/category.js';
import { isNewerState, type NpsResponse } from '../../src/core/payload.js';
import { validateResponse } from '../../src/core/validate.js';
import { postgres } from '../../src/server/store/postgres.js';
import { scoreOnly, startReceiver, type TestReceiver } from './receivers.js';
import { newDatabase } from './stores.js';

interface Delivery {
  response: number;
  score: number;
  complete: boolean;
  consent: boolean | null;
  /** Distinct across a run, so "the later delivery" is never a tie. */
  sentAfterMs: number;
  receiver: 0 | 1;
}

const delivery = (responses: number) =>
  fc.record({
    response: fc.integer({ min: 0, max: responses - 1 }),
    score: fc.integer({ min: 0, max: 10 }),
    complete: fc.boolean(),
    consent: fc.option(fc.boolean(), { nil: null }),
    sentAfterMs: fc.integer({ min: 0, max: 1_000_000 }),
    receiver: fc.constantFrom(0 as const, 1 as const),
  });

/** Responses, their deliveries (copies included) in arrival order, and how many travel at once. */
const scenario = fc.integer({ min: 1, max: 6 }).chain((responses) =>
  fc.record({
    responses: fc.constant(responses),
    deliveries: fc.uniqueArray(delivery(responses), { minLength: 1, maxLength: 40, selector: (d) => d.sentAfterMs }),
    // Each delivery may be sent again (the outbox retrying, two tabs): a copy travels in another batch.
    duplicates: fc.array(fc.nat(), { maxLength: 10 }),
    batch: fc.integer({ min: 1, max: 12 }),
  }),
);

function payloadOf(d: Delivery, id: string, surveyId: string): NpsResponse {
  const base = scoreOnly(d.score, { id, surveyId });
  const payload: NpsResponse = {
    ...base,
    category: categoryOf(d.score),
    complete: d.complete,
    comment: d.complete ? `reason ${d.score}` : null,
    sentAt: new Date(Date.parse(base.createdAt) + d.sentAfterMs).toISOString(),
  };
  if (d.complete && d.consent !== null) payload.consentToContact = d.consent;
  const checked = validateResponse(payload);
  if (!checked.ok) throw new Error(checked.reason);
  return checked.response;
}

describe('two receivers on one PostgreSQL', () => {
  let receivers: [TestReceiver, TestReceiver];

  beforeAll(async () => {
    const connectionString = await newDatabase();
    // Two instances, each with its own connection pool, as two processes behind a load balancer have.
    receivers = [
      await startReceiver({ storage: postgres({ connectionString }), rateLimit: 0 }),
      await startReceiver({ storage: postgres({ connectionString }), rateLimit: 0 }),
    ];
  });
  afterAll(async () => {
    await Promise.all(receivers?.map((r) => r.close()) ?? []);
  });

  it('keep exactly one record per id, the latest state, whatever the interleaving', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ responses, deliveries, duplicates, batch }) => {
        const surveyId = `race-${run++}-${randomUUID().slice(0, 8)}`;
        const ids = Array.from({ length: responses }, () => randomUUID());
        const sent = deliveries.map((d) => ({ d, payload: payloadOf(d, ids[d.response] as string, surveyId) }));
        const copies = duplicates.map((n) => sent[n % sent.length]!).map(({ d, payload }) => ({ d: { ...d, receiver: (1 - d.receiver) as 0 | 1 }, payload }));
        const arrivals = [...sent, ...copies];

        for (let start = 0; start < arrivals.length; start += batch) {
          const answers = await Promise.all(arrivals.slice(start, start + batch).map(({ d, payload }) => receivers[d.receiver].post(payload)));
          for (const answer of answers) expect([200, 201]).toContain(answer.status);
        }

        const expected = new Map<string, NpsResponse>();
        for (const { payload } of sent) {
          const held = expected.get(payload.id);
          if (!held || isNewerState(payload, held)) expected.set(payload.id, payload);
        }
        const stored: NpsResponse[] = await (await receivers[0].read(`/responses?surveyId=${surveyId}`)).json();
        expect(stored).toHaveLength(expected.size);
        for (const record of stored) expect(record).toEqual(expected.get(record.id));
      }),
      { numRuns: 40, seed: 1616 },
    );
  });

  it('answer 201 exactly once per id when its first deliveries race on both', async () => {
    const surveyId = `first-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const statuses = await Promise.all(
      ids.flatMap((id) => [0, 1, 0, 1].map((n) => receivers[n as 0 | 1].post(scoreOnly(8, { id, surveyId })).then((a) => [id, a.status] as const))),
    );
    for (const id of ids) expect(statuses.filter(([of, status]) => of === id && status === 201)).toHaveLength(1);
  });
});
