import { describe, expect, it } from 'vitest';
import { isFlatRecord, isNewerState, toPayload, validateResponse } from '../../src/core/payload.js';
import { answerConsent, completeResponse, pageUrlFor, rescore, startResponse } from '../../src/core/response.js';
import { relationshipContext } from '../fixtures.js';

const chosenAt = new Date('2026-11-22T10:00:00.000Z');
const scored = startResponse(relationshipContext, 6, '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a10', chosenAt);
const sent = (seconds: number) => new Date(chosenAt.getTime() + seconds * 1000);

describe('building a response', () => {
  it('starts as score only, with the category of its score', () => {
    expect(toPayload(scored, sent(1))).toEqual({
      schemaVersion: 1,
      id: '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a10',
      ...relationshipContext,
      score: 6,
      category: 'detractor',
      comment: null,
      complete: false,
      createdAt: '2026-11-22T10:00:00.000Z',
      sentAt: '2026-11-22T10:00:01.000Z',
    });
  });

  it('keeps id and creation time when the score changes, and recategorises', () => {
    const changed = rescore(scored, 7);
    expect(changed).toMatchObject({ id: scored.id, createdAt: scored.createdAt, score: 7, category: 'passive' });
  });

  it('completes with the trimmed comment, or null when nothing was written', () => {
    expect(completeResponse(scored, '  slow  ')).toMatchObject({ complete: true, comment: 'slow' });
    expect(completeResponse(scored, '   ').comment).toBeNull();
  });
});

describe('validateResponse (for receivers)', () => {
  const valid = toPayload(completeResponse(scored, 'ok'), sent(2));

  it('accepts a payload the widget sends', () => {
    expect(validateResponse(JSON.parse(JSON.stringify(valid)))).toEqual({ ok: true, response: valid });
  });

  it.each([
    [null, 'body must be a JSON object'],
    [{ ...valid, schemaVersion: 2 }, 'field "schemaVersion" is 2; expected 1'],
    [{ ...valid, id: 'abc' }, 'field "id" is "abc"; expected a UUID'],
    [{ ...valid, score: 11 }, 'field "score" is 11; expected an integer from 0 to 10'],
    [{ ...valid, score: 9 }, 'category "detractor" does not match score 9'],
    [{ ...valid, metadata: { nested: {} } }, 'field "metadata" is {"nested":{}}; expected a flat object of strings, numbers and booleans (at most 50 keys, values up to 1000 characters)'],
    [{ ...valid, sentAt: 'yesterday' }, 'field "sentAt" is "yesterday"; expected an ISO 8601 timestamp'],
  ])('rejects %j: %s', (body, reason) => {
    expect(validateResponse(body)).toEqual({ ok: false, reason });
  });

  it('names a missing field', () => {
    const { comment: _omitted, ...withoutComment } = valid;
    expect(validateResponse(withoutComment)).toEqual({ ok: false, reason: 'missing field "comment"' });
  });
});

describe('scales and consent in the payload', () => {
  const onFive = startResponse({ ...relationshipContext, scale: '1-5' }, 4, '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a11', chosenAt, { promoterMin: 4, passiveMin: 3 });

  it("records the scale and the category the site's thresholds give", () => {
    expect(onFive).toMatchObject({ scale: '1-5', score: 4, category: 'promoter' });
    expect(rescore(onFive, 3, { promoterMin: 4, passiveMin: 3 })).toMatchObject({ score: 3, category: 'passive' });
    expect(scored).toMatchObject({ scale: '0-10', category: 'detractor' });
  });

  it('adds consentToContact only once it is answered', () => {
    const submitted = completeResponse(onFive, 'Quick');
    expect(submitted).not.toHaveProperty('consentToContact');
    expect(answerConsent(submitted, false)).toMatchObject({ id: onFive.id, complete: true, comment: 'Quick', consentToContact: false });
  });

  it('is accepted by receivers with the category the widget recorded off 0-10', () => {
    const body = toPayload(answerConsent(completeResponse(onFive, ''), true), sent(3));
    expect(validateResponse(JSON.parse(JSON.stringify(body)))).toEqual({ ok: true, response: body });
  });

  it('reads a payload without scale as 0-10 (widgets from before scales)', () => {
    const { scale: _none, ...older } = toPayload(scored, sent(1));
    expect(validateResponse(older)).toMatchObject({ ok: true });
  });

  it.each([
    [{ scale: '1-5', score: 6 }, 'score 6 is not on the 1-5 scale'],
    [{ scale: '1-10', score: 0 }, 'score 0 is not on the 1-10 scale'],
    [{ scale: '0-5' }, 'field "scale" is "0-5"; expected one of 0-10, 1-10, 1-7, 1-5'],
    [{ consentToContact: 'yes' }, 'field "consentToContact" is "yes"; expected a boolean (or no field)'],
  ])('rejects %j: %s', (change, reason) => {
    expect(validateResponse({ ...toPayload(onFive, sent(1)), ...change })).toEqual({ ok: false, reason });
  });
});

describe('bounds and privacy', () => {
  it('keeps metadata and user to 50 keys and values of up to 1000 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(isFlatRecord(Object.fromEntries(Object.entries(many).slice(0, 50)))).toBe(true);
    expect(isFlatRecord(many)).toBe(false);
    expect(isFlatRecord({ note: 'x'.repeat(1000) })).toBe(true);
    expect(isFlatRecord({ note: 'x'.repeat(1001) })).toBe(false);
    expect(isFlatRecord({ ['k'.repeat(101)]: 1 })).toBe(false);
  });

  it('reports the page without query and fragment unless told otherwise', () => {
    const href = 'https://shop.example/orders/42?email=ann@example.com#receipt';
    expect(pageUrlFor('path', href)).toBe('https://shop.example/orders/42');
    expect(pageUrlFor('full', href)).toBe(href);
    expect(pageUrlFor('none', href)).toBeNull();
  });
});

describe('isNewerState (the receiver keeps the latest state per id)', () => {
  const early = toPayload(scored, sent(1));
  const later = toPayload(rescore(scored, 8), sent(3));
  const submitted = toPayload(completeResponse(scored, 'ok'), sent(2));

  it('prefers a submitted state whatever the order of arrival', () => {
    expect(isNewerState(submitted, later)).toBe(true);
    expect(isNewerState(later, submitted)).toBe(false);
  });

  it('otherwise prefers the later delivery', () => {
    expect(isNewerState(later, early)).toBe(true);
    expect(isNewerState(early, later)).toBe(false);
  });
});
