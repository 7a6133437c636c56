// @vitest-environment node
/**
 * The webhooks' pure rules: the flags and their environment twins, which options are refused
 * and why, the backoff with full jitter and its cap, and the signature's exact form.
 */
import { createHmac } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/server/cli.js';
import { createReceiver } from '../../src/server/receiver.js';
import { pglite } from '../../src/server/store/pglite.js';
import { DEFAULT_DELIVERY_POLICY, leaseFor, policyOf, retryDelay, webhookOptionsProblem } from '../../src/server/webhooks/policy.js';
import { signatureHeader } from '../../src/server/webhooks/signature.js';
import { eventBody } from '../../src/server/webhooks/worker.js';

const SECRET = 'a-secret-of-enough-length';

describe('--webhook and --webhook-secret', () => {
  it('are repeatable flags with comma-separated environment twins', () => {
    expect(parseCommand(['serve', '--webhook', 'https://a.example/h', '--webhook', 'http://b.example/h', '--webhook-secret', SECRET], {})).toMatchObject({
      config: { webhooks: ['https://a.example/h', 'http://b.example/h'], webhookSecret: SECRET },
    });
    const env = { NPS_WEBHOOKS: 'https://a.example/h, https://c.example/h,', NPS_WEBHOOK_SECRET: SECRET };
    expect(parseCommand(['serve'], env)).toMatchObject({ config: { webhooks: ['https://a.example/h', 'https://c.example/h'], webhookSecret: SECRET } });
    expect(parseCommand(['serve', '--webhook', 'https://d.example/h'], env)).toMatchObject({ config: { webhooks: ['https://d.example/h'] } });
  });

  it('are refused with the reason before anything opens', () => {
    const problem = (urls: string[], secret = SECRET) => webhookOptionsProblem({ urls, secret });
    expect(problem(['https://a.example/h'], '')).toBe(
      'the webhook secret has 0 characters; give one of at least 16 (--webhook-secret or NPS_WEBHOOK_SECRET), which targets use to verify X-NPS-Signature',
    );
    expect(problem(['ftp://a.example/h'])).toBe('webhook ftp://a.example/h uses ftp:; expected http: or https:');
    expect(problem(['a.example/h'])).toBe('webhook "a.example/h" is not a URL; expected http://... or https://...');
    expect(problem(['https://user:pw@a.example/h'])).toMatch(/^webhook a\.example: credentials in the URL/);
    expect(problem(['https://a.example/h', 'https://a.example/h'])).toBe('a webhook URL is listed twice; each gets every event once');
    expect(webhookOptionsProblem({ urls: ['https://a.example/h'], secret: SECRET, timeoutMs: 0 })).toBe(
      'webhooks.timeoutMs is 0; expected a whole number above 0',
    );
    expect(problem([], '')).toBeNull();
    expect(problem(['https://a.example/h', 'http://127.0.0.1:8080/h'])).toBeNull();
    // The receiver refuses them at creation, before opening its storage.
    expect(() => createReceiver({ storage: pglite(), webhooks: { urls: ['https://a.example/h'], secret: 'short' } })).toThrow(RangeError);
  });

  it('have documented defaults, each replaceable', () => {
    expect(policyOf({ urls: [], secret: SECRET })).toEqual(DEFAULT_DELIVERY_POLICY);
    expect(DEFAULT_DELIVERY_POLICY.giveUpAfterMs).toBe(3 * 24 * 3600 * 1000);
    expect(policyOf({ urls: [], secret: SECRET, pollMs: 5 })).toEqual({ ...DEFAULT_DELIVERY_POLICY, pollMs: 5 });
  });
});

describe('retries', () => {
  const policy = { firstRetryMs: 10_000, maxRetryMs: 3_600_000 };

  it('wait up to firstRetryMs x 2^(n-1), capped, drawn uniformly from 0 (full jitter)', () => {
    expect(retryDelay(1, policy, () => 0.999_999)).toBe(9999);
    expect(retryDelay(4, policy, () => 0.5)).toBe(40_000);
    expect(retryDelay(30, policy, () => 0.999_999)).toBe(3_599_996);
    expect(retryDelay(3, policy, () => 0)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, draw) => {
        const delay = retryDelay(attempts, policy, () => draw);
        return Number.isInteger(delay) && delay >= 0 && delay < Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** (attempts - 1));
      }),
    );
  });

  it('hold a claim past the timeout, so a live sender finishes before anyone else may send', () => {
    expect(leaseFor({ timeoutMs: 10_000 })).toBeGreaterThan(10_000);
  });
});

describe('the request', () => {
  it('signs UNIX_SECONDS + "." + body with HMAC-SHA256, as t=...,v1=...', () => {
    const body = eventBody({ eventId: 'e', type: 'response.completed', createdAt: new Date('2026-12-02T10:00:00.000Z'), response: { id: 'r' } });
    expect(body).toBe('{"id":"e","type":"response.completed","createdAt":"2026-12-02T10:00:00.000Z","response":{"id":"r"}}');
    const expected = createHmac('sha256', SECRET).update(`1764669600.${body}`).digest('hex');
    expect(signatureHeader(SECRET, body, 1_764_669_600)).toBe(`t=1764669600,v1=${expected}`);
  });
});
