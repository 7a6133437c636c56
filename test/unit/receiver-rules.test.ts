// @vitest-environment node
/**
 * The receiver's pure rules, without storage or sockets: the command's flags, the query
 * strings of /results and /responses, the results' shape, the rate limit, origins, the
 * token, content types, which widget files may be served, and the export's formats.
 */
import { describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import { parseCommand, DEFAULT_DATA_DIR, DEFAULT_PORT } from '../../src/server/cli.js';
import { exportStream } from '../../src/server/export.js';
import { bearerOf, newToken, tokenProblem, tokensMatch } from '../../src/server/http/auth.js';
import { contentTypeProblem } from '../../src/server/http/body.js';
import { resolveWidgetFile } from '../../src/server/http/files.js';
import { originPolicy } from '../../src/server/http/origins.js';
import { decodeCursor, encodeCursor } from '../../src/server/http/cursor.js';
import { parseEraseQuery, parseExportQuery, parseResultsQuery } from '../../src/server/http/query.js';
import { createRateLimiter } from '../../src/server/http/rate-limit.js';
import { chooseScale, shapeResults } from '../../src/server/results.js';
import { readTallies } from '../../src/core/results/tallies.js';

const params = (query: string) => new URLSearchParams(query);
function asked(query: string) {
  const parsed = parseResultsQuery(params(query));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}
const request = (authorization: string) => new Request('http://x/', { headers: { Authorization: authorization } });
const record = (id: string, comment: string | null) => ({ id, comment, score: 9, metadata: {}, user: null }) as unknown as NpsResponse;
async function exported(format: 'json' | 'ndjson' | 'csv', pages: NpsResponse[][]): Promise<string> {
  const stream = exportStream(
    format,
    (async function* () {
      yield* pages;
    })(),
  );
  return new Response(stream).text();
}

describe('nps-widget serve: flags and their environment twins', () => {
  it('has defaults for everything', () => {
    expect(parseCommand(['serve'], {})).toEqual({
      kind: 'serve',
      config: {
        port: DEFAULT_PORT,
        host: '127.0.0.1',
        database: null,
        dataDir: DEFAULT_DATA_DIR,
        token: undefined,
        allowedOrigins: [],
        rateLimit: 600,
        trustProxy: false,
        webhooks: [],
        webhookSecret: undefined,
        retention: null,
        minGroupSize: 5,
      },
    });
  });

  it('reads the environment, and a flag wins over its twin', () => {
    const env = {
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://db/nps',
      NPS_TOKEN: 'from-env',
      NPS_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      NPS_RATE_LIMIT: '60',
      NPS_TRUST_PROXY: 'true',
      NPS_MIN_GROUP_SIZE: '10',
    };
    expect(parseCommand(['serve'], env)).toMatchObject({
      config: {
        port: 8080,
        host: '0.0.0.0',
        database: 'postgres://db/nps',
        token: 'from-env',
        allowedOrigins: ['https://a.example', 'https://b.example'],
        rateLimit: 60,
        trustProxy: true,
        minGroupSize: 10,
      },
    });
    expect(parseCommand(['serve', '--min-group-size', '3'], env)).toMatchObject({ config: { minGroupSize: 3 } });
    expect(
      parseCommand(['serve', '--port', '9', '--allowed-origin', 'https://c.example', '--allowed-origin', 'https://d.example', '--rate-limit', '0'], env),
    ).toMatchObject({
      config: { port: 9, allowedOrigins: ['https://c.example', 'https://d.example'], rateLimit: 0 },
    });
  });

  it('reads retention: days, and the scope (all unless personal)', () => {
    expect(parseCommand(['serve', '--retention-days', '30'], {})).toMatchObject({ config: { retention: { days: 30, scope: 'all' } } });
    expect(parseCommand(['serve'], { NPS_RETENTION_DAYS: '365', NPS_RETENTION_SCOPE: 'personal' })).toMatchObject({
      config: { retention: { days: 365, scope: 'personal' } },
    });
    expect(parseCommand(['serve', '--retention-scope', 'all'], { NPS_RETENTION_DAYS: '7', NPS_RETENTION_SCOPE: 'personal' })).toMatchObject({
      config: { retention: { days: 7, scope: 'all' } },
    });
    expect(parseCommand(['serve'], { NPS_RETENTION_DAYS: '' })).toMatchObject({ config: { retention: null } });
    expect(parseCommand(['serve', '--retention-days', '0'], {})).toMatchObject({ kind: 'error', message: expect.stringContaining('expected at least 1') });
    expect(parseCommand(['serve', '--retention-days', 'a month'], {})).toMatchObject({
      kind: 'error',
      message: 'retention days is "a month"; expected a whole number from 0 to 36500',
    });
    expect(parseCommand(['serve', '--retention-days', '30', '--retention-scope', 'comments'], {})).toMatchObject({
      kind: 'error',
      message: 'retention scope is "comments"; expected all or personal',
    });
    expect(parseCommand(['serve', '--retention-scope', 'personal'], {})).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('needs --retention-days N'),
    });
  });

  it('says what is wrong', () => {
    expect(parseCommand([], {})).toEqual({ kind: 'error', message: 'say what to do: nps-widget serve' });
    expect(parseCommand(['serve', '--port', '70000'], {})).toMatchObject({ message: 'port is "70000"; expected a whole number from 0 to 65535' });
    expect(parseCommand(['serve'], { NPS_RATE_LIMIT: 'lots' })).toMatchObject({ message: 'rate limit is "lots"; expected a whole number from 0 to 1000000' });
    expect(parseCommand(['serve', '--min-group-size', '0'], {})).toMatchObject({ message: 'min group size is 0; expected at least 1 answer' });
    expect(parseCommand(['serve'], { NPS_MIN_GROUP_SIZE: 'five' })).toMatchObject({
      message: 'min group size is "five"; expected a whole number from 0 to 1000000',
    });
    expect(parseCommand(['--help'], {})).toEqual({ kind: 'help' });
  });
});

describe('GET /results query', () => {
  it('reads survey, grouping, zone and scale, with local days as bounds', () => {
    expect(parseResultsQuery(params('surveyId=checkout&by=day&timeZone=Europe/Helsinki&from=2026-11-01&to=2026-11-30&scale=1-5'))).toEqual({
      ok: true,
      value: {
        surveyId: 'checkout',
        grouping: { time: 'day' },
        by: 'day',
        scale: '1-5',
        span: { timeZone: 'Europe/Helsinki', from: { local: '2026-11-01T00:00:00.000' }, before: { local: '2026-12-01T00:00:00.000' } },
        from: '2026-11-01',
        to: '2026-11-30',
      },
    });
  });

  it('takes instants and local date-times as bounds, `to` inclusive to the millisecond', () => {
    const parsed = parseResultsQuery(params('surveyId=nps&from=2026-11-22T09:30&to=2026-11-22T10:00:00.250%2B02:00'));
    expect(parsed).toMatchObject({
      ok: true,
      value: { span: { timeZone: 'UTC', from: { local: '2026-11-22T09:30:00.000' }, before: { instant: '2026-11-22T08:00:00.251Z' } } },
    });
  });

  it.each([
    ['', 'parameter "surveyId" is required'],
    [
      'surveyId=nps&by=year',
      'by is "year"; allowed: "day", "week", "month", "touchpoint", "surveyType", "locale", "kind", "category", "metadata.KEY", "user.KEY", or none',
    ],
    ['surveyId=nps&by=metadata.', 'by is "metadata."; a metadata key is 1 to 100 characters'],
    [`surveyId=nps&by=user.${'k'.repeat(101)}`, 'a user key is 1 to 100 characters'],
    ['surveyId=nps&timeZone=Europe/Atlantis', 'timeZone is "Europe/Atlantis"; expected an IANA time zone'],
    ['surveyId=nps&from=yesterday', 'from is "yesterday"; expected a date (2026-11-22)'],
    ['surveyId=nps&to=2026-13-01', 'to is "2026-13-01"'],
    ['surveyId=nps&from=9999-12-31', 'from is "9999-12-31"'],
    ['surveyId=nps&from=2026-11-02&to=2026-11-01', 'from (2026-11-02) is after to (2026-11-01)'],
    ['surveyId=nps&surveyId=other', 'parameter "surveyId" is given more than once'],
    ['surveyId=nps&format=csv', 'unknown parameter "format"; this route takes surveyId, from, to, by, timeZone, scale'],
  ])('refuses ?%s: %s', (query, reason) => {
    const parsed = parseResultsQuery(params(query));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});

describe('GET /responses query', () => {
  const UTC_SPAN = { timeZone: 'UTC', from: null, before: null };
  it('exports every survey as JSON, oldest first, unless told otherwise', () => {
    expect(parseExportQuery(params(''))).toEqual({
      ok: true,
      value: {
        filter: { surveyId: null, span: UTC_SPAN, categories: null, complete: null, consented: false, commented: false, search: null },
        order: 'oldest',
        limit: null,
        cursor: null,
        format: 'json',
      },
    });
    expect(parseExportQuery(params('format=csv&surveyId=nps'))).toMatchObject({ ok: true, value: { filter: { surveyId: 'nps' }, format: 'csv' } });
    expect(parseExportQuery(params('format=xlsx'))).toEqual({ ok: false, reason: 'format is "xlsx"; allowed: "json", "ndjson", "csv"' });
  });

  it('reads every filter, combined', () => {
    const cursor = encodeCursor({ createdAt: '2026-11-22T10:00:00.123456Z', id: '0b7c6a8e-5a4f-4c1e-9a53-2d0f4f8a9b10' });
    const query = `surveyId=nps&category=detractor,passive&consent=true&complete=true&comment=true&q=${encodeURIComponent('50%_off\0')}&order=newest&limit=20&cursor=${cursor}`;
    expect(parseExportQuery(params(query))).toMatchObject({
      ok: true,
      value: {
        filter: { surveyId: 'nps', categories: ['detractor', 'passive'], complete: true, consented: true, commented: true, search: '50%_off\uFFFD' },
        order: 'newest',
        limit: 20,
        cursor: { createdAt: '2026-11-22T10:00:00.123456Z', id: '0b7c6a8e-5a4f-4c1e-9a53-2d0f4f8a9b10' },
      },
    });
    expect(parseExportQuery(params('complete=false&category=promoter,promoter'))).toMatchObject({
      value: { filter: { complete: false, categories: ['promoter'] } },
    });
  });

  it.each([
    ['category=fan', 'category "fan" is not one; allowed: "detractor", "passive", "promoter"'],
    ['category=detractor,', 'category "" is not one'],
    ['consent=false', 'consent is "false"; the only value is "true"'],
    ['comment=yes', 'comment is "yes"; the only value is "true"'],
    ['complete=1', 'complete is "1"; allowed: "true" (submitted), "false"'],
    ['q=', 'q is empty'],
    [`q=${'x'.repeat(1001)}`, 'q is 1001 characters long'],
    ['order=random', 'order is "random"; allowed: "oldest", "newest"'],
    ['limit=0', 'limit is "0"; expected a whole number from 1 to 1000'],
    ['limit=1001', 'limit is "1001"'],
    ['limit=2.5', 'limit is "2.5"'],
    ['cursor=abc', 'cursor "abc" is not one this receiver gave'],
    [`cursor=${btoa('2026-02-30T10:00:00.000000Z 0b7c6a8e-5a4f-4c1e-9a53-2d0f4f8a9b10')}`, 'is not one this receiver gave'],
    ['limit=5&limit=6', 'parameter "limit" is given more than once'],
    ['user=ann', 'unknown parameter "user"'],
  ])('refuses %s: %s', (query, reason) => {
    const parsed = parseExportQuery(params(query));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it('writes cursors it reads back, and nothing else reads as one', () => {
    const position = { createdAt: '0001-01-01T00:00:00.000000Z', id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(encodeCursor(position)).toMatch(/^[\w-]+$/);
    expect(decodeCursor('')).toBeNull();
  });
});

describe('DELETE /responses query', () => {
  it('takes the user.id, and nothing else', () => {
    expect(parseEraseQuery(params('userId=u-42'))).toEqual({ ok: true, value: 'u-42' });
    expect(parseEraseQuery(params(''))).toMatchObject({ ok: false, reason: expect.stringContaining('parameter "userId" is required') });
    expect(parseEraseQuery(params('userId=a&surveyId=nps'))).toMatchObject({ ok: false, reason: expect.stringContaining('unknown parameter "surveyId"') });
  });
});

describe('the shape of /results', () => {
  const rows = [
    { key: '2026-11-23', scale: '0-10', counts: [0, 0, 0, 4, 0, 0, 0, 0, 0, 2, 0] },
    { key: '2026-11-22', scale: '0-10', counts: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] },
  ];

  it('gives 11 counts indexed by score in total and per group, groups in key order, with what was asked', () => {
    const shaped = shapeResults(asked('surveyId=nps&by=day&timeZone=Europe/Helsinki&from=2026-11-01&to=2026-11-30'), rows);
    expect(shaped).toEqual({
      ok: true,
      value: {
        surveyId: 'nps',
        scale: '0-10',
        by: 'day',
        timeZone: 'Europe/Helsinki',
        from: '2026-11-01',
        to: '2026-11-30',
        total: { counts: [0, 0, 0, 5, 0, 0, 0, 0, 0, 2, 0] },
        groups: [
          { key: '2026-11-22', counts: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] },
          { key: '2026-11-23', counts: [0, 0, 0, 4, 0, 0, 0, 0, 0, 2, 0] },
        ],
      },
    });
    // What the results preview reads from a receiver: it takes the answer as it is.
    expect(readTallies(shaped.ok && shaped.value, {})).toMatchObject({ by: 'day', timeZone: 'Europe/Helsinki', from: '2026-11-01', ungrouped: null });
  });

  it('answers on one scale: the one asked, the only one there, or asks', () => {
    const mixed = [...rows, { key: null, scale: '1-5', counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0] }];
    expect(chooseScale([], null)).toEqual({ ok: true, value: '0-10' });
    expect(chooseScale(rows, null)).toEqual({ ok: true, value: '0-10' });
    expect(chooseScale(mixed, '1-5')).toEqual({ ok: true, value: '1-5' });
    expect(chooseScale(mixed, null)).toMatchObject({ ok: false, reason: expect.stringContaining('scales 0-10 and 1-5') });
    expect(shapeResults(asked('surveyId=nps&scale=1-5'), mixed)).toMatchObject({
      ok: true,
      value: { timeZone: 'UTC', total: { counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0] }, groups: [] },
    });
  });
});

describe('the rate limit', () => {
  it('lets a minute of requests through at once, then one as each refills, telling how long to wait', () => {
    const limiter = createRateLimiter(60);
    for (let n = 0; n < 60; n++) expect(limiter.take('a', 0)).toEqual({ ok: true });
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', 0)).toEqual({ ok: true });
    expect(limiter.take('a', 999)).toMatchObject({ ok: false });
    expect(limiter.take('a', 1000)).toEqual({ ok: true });
  });

  it('is off at 0, and forgets addresses rather than grow without bound', () => {
    const off = createRateLimiter(0);
    for (let n = 0; n < 1000; n++) expect(off.take('a', 0).ok).toBe(true);
    const small = createRateLimiter(1, { maxAddresses: 2 });
    expect(small.take('a', 0).ok).toBe(true);
    expect(small.take('b', 0).ok).toBe(true);
    // A third address pushes out the longest-known one, which starts afresh.
    expect(small.take('c', 0).ok).toBe(true);
    expect(small.take('a', 0).ok).toBe(true);
    expect(small.take('c', 0).ok).toBe(false);
  });
});

describe('allowed origins', () => {
  it('allow the receiver itself, those listed (normalised), or any with *', () => {
    const policy = originPolicy(['https://Shop.example:443', ' http://127.0.0.1:8080 ', '']);
    expect(policy.listed).toEqual(['https://shop.example', 'http://127.0.0.1:8080']);
    expect(policy.allows('https://shop.example', 'http://nps.example')).toBe(true);
    expect(policy.allows('http://nps.example', 'http://nps.example')).toBe(true);
    expect(policy.allows('https://shop.example.evil.example', 'http://nps.example')).toBe(false);
    expect(policy.allows('null', 'http://nps.example')).toBe(false);
    expect(originPolicy(['*']).allows('https://any.example', 'http://nps.example')).toBe(true);
  });

  it('refuse entries that are not origins, saying what to give', () => {
    expect(() => originPolicy(['shop.example'])).toThrow('allowed origin "shop.example" is not an origin');
    expect(() => originPolicy(['https://shop.example/checkout'])).toThrow('give scheme, host and port only (https://shop.example)');
    expect(() => originPolicy(['ftp://shop.example'])).toThrow('must be http: or https:');
  });
});

describe('the read token', () => {
  it('is read from a Bearer header and compared exactly', () => {
    expect(bearerOf(request('Bearer abc.DEF-123'))).toBe('abc.DEF-123');
    expect(bearerOf(request('bearer   abc'))).toBe('abc');
    expect(bearerOf(request('Basic abc'))).toBeNull();
    expect(tokensMatch('secret-token-1234', 'secret-token-1234')).toBe(true);
    expect(tokensMatch('secret-token-123', 'secret-token-1234')).toBe(false);
    expect(tokensMatch(null, 'secret-token-1234')).toBe(false);
  });

  it('is generated long and URL-safe; a given one must be long and printable', () => {
    expect(newToken()).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(newToken());
    expect(tokenProblem('a'.repeat(16))).toBeNull();
    expect(tokenProblem('too short')).toBe('the token must be printable ASCII without spaces');
    expect(tokenProblem('short')).toBe('the token has 5 characters; use at least 16');
  });
});

describe('content types of a delivery', () => {
  it('are JSON sent as text/plain (the widget), application/json, none, or +json, in UTF-8', () => {
    for (const type of [null, 'text/plain;charset=UTF-8', 'application/json', 'application/json; charset="utf-8"', 'application/merge-patch+json'])
      expect(contentTypeProblem(type), String(type)).toBeNull();
    expect(contentTypeProblem('application/x-www-form-urlencoded')).toContain('not supported; send the JSON as text/plain or application/json');
    expect(contentTypeProblem('text/plain; charset=windows-1252')).toBe('charset "windows-1252" is not supported; send UTF-8');
  });
});

describe('widget files', () => {
  const dist = '/srv/app/node_modules/nps-widget/dist';
  it('are any file of a known type under dist/, not the server, declarations or hidden files', () => {
    expect(resolveWidgetFile(dist, '/nps-widget.js')).toBe(`${dist}/nps-widget.js`);
    expect(resolveWidgetFile(dist, '/locales/pt-BR.js')).toBe(`${dist}/locales/pt-BR.js`);
    expect(resolveWidgetFile(dist, '/chunks/survey-3f9a1c.js')).toBe(`${dist}/chunks/survey-3f9a1c.js`);
    for (const path of [
      '/server/cli.js',
      '/index.d.ts',
      '/.env.js',
      '/../package.json',
      '/a/../../x.js',
      '/%2e%2e/x.js',
      '/x%00.js',
      '/README',
      '/locales//fi.js',
      '/%E0%A4%A.js',
    ]) {
      expect(resolveWidgetFile(dist, path), path).toBeNull();
    }
  });
});

describe('export formats', () => {
  it('writes a JSON array over any number of pages, empty ones too', async () => {
    expect(JSON.parse(await exported('json', [[]]))).toEqual([]);
    expect(JSON.parse(await exported('json', [[record('a', null)], [], [record('b', 'x'), record('c', null)]])).map((r: NpsResponse) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('writes NDJSON one record a line, and CSV with formula cells guarded', async () => {
    expect(await exported('ndjson', [[record('a', null)], [record('b', null)]])).toBe(
      '{"id":"a","score":9,"comment":null,"user":null,"metadata":{}}\n{"id":"b","score":9,"comment":null,"user":null,"metadata":{}}\n',
    );
    const csv = await exported('csv', [[record('a', '=SUM(A1:A9)')], [record('b', '@import')]]);
    expect(csv.split('\r\n')[0]).toMatch(/^id,createdAt,scale,score,category,comment,/);
    expect(csv).toContain(",'=SUM(A1:A9),");
    expect(csv).toContain(",'@import,");
  });
});
