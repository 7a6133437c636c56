/**
 * Webhook events are written by the database, in the transaction that completes an answer, on
 * PGlite and on PostgreSQL: one response.completed per response on its transition to complete
 * (first stored complete, or a score-only one submitted later), a response.detractor beside it
 * for detractors only, nothing for repeats, rescoring or updates that leave completeness alone,
 * nothing when no webhook is configured, and an erased answer takes its events along.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate, WEBHOOK_NAMESPACE } from '../../src/server/store/migrations.js';
import type { Database } from '../../src/server/store/database.js';
import { deleteResponse, saveResponse } from '../../src/server/store/responses.js';
import { setWebhookTargets } from '../../src/server/store/webhooks.js';
import { scoreOnly, submitted } from './receivers.js';
import { STORES } from './stores.js';

const HOOK = 'http://127.0.0.1:9/hook';
const OTHER = 'http://127.0.0.1:9/other';

interface EventRow {
  event_id: string;
  type: string;
  target: string;
  response_id: string;
  payload: { id: string; score: number; complete: boolean };
}

/** UUID v3 (RFC 4122, MD5, name-based), as a target could recompute an event id. */
function uuidV3(namespace: string, name: string): string {
  const hash = createHash('md5')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x30;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe.each(STORES)('webhook events on $name', (kind) => {
  let db: Database;
  const events = (responseId?: string) =>
    db.query<EventRow>(
      'SELECT event_id, type, target, response_id, payload FROM nps_webhook_deliveries WHERE $1::uuid IS NULL OR response_id = $1 ORDER BY target, type',
      [responseId ?? null],
    );

  beforeAll(async () => {
    db = await (await kind.fresh()).open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM nps_responses');
    await setWebhookTargets(db, [HOOK]);
  });

  it('writes nothing while no webhook is configured', async () => {
    await setWebhookTargets(db, []);
    await saveResponse(db, submitted(2, 'Slow'));
    expect(await events()).toEqual([]);
  });

  it('writes response.completed once, when a score-only answer is submitted, with a stable name-based id', async () => {
    const first = scoreOnly(9);
    await saveResponse(db, first);
    expect(await events()).toEqual([]);
    const done = submitted(9, 'Great', { id: first.id });
    await saveResponse(db, done);
    await saveResponse(db, done);
    await saveResponse(db, submitted(10, 'Even better', { id: first.id, sentAfter: 9 }));
    const written = await events();
    expect(written.map((row) => [row.type, row.target])).toEqual([['response.completed', HOOK]]);
    expect(written[0]!.event_id).toBe(uuidV3(WEBHOOK_NAMESPACE, `${first.id}:response.completed`));
    expect(written[0]!.payload).toMatchObject({ id: first.id, score: 9, complete: true });
  });

  it('writes response.detractor beside it for a detractor, first stored complete, for every target', async () => {
    await setWebhookTargets(db, [HOOK, OTHER]);
    const detractor = submitted(3, 'Broken');
    await saveResponse(db, detractor);
    const passive = submitted(8, 'Fine');
    await saveResponse(db, passive);
    const written = await events(detractor.id);
    expect(written.map((row) => [row.target, row.type])).toEqual([
      [HOOK, 'response.completed'],
      [HOOK, 'response.detractor'],
      [OTHER, 'response.completed'],
      [OTHER, 'response.detractor'],
    ]);
    // One id per event, the same for every target.
    expect(new Set(written.map((row) => row.event_id)).size).toBe(2);
    expect((await events(passive.id)).map((row) => row.type)).toEqual(['response.completed', 'response.completed']);
  });

  it('writes nothing for a rescoring after completion nor an update that leaves completeness alone', async () => {
    const promoter = submitted(10, 'Love it');
    await saveResponse(db, promoter);
    // A later delivery rescoring it as a detractor changes the record, not its completeness.
    await saveResponse(db, submitted(1, 'Changed my mind', { id: promoter.id, sentAfter: 30 }));
    await db.query('UPDATE nps_responses SET updated_at = now(), record = record || $2::jsonb WHERE id = $1', [promoter.id, '{"comment":null}']);
    expect((await events(promoter.id)).map((row) => row.type)).toEqual(['response.completed']);
  });

  it('removes the events of an erased answer with it', async () => {
    const detractor = submitted(0, 'Never again');
    await saveResponse(db, detractor);
    expect(await events(detractor.id)).toHaveLength(2);
    expect(await deleteResponse(db, detractor.id)).toBe(1);
    expect(await events(detractor.id)).toEqual([]);
  });
});
