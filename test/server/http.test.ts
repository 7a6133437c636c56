/**
 * The receiver's HTTP surface on PGlite and on PostgreSQL: what each route answers, how bad
 * input is refused (4xx with a reason, nothing stored, never a 5xx), CORS, the token, and
 * what GET /results and GET /responses return.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateNps } from '../../src/core/nps.js';
import type { NpsResponse } from '../../src/core/payload.js';
import { parseCsv } from '../../src/core/results/csv.js';
import { recordsFromCsv } from '../../src/core/results/records-csv.js';
import { readTallies } from '../../src/core/results/tallies.js';
import { postgres } from '../../src/server/store/postgres.js';
import { createReceiver } from '../../src/server/receiver.js';
import { scoreOnly, serveOverHttp, startReceiver, submitted, TOKEN, type TestReceiver } from './receivers.js';
import { newDatabase, STORES } from './stores.js';

const SHOP = 'https://shop.example';
const survey = () => `survey-${randomUUID().slice(0, 8)}`;
const byId = (list: NpsResponse[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe.each(STORES)('the receiver on $name', (kind) => {
  let r: TestReceiver;

  beforeAll(async () => {
    r = await startReceiver({ storage: await kind.fresh(), allowedOrigins: [SHOP], rateLimit: 0 });
  });
  afterAll(async () => {
    await r?.close();
  });

  const preflight = (origin: string) =>
    r.call('/responses', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
  const storedIn = async (surveyId: string): Promise<NpsResponse[]> => (await r.read(`/responses?surveyId=${surveyId}`)).json();

  describe('POST /responses', () => {
    it('answers 201 to the first delivery of an id and 200 to repeats, keeping the latest state', async () => {
      const surveyId = survey();
      const first = scoreOnly(8, { surveyId });
      const final = submitted(9, 'Quick and friendly', { id: first.id, surveyId });

      const created = await r.post(first);
      expect(created.status).toBe(201);
      expect(await created.json()).toEqual({ ok: true, id: first.id, outcome: 'created' });
      expect((await r.post(first)).status).toBe(200);
      expect(await (await r.post(final)).json()).toMatchObject({ outcome: 'updated' });
      // The score-only delivery retried after the submit: acknowledged, not stored.
      const late = await r.post(scoreOnly(8, { id: first.id, surveyId, sentAfter: 30 }));
      expect(late.status).toBe(200);
      expect(await late.json()).toMatchObject({ outcome: 'kept' });

      expect(await storedIn(surveyId)).toEqual([final]);
    });

    it('accepts application/json and a body with no type as well', async () => {
      const surveyId = survey();
      expect((await r.post(scoreOnly(5, { surveyId }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })).status).toBe(201);
      expect((await r.call('/responses', { method: 'POST', body: new Blob([JSON.stringify(scoreOnly(6, { surveyId }))]) })).status).toBe(201);
      expect(await storedIn(surveyId)).toHaveLength(2);
    });

    it('drops unknown fields and stores the clean record', async () => {
      const surveyId = survey();
      const payload = scoreOnly(10, { surveyId });
      await r.post({ ...payload, isAdmin: true, nested: { deep: [1, 2, 3] } });
      const [record] = await storedIn(surveyId);
      expect(record).toEqual(payload);
      expect(record).not.toHaveProperty('isAdmin');
    });

    it.each([
      ['malformed JSON', '{"score": 9', 400, /not valid JSON/],
      ['an empty body', '', 400, /body is empty/],
      ['a JSON array', '[1, 2, 3]', 400, /JSON object/],
      ['a JSON string', '"9"', 400, /JSON object/],
      ['deep nesting', '['.repeat(30_000) + ']'.repeat(30_000), 400, /JSON object/],
      ['a number past double range as the score', JSON.stringify(scoreOnly(9)).replace('"score":9', '"score":1e400'), 400, /"score" is Infinity/],
      ['a huge integer as the score', JSON.stringify(scoreOnly(9)).replace('"score":9', '"score":123456789012345678901234567890'), 400, /"score"/],
      [
        'a comment over 10,000 characters',
        JSON.stringify({ ...submitted(9, 'x'), comment: 'x'.repeat(10_001) }),
        400,
        /"comment" has 10001 characters; at most 10000/,
      ],
      ['nested metadata', JSON.stringify({ ...scoreOnly(9), metadata: { a: { b: 1 } } }), 400, /"metadata"/],
      ['an id that is SQL', JSON.stringify({ ...scoreOnly(9), id: "1'; DROP TABLE nps_responses; --" }), 400, /"id" is .*expected a UUID/],
      ['a timestamp PostgreSQL cannot hold', JSON.stringify({ ...scoreOnly(9), createdAt: '0000-06-01T00:00:00Z' }), 400, /"createdAt"/],
    ])('refuses %s with 400 and the reason, storing nothing', async (_name, body, status, reason) => {
      const answer = await r.post(body);
      expect(answer.status).toBe(status);
      expect((await answer.json()).error).toMatch(reason);
    });

    it('refuses a body that is not UTF-8, or says another charset, and other content types', async () => {
      const latin1 = new Uint8Array([...new TextEncoder().encode('{"comment":"caf'), 0xe9, ...new TextEncoder().encode('"}')]);
      const notUtf8 = await r.call('/responses', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: latin1 });
      expect([notUtf8.status, (await notUtf8.json()).error]).toEqual([400, 'body is not valid UTF-8']);
      const charset = await r.post(scoreOnly(9), { headers: { 'Content-Type': 'text/plain; charset=ISO-8859-1' } });
      expect(charset.status).toBe(415);
      for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html']) {
        const answer = await r.post(scoreOnly(9), { headers: { 'Content-Type': type } });
        expect(answer.status, type).toBe(415);
        expect((await answer.json()).error).toContain('text/plain or application/json');
      }
    });

    it('keeps text with NUL or lone surrogates as U+FFFD, and SQL-looking text as it is', async () => {
      const surveyId = survey();
      const payload = submitted(3, 'x', { surveyId });
      const raw = JSON.stringify({ ...payload, comment: 'COMMENT' }).replace('"COMMENT"', '"cut \\ud83d emoji, nul \\u0000 here"');
      expect((await r.post(raw)).status).toBe(201);
      const sql = scoreOnly(4, { surveyId });
      const sqlLike = { ...sql, touchpoint: "checkout'); DELETE FROM nps_responses; --", metadata: { 'a" OR 1=1 --': "'; SELECT pg_sleep(10); --" } };
      expect((await r.post(sqlLike)).status).toBe(201);

      const stored = await storedIn(surveyId);
      expect(stored.find((record) => record.id === payload.id)?.comment).toBe('cut \uFFFD emoji, nul \uFFFD here');
      expect(stored.find((record) => record.id === sql.id)).toMatchObject({ touchpoint: sqlLike.touchpoint, metadata: sqlLike.metadata });
    });

    it('keeps a huge but finite metadata number as a number', async () => {
      const surveyId = survey();
      await r.post({ ...scoreOnly(7, { surveyId }), metadata: { big: 1.7976931348623157e308, tiny: 5e-324, negativeZero: -0 } });
      expect((await storedIn(surveyId))[0]?.metadata).toEqual({ big: 1.7976931348623157e308, tiny: 5e-324, negativeZero: 0 });
    });

    it('answers 413 to a body over 64 KiB by its declared length', async () => {
      const answer = await r.post({ ...scoreOnly(9), comment: 'x'.repeat(70_000) });
      expect(answer.status).toBe(413);
      expect((await answer.json()).error).toBe('body is larger than 65536 bytes');
    });
  });

  describe('CORS', () => {
    it('answers a preflight from an allowed origin, and refuses one from another', async () => {
      const allowed = await preflight(SHOP);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      expect((await preflight('https://elsewhere.example')).status).toBe(403);
    });

    it('stores a POST from an allowed origin (exposing Retry-After), its own origin, or no origin; refuses any other with 403', async () => {
      const surveyId = survey();
      const fromShop = await r.post(scoreOnly(9, { surveyId }), { headers: { 'Content-Type': 'text/plain', Origin: SHOP } });
      expect(fromShop.status).toBe(201);
      expect(fromShop.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(fromShop.headers.get('access-control-allow-credentials')).toBe('true');
      expect(fromShop.headers.get('access-control-expose-headers')).toBe('Retry-After, Link');
      expect((await r.post(scoreOnly(9, { surveyId }), { headers: { 'Content-Type': 'text/plain', Origin: 'http://127.0.0.1:5179' } })).status).toBe(201);
      expect((await r.post(scoreOnly(9, { surveyId }))).status).toBe(201);

      const refused = await r.post(scoreOnly(9, { surveyId }), { headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' } });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toBe(
        'origin https://evil.example is not allowed to use this receiver; start it with --allowed-origin https://evil.example',
      );
      expect(await storedIn(surveyId)).toHaveLength(3);
    });
  });

  describe('reading needs the token', () => {
    it.each(['/results?surveyId=nps', '/responses', `/responses/${randomUUID()}`])('answers 401 to %s without it or with a wrong one', async (path) => {
      const method = path.startsWith('/responses/') ? 'DELETE' : 'GET';
      const attempts: Array<Record<string, string>> = [
        {},
        { Authorization: 'Bearer wrong-token-wrong-token' },
        { Authorization: `Basic ${TOKEN}` },
        { Authorization: `Bearer ${TOKEN}x` },
      ];
      for (const headers of attempts) {
        const answer = await r.call(path, { method, headers });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="nps-widget"');
      }
    });
  });

  describe('GET /results', () => {
    const surveyId = `results-${kind.name}`;
    beforeAll(async () => {
      // Scores as the Hungarian worked example has them; the first chosen on 21 November, the rest over two days.
      const counts = [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75];
      let index = 0;
      for (const [score, count] of counts.entries()) {
        for (let n = 0; n < count; n++, index++) {
          const payload = scoreOnly(score, { surveyId });
          payload.createdAt = new Date(Date.parse('2026-11-21T21:30:00.000Z') + index * 10 * 60_000).toISOString();
          expect((await r.post(payload)).status).toBe(201);
        }
      }
    });

    it('answers the total as counts per score, which calculateNps takes as they are', async () => {
      const answer = await r.read(`/results?surveyId=${surveyId}`);
      expect(answer.status).toBe(200);
      const body = await answer.json();
      expect(body).toEqual({ surveyId, scale: '0-10', timeZone: 'UTC', total: { counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] }, groups: [] });
      expect(calculateNps(body.total).rounded).toBe(-12);
      // The results preview reads the answer as it is.
      expect(readTallies(body, {}).total).toEqual(readTallies({ surveyId, scale: '0-10', total: body.total, groups: [] }, {}).total);
    });

    it('groups by local day in a time zone, within local dates', async () => {
      const utc = await (await r.read(`/results?surveyId=${surveyId}&by=day`)).json();
      expect(utc.groups.map((g: { key: string }) => g.key)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
      const helsinki = await (await r.read(`/results?surveyId=${surveyId}&by=day&timeZone=Europe/Helsinki&from=2026-11-22&to=2026-11-23`)).json();
      expect(helsinki).toMatchObject({ by: 'day', timeZone: 'Europe/Helsinki', from: '2026-11-22', to: '2026-11-23' });
      expect(helsinki.groups.map((g: { key: string }) => g.key)).toEqual(['2026-11-22', '2026-11-23']);
      expect(readTallies(helsinki, { timeZone: 'Europe/Helsinki' }).groups).toHaveLength(2);
      // 21:30 UTC on the 21st is 23:30 in Helsinki: the first 3 answers fall on the 21st there, the next 144 on the 22nd.
      expect(sum(helsinki.groups[0].counts)).toBe(144);
      expect(helsinki.total.counts.reduce((a: number, b: number) => a + b, 0)).toBe(sum(helsinki.groups[0].counts) + sum(helsinki.groups[1].counts));
    });

    it('answers an unknown survey with zero counts on 0-10', async () => {
      expect(await (await r.read('/results?surveyId=nobody-answered')).json()).toEqual({
        surveyId: 'nobody-answered',
        scale: '0-10',
        timeZone: 'UTC',
        total: { counts: Array(11).fill(0) },
        groups: [],
      });
    });

    it('keeps scales apart: asks which one when a survey has several', async () => {
      const mixed = survey();
      await r.post(scoreOnly(9, { surveyId: mixed }));
      await r.post({ ...scoreOnly(5, { surveyId: mixed }), scale: '1-5', category: 'promoter' });
      const ambiguous = await r.read(`/results?surveyId=${mixed}`);
      expect(ambiguous.status).toBe(400);
      expect((await ambiguous.json()).error).toContain('0-10 and 1-5');
      expect((await (await r.read(`/results?surveyId=${mixed}&scale=1-5`)).json()).total.counts).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    });

    it.each([
      ['/results', 'parameter "surveyId" is required'],
      ['/results?surveyId=nps&by=week-day', 'by is "week-day"'],
      ['/results?surveyId=nps&by=metadata.', 'a metadata key is 1 to 100 characters'],
      ['/results?surveyId=nps&timeZone=Mars/Olympus', 'timeZone is "Mars/Olympus"'],
      ['/results?surveyId=nps&from=2026-02-30', 'from is "2026-02-30"'],
      ['/results?surveyId=nps&from=2026-03-01&to=2026-02-01', 'from (2026-03-01) is after to (2026-02-01)'],
      ['/results?surveyid=nps', 'unknown parameter "surveyid"'],
      ['/results?surveyId=nps&scale=0-100', 'scale is "0-100"'],
    ])('refuses %s with 400: %s', async (path, reason) => {
      const answer = await r.read(path);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toContain(reason);
    });
  });

  describe('GET /responses', () => {
    const surveyId = `export-${kind.name}`;
    let records: NpsResponse[];
    beforeAll(async () => {
      records = [
        submitted(2, '=HYPERLINK("http://evil.example","click")', { surveyId }),
        submitted(10, 'Great, "really", great', { surveyId }),
        scoreOnly(7, { surveyId }),
      ];
      for (const record of records) await r.post(record);
    });

    it('answers a JSON array of the stored records', async () => {
      const answer = await r.read(`/responses?surveyId=${surveyId}`);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(byId(await answer.json())).toEqual(byId(records));
      expect(await (await r.read('/responses?surveyId=nobody')).json()).toEqual([]);
    });

    it('answers NDJSON, one record a line', async () => {
      const answer = await r.read(`/responses?surveyId=${surveyId}&format=ndjson`);
      expect(answer.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const lines = (await answer.text()).trimEnd().split('\n');
      expect(byId(lines.map((line) => JSON.parse(line)))).toEqual(byId(records));
    });

    it('answers CSV that spreadsheets show as text and the results page reads back', async () => {
      const answer = await r.read(`/responses?surveyId=${surveyId}&format=csv`);
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="nps-responses-${surveyId}.csv"`);
      const text = await answer.text();
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(byId(recordsFromCsv(parseCsv(text)) as NpsResponse[])).toEqual(byId(records));
    });

    it('filters by createdAt', async () => {
      const answer = await r.read(`/responses?surveyId=${surveyId}&from=2026-11-23`);
      expect(await answer.json()).toEqual([]);
      expect(await (await r.read(`/responses?surveyId=${surveyId}&from=2026-11-22T09:59:59Z&to=2026-11-22T10:00:00Z`)).json()).toHaveLength(3);
      expect((await r.read('/responses?format=xml')).status).toBe(400);
    });
  });

  describe('DELETE /responses/{id}', () => {
    it('erases one response: 200 with the count, then 404', async () => {
      const surveyId = survey();
      const [kept, erased] = [scoreOnly(9, { surveyId }), scoreOnly(1, { surveyId })];
      await r.post(kept);
      await r.post(erased);
      const remove = () => r.call(`/responses/${erased.id.toUpperCase()}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });

      const first = await remove();
      expect([first.status, await first.json()]).toEqual([200, { deleted: 1 }]);
      expect((await remove()).status).toBe(404);
      expect(await storedIn(surveyId)).toEqual([kept]);
      const notAnId = await r.call('/responses/1%20OR%201=1', { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(notAnId.status).toBe(400);
    });
  });
});

describe('routes and files', () => {
  let r: TestReceiver;
  beforeAll(async () => {
    r = await startReceiver({ storage: await STORES[1]!.fresh() });
  });
  afterAll(async () => {
    await r?.close();
  });

  it('serves the widget script with its type, an ETag it honours, and compression', async () => {
    const plain = await r.call('/nps-widget.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
    const script = await plain.text();
    expect(script).toMatch(/var NpsWidget\s*=/);

    const etag = plain.headers.get('etag') as string;
    expect((await r.call('/nps-widget.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);

    const zipped = await r.call('/nps-widget.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(script);
    expect((await r.call('/nps-widget.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })).headers.get('content-encoding')).toBe('br');
  });

  it('serves whatever else the build put beside it (locale files), and nothing outside dist/ or of the server', async () => {
    const locale = await r.call('/locales/fi.js');
    expect(locale.status).toBe(200);
    expect(locale.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const path of [
      '/server/cli.js',
      '/index.d.ts',
      '/../package.json',
      '/%2e%2e/package.json',
      '/locales/..%2f..%2fpackage.json',
      '/.hidden.js',
      '/nope.js',
    ]) {
      const answer = await r.call(path);
      expect(answer.status, path).toBe(404);
    }
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await r.call('/admin')).status).toBe(404);
    const put = await r.call('/responses', { method: 'PUT' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST, DELETE, OPTIONS']);
    expect((await r.call('/results', { method: 'POST' })).status).toBe(405);
  });

  it('answers 413 to a streamed body that passes 64 KiB, readable by the client (over real HTTP)', async () => {
    const served = await serveOverHttp(r.receiver);
    try {
      const { port } = new URL(served.url);
      const status = await new Promise<number | string>((done) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: '/responses', method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (answer) => {
          answer.resume();
          done(answer.statusCode ?? 0);
        });
        request.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
        // Chunked, with no length: only counting the bytes can catch it.
        for (let sent = 0; sent <= 80_000; sent += 8192) request.write('x'.repeat(8192));
        request.end();
      });
      expect(status).toBe(413);
    } finally {
      await served.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit for one address, and lets others through', async () => {
    const r = await startReceiver({ storage: await STORES[1]!.fresh(), rateLimit: 3 });
    try {
      for (let n = 0; n < 3; n++) expect((await r.post(scoreOnly(9), { address: '203.0.113.7' })).status).toBe(201);
      const limited = await r.post(scoreOnly(9), { address: '203.0.113.7' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await limited.json()).error).toMatch(/too many answers from 203\.0\.113\.7/);
      expect((await r.post(scoreOnly(9), { address: '198.51.100.4' })).status).toBe(201);
    } finally {
      await r.close();
    }
  });
});

describe('a pool the application already has', () => {
  it('is used as the storage, and left open when the receiver closes', async () => {
    const pool = new Pool({ connectionString: await newDatabase(), max: 4 });
    try {
      const r = await startReceiver({ storage: pool });
      const payload = scoreOnly(9, { surveyId: 'from-a-pool' });
      expect((await r.post(payload)).status).toBe(201);
      await r.close();
      const { rows } = await pool.query('SELECT record FROM nps_responses WHERE id = $1', [payload.id]);
      expect(rows.map((row: { record: NpsResponse }) => row.record)).toEqual([payload]);
    } finally {
      await pool.end();
    }
  });
});

describe('storage that cannot be reached', () => {
  it('answers 503 with the reason and Retry-After (the widget retries), and ready says why', async () => {
    const receiver = createReceiver({ storage: postgres({ connectionString: 'postgres://nps@127.0.0.1:1/nowhere' }), token: TOKEN, onError: () => {} });
    await expect(receiver.ready).rejects.toThrow(/cannot connect to 127\.0\.0\.1:1\/nowhere/);
    const answer = await receiver.fetch(new Request('http://127.0.0.1/responses', { method: 'POST', body: JSON.stringify(scoreOnly(9)) }));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect((await answer.json()).error).toMatch(/^storage unavailable: cannot connect/);
    await receiver.close();
  });
});

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
