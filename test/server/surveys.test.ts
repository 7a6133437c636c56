/**
 * GET /surveys on PGlite and on PostgreSQL: the dashboard's survey picker. Each survey once,
 * with its answers counted once per id (latest state), its scales, survey types and kinds, and
 * the span of its createdAt; only with the token. And `/`, the dashboard's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreOnly, startReceiver, submitted, type TestReceiver } from './receivers.js';
import { STORES } from './stores.js';

describe.each(STORES)('GET /surveys on $name', (kind) => {
  let r: TestReceiver;

  beforeAll(async () => {
    r = await startReceiver({ storage: await kind.fresh(), rateLimit: 0 });
    const checkout = [scoreOnly(9, { surveyId: 'checkout' }), scoreOnly(3, { surveyId: 'checkout' })];
    checkout[0]!.createdAt = '2026-11-01T08:00:00.000Z';
    checkout[1]!.createdAt = '2026-11-20T17:30:00.000Z';
    const delivered = [
      ...checkout,
      // The same id delivered again, submitted: still one response.
      { ...submitted(10, 'Great', { id: checkout[0]!.id, surveyId: 'checkout' }), createdAt: '2026-11-01T08:00:00.000Z' },
      { ...scoreOnly(7, { surveyId: 'checkout' }), surveyType: 'transactional' },
      { ...scoreOnly(4, { surveyId: 'team' }), kind: 'enps', user: null, pageUrl: null, scale: '1-5', category: 'detractor' },
    ];
    for (const payload of delivered) expect((await r.post(payload)).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await r?.close();
  });

  it('lists each survey with its count, scales, types, kinds and span, by id', async () => {
    const answer = await r.read('/surveys');
    expect(answer.status).toBe(200);
    const { surveys } = await answer.json();
    expect(surveys).toEqual([
      {
        surveyId: 'checkout',
        responses: 3,
        scales: ['0-10'],
        surveyTypes: ['relationship', 'transactional'],
        kinds: ['nps'],
        firstAt: '2026-11-01T08:00:00.000Z',
        // The third answer's, chosen on the 22nd (receivers.ts).
        lastAt: '2026-11-22T10:00:00.000Z',
      },
      {
        surveyId: 'team',
        responses: 1,
        scales: ['1-5'],
        surveyTypes: ['relationship'],
        kinds: ['enps'],
        firstAt: '2026-11-22T10:00:00.000Z',
        lastAt: '2026-11-22T10:00:00.000Z',
      },
    ]);
  });

  it('answers the dashboard at / to anyone: a page with no data, which asks for the token', async () => {
    const page = await r.call('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<script type="module" src="dashboard/app.js"></script>');
    expect(html).not.toContain('checkout');
    expect((await r.call('/dashboard/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 401 without the token, and 405 to other methods', async () => {
    expect((await r.call('/surveys')).status).toBe(401);
    expect((await r.call('/surveys', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await r.call('/surveys', { method: 'POST' })).status).toBe(405);
  });
});
