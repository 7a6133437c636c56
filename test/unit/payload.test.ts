import { describe, expect, it } from 'vitest';
import { isFlatRecord, isNewerState, toPayload } from '../../src/core/payload.js';
import { COMMENT_MAX_LENGTH, PAYLOAD_FIELDS, TEXT_LIMITS, validateResponse } from '../../src/core/validate.js';
import { answerConsent, completeResponse, pageUrlFor, rescore, startResponse } from '../../src/core/response.js';
import { parseOptions } from '../../src/core/all-options.js';
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
    [
      { ...valid, metadata: { nested: {} } },
      'field "metadata" is {"nested":{}}; expected a flat object of strings, numbers and booleans (at most 50 keys, values up to 1000 characters)',
    ],
    [{ ...valid, sentAt: 'yesterday' }, 'field "sentAt" is "yesterday"; expected an ISO 8601 timestamp from year 0001 to 9999'],
  ])('rejects %j: %s', (body, reason) => {
    expect(validateResponse(body)).toEqual({ ok: false, reason });
  });

  it('names a missing field', () => {
    const { comment: _omitted, ...withoutComment } = valid;
    expect(validateResponse(withoutComment)).toEqual({ ok: false, reason: 'missing field "comment"' });
  });
});

function cleaned(body: unknown) {
  const result = validateResponse(body);
  if (!result.ok) throw new Error(result.reason);
  return result.response;
}

describe('validateResponse returns a clean record, the one a receiver stores', () => {
  const valid = toPayload(completeResponse(scored, 'ok'), sent(2));

  it('keeps the known fields only, in the order of the payload table', () => {
    const response = cleaned({ extra: { deeply: [1, 2, { nested: true }] }, ...valid, isAdmin: true, __proto__: { polluted: 1 } });
    expect(Object.keys(response)).toEqual(PAYLOAD_FIELDS.filter((field) => field !== 'consentToContact'));
    expect(Object.keys(cleaned({ ...valid, consentToContact: true }))).toEqual(PAYLOAD_FIELDS);
  });

  it('reads a missing scale as 0-10 and says so in the record', () => {
    const { scale: _none, ...older } = valid;
    expect(cleaned(older).scale).toBe('0-10');
  });

  it('writes the id in lower case and timestamps as the widget does (UTC, milliseconds)', () => {
    const response = cleaned({ ...valid, id: valid.id.toUpperCase(), createdAt: '2026-11-22T12:00:00+02:00', sentAt: '2026-11-22T10:00:02.123456Z' });
    expect(response).toMatchObject({ id: valid.id, createdAt: '2026-11-22T10:00:00.000Z', sentAt: '2026-11-22T10:00:02.123Z' });
  });

  it('refuses timestamps PostgreSQL cannot hold, and fractions past nanoseconds', () => {
    for (const sentAt of ['0000-12-31T23:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00', '2026-01-01T00:00:00.1234567891Z']) {
      expect(validateResponse({ ...valid, sentAt }), sentAt).toMatchObject({ ok: false, reason: expect.stringContaining('"sentAt"') });
    }
    expect(cleaned({ ...valid, sentAt: '0001-01-01T00:00:00Z' }).sentAt).toBe('0001-01-01T00:00:00.000Z');
  });

  it('keeps text with NUL or a cut emoji, with U+FFFD in their place', () => {
    const halfEmoji = '\u{1F600}'.slice(0, 1);
    const response = cleaned({
      ...valid,
      comment: `fine${halfEmoji}`,
      touchpoint: 'a\u0000b',
      metadata: { [`k${halfEmoji}`]: `\uDE00v` },
      user: { id: 'ok \u{1F600}' },
    });
    expect(response).toMatchObject({ comment: 'fine\uFFFD', touchpoint: 'a\uFFFDb', metadata: { 'k\uFFFD': '\uFFFDv' }, user: { id: 'ok \u{1F600}' } });
  });

  it('keeps a "__proto__" metadata key as a plain key', () => {
    const response = cleaned({ ...valid, metadata: JSON.parse('{"__proto__": "x", "plan": "pro"}') });
    expect(Object.getPrototypeOf(response.metadata)).toBe(Object.prototype);
    expect(Object.keys(response.metadata)).toEqual(['__proto__', 'plan']);
  });

  it('refuses a comment over 10,000 characters, saying how long it was', () => {
    expect(cleaned({ ...valid, comment: 'x'.repeat(COMMENT_MAX_LENGTH) }).comment).toHaveLength(10_000);
    expect(validateResponse({ ...valid, comment: 'x'.repeat(12_345) })).toEqual({ ok: false, reason: 'field "comment" has 12345 characters; at most 10000' });
  });

  it('bounds the other strings', () => {
    for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
      expect(validateResponse({ ...valid, [field]: 'x'.repeat(limit) }), field).toMatchObject({ ok: true });
      expect(validateResponse({ ...valid, [field]: 'x'.repeat(limit + 1) })).toEqual({
        ok: false,
        reason: `field "${field}" has ${limit + 1} characters; at most ${limit}`,
      });
    }
  });

  it('keeps to the longest comment the widget can be configured to take', () => {
    expect(parseOptions({ endpoint: '/nps', commentMaxLength: COMMENT_MAX_LENGTH }, 'https://shop.example/').errors).toEqual([]);
    expect(parseOptions({ endpoint: '/nps', commentMaxLength: COMMENT_MAX_LENGTH + 1 }, 'https://shop.example/').errors).toHaveLength(1);
  });

  it('shows a long bad value shortened in the reason', () => {
    const result = validateResponse({ ...valid, kind: 'k'.repeat(5000) });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason.length).toBeLessThan(200);
  });
});

describe('scales and consent in the payload', () => {
  const onFive = startResponse({ ...relationshipContext, scale: '1-5' }, 4, '6f1c1c1e-5d3a-4c55-9a51-2f8f6f0c7a11', chosenAt, {
    promoterMin: 4,
    passiveMin: 3,
  });

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
