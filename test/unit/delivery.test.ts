import { describe, expect, it } from 'vitest';
import { startResponse, completeResponse } from '../../src/core/payload.js';
import { due, emptyOutbox, expedite, markDelivered, markFailed, markSending, nextDueAt, put, drop } from '../../src/delivery/outbox.js';
import { classifyStatus, defaultRetryPolicy, parseRetryAfter, retryDelay } from '../../src/delivery/policy.js';
import { relationshipContext as context } from '../fixtures.js';

const scored = startResponse(context, 9, '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a10', new Date(0));

describe('outbox', () => {
  it('keeps one entry per response, holding its latest state', () => {
    let box = put(emptyOutbox, scored, 0);
    box = put(box, completeResponse(scored, 'great'), 5);
    expect(box).toHaveLength(1);
    expect(box[0]?.response.complete).toBe(true);
    expect(box[0]?.revision).toBe(2);
  });

  it('does not send an entry twice at once', () => {
    let box = put(emptyOutbox, scored, 0);
    box = markSending(box, scored.id);
    expect(due(box, 10)).toEqual([]);
  });

  it('removes an entry when the endpoint stored its latest state', () => {
    let box = markSending(put(emptyOutbox, scored, 0), scored.id);
    box = markDelivered(box, scored.id, 1);
    expect(box).toEqual([]);
  });

  it('keeps a newer state that arrived while an older one was in flight', () => {
    let box = markSending(put(emptyOutbox, scored, 0), scored.id);
    box = put(box, completeResponse(scored, 'ok'), 1);
    box = markDelivered(box, scored.id, 1);
    expect(box).toHaveLength(1);
    expect(due(box, 1)[0]?.response.complete).toBe(true);
  });

  it('schedules a failed entry for later and counts the attempt', () => {
    let box = markSending(put(emptyOutbox, scored, 0), scored.id);
    box = markFailed(box, scored.id, 1, 2000);
    expect(due(box, 1999)).toEqual([]);
    expect(due(box, 2000)).toHaveLength(1);
    expect(box[0]?.attempts).toBe(1);
    expect(nextDueAt(box)).toBe(2000);
  });

  it('sends a newer state at once even if the older one failed', () => {
    let box = markSending(put(emptyOutbox, scored, 0), scored.id);
    box = put(box, completeResponse(scored, ''), 10);
    box = markFailed(box, scored.id, 1, 60_000);
    expect(due(box, 10)).toHaveLength(1);
  });

  it('makes everything waiting due at once when the page goes away', () => {
    let box = put(emptyOutbox, scored, 400);
    box = markFailed(markSending(box, scored.id), scored.id, 1, 30_000);
    expect(due(box, 10)).toEqual([]);
    expect(due(expedite(box, 10), 10)).toHaveLength(1);
  });

  it('drops an entry for good', () => {
    expect(drop(put(emptyOutbox, scored, 0), scored.id)).toEqual([]);
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
