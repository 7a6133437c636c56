/**
 * The demo receiver: its storage rules (one record per id, latest state wins, survives a
 * restart), its HTTP surface (content types, limits, CORS, static files) and the failure
 * switch the playground's delivery inspector drives.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPayload, type NpsResponse } from '../../src/core/payload.js';
import { completeResponse, rescore, startResponse } from '../../src/core/response.js';
import { relationshipContext as context } from '../fixtures.js';

// The demo runs the built package (Node cannot run the TypeScript source), so it needs dist/.
const DIST_INDEX = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
if (!existsSync(DIST_INDEX)) {
  throw new Error(`${DIST_INDEX} is missing: run npm run build first (npm test builds before running vitest).`);
}
const { createCollector } = await import('../../demo/collector.mjs');
const { startDemoServer, MAX_BODY_BYTES } = await import('../../demo/server.mjs');

const chosenAt = new Date('2026-11-22T10:00:00.000Z');
const secondsLater = (seconds: number) => new Date(chosenAt.getTime() + seconds * 1000);

function scoreOnly(score: number, sentAfterSeconds: number, id: string = randomUUID()): NpsResponse {
  return toPayload(startResponse(context, score, id, chosenAt), secondsLater(sentAfterSeconds));
}

function submitted(score: number, comment: string, sentAfterSeconds: number, id: string = randomUUID()): NpsResponse {
  return toPayload(completeResponse(startResponse(context, score, id, chosenAt), comment), secondsLater(sentAfterSeconds));
}

let directory: string;
let dataFile: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'nps-collector-'));
  dataFile = join(directory, 'data', 'responses.json');
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

const readDataFile = (): unknown => JSON.parse(readFileSync(dataFile, 'utf8'));

describe('createCollector', () => {
  it('keeps one record per id: the submitted delivery replaces the score-only one', async () => {
    const collector = createCollector({ file: dataFile });
    const first = scoreOnly(9, 0);
    const second = submitted(9, 'Quick delivery', 5, first.id);

    expect(await collector.accept(first)).toMatchObject({ status: 201, stored: true });
    expect(await collector.accept(second)).toMatchObject({ status: 200, stored: true });

    expect(collector.list()).toEqual([second]);
  });

  it('keeps the submitted state when a score-only retry arrives after it', async () => {
    const collector = createCollector({ file: dataFile });
    const id = randomUUID();
    const complete = submitted(4, 'Too slow', 5, id);
    // The outbox retried the score-only delivery later than the submit went out.
    const lateRetry = scoreOnly(4, 30, id);

    await collector.accept(complete);
    expect(await collector.accept(lateRetry)).toMatchObject({ status: 200, stored: false });

    expect(collector.list()).toEqual([complete]);
  });

  it('keeps the later delivery among equally complete ones, whatever the arrival order', async () => {
    const collector = createCollector({ file: dataFile });
    const sevenFirst = scoreOnly(7, 1);
    const thenNine = toPayload(rescore(startResponse(context, 7, sevenFirst.id, chosenAt), 9), secondsLater(2));

    await collector.accept(thenNine);
    await collector.accept(sevenFirst);

    expect(collector.list()).toEqual([thenNine]);
  });

  it('rejects an invalid payload with a reason that names the field, and stores nothing', async () => {
    const collector = createCollector({ file: dataFile });
    const valid = scoreOnly(8, 0);

    expect(await collector.accept({ ...valid, score: 11 })).toEqual({ status: 400, reason: expect.stringContaining('"score"') });
    expect(await collector.accept({ ...valid, id: 'not-a-uuid' })).toEqual({ status: 400, reason: expect.stringContaining('"id"') });
    const { complete: _missing, ...withoutComplete } = valid;
    expect(await collector.accept(withoutComplete)).toEqual({ status: 400, reason: expect.stringContaining('"complete"') });
    expect(await collector.accept('9')).toMatchObject({ status: 400 });

    expect(collector.list()).toEqual([]);
    expect(existsSync(dataFile)).toBe(false);
  });

  it('keeps records across a restart on the same file', async () => {
    const before = createCollector({ file: dataFile });
    const kept = [submitted(10, 'Love it', 3), scoreOnly(6, 1)];
    for (const response of kept) await before.accept(response);

    const after = createCollector({ file: dataFile });

    expect(after.list()).toEqual(kept);
  });

  it('writes every one of many concurrent deliveries, leaving valid JSON and no temporary file', async () => {
    const collector = createCollector({ file: dataFile });
    const responses = Array.from({ length: 40 }, (_, index) => scoreOnly(index % 11, index));
    const resubmits = responses.slice(0, 10).map((r) => submitted(r.score, `comment ${r.score}`, 100, r.id));

    const results = await Promise.all([...responses, ...resubmits].map((r) => collector.accept(r)));

    expect(results.every((result) => result.status === 200 || result.status === 201)).toBe(true);
    const onDisk = readDataFile() as NpsResponse[];
    expect(onDisk).toHaveLength(40);
    expect(onDisk.filter((r) => r.complete)).toHaveLength(10);
    expect(createCollector({ file: dataFile }).list()).toEqual(collector.list());
    expect(readdirSync(join(directory, 'data'))).toEqual(['responses.json']);
  });

  it('clears every record, on disk too', async () => {
    const collector = createCollector({ file: dataFile });
    await collector.accept(scoreOnly(3, 0));

    await collector.clear();

    expect(collector.list()).toEqual([]);
    expect(readDataFile()).toEqual([]);
    expect(createCollector({ file: dataFile }).list()).toEqual([]);
  });

  it('refuses to start on a data file it did not write rather than overwrite it', () => {
    writeFileSync(join(directory, 'notes.json'), '{ "these are": "someone\'s notes" }');
    writeFileSync(join(directory, 'broken.json'), '[{"id": ');

    expect(() => createCollector({ file: join(directory, 'notes.json') })).toThrow(/JSON array/);
    expect(() => createCollector({ file: join(directory, 'broken.json') })).toThrow(/not valid JSON/);
  });
});

describe('demo server', () => {
  let server: { url: string; close: () => Promise<void> };

  beforeEach(async () => {
    server = await startDemoServer({ port: 0, dataFile, quiet: true });
  });

  afterEach(async () => {
    await server.close();
  });

  const endpoint = () => new URL('/api/nps', server.url).href;
  const post = (body: string, contentType = 'text/plain;charset=UTF-8') =>
    fetch(endpoint(), { method: 'POST', headers: { 'Content-Type': contentType }, body });
  const listStored = async () => (await (await fetch(new URL('/api/responses', server.url))).json()) as NpsResponse[];

  const failureUrl = () => new URL('/api/demo/failure', server.url);
  const setFailure = (body: unknown) =>
    fetch(failureUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const failureState = async () => (await (await fetch(failureUrl())).json()) as { mode: string; remaining: number | null; seconds: number };

  /** One POST on a connection of its own, as a browser that cannot reuse one sees it. */
  function postOnFreshConnection(body: string): Promise<number | string> {
    const { hostname, port } = new URL(server.url);
    return new Promise((done) => {
      httpRequest({ host: hostname, port, path: '/api/nps', method: 'POST', agent: false, headers: { 'Content-Type': 'text/plain' } }, (response) => {
        response.resume();
        done(response.statusCode ?? 0);
      })
        .on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message))
        .end(body);
    });
  }

  /** A request exactly as written, since fetch would normalise "/../" away before sending. */
  function rawGet(path: string): Promise<number> {
    const { hostname, port } = new URL(server.url);
    return new Promise((done, fail) => {
      httpRequest({ host: hostname, port, path, method: 'GET' }, (response) => {
        response.resume();
        done(response.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
  }

  it('stores a payload posted as text/plain JSON (the widget’s CORS-simple request) and lists it', async () => {
    const payload = submitted(9, 'Great service', 2);

    const response = await post(JSON.stringify(payload));

    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ ok: true });
    expect(await listStored()).toEqual([payload]);
  });

  it('accepts application/json as well, answering 200 to a repeat delivery', async () => {
    const payload = scoreOnly(7, 0);

    expect((await post(JSON.stringify(payload), 'application/json')).status).toBe(201);
    expect((await post(JSON.stringify(payload), 'application/json')).status).toBe(200);
    expect(await listStored()).toHaveLength(1);
  });

  it('answers 400 with the reason for bad JSON and for an invalid payload', async () => {
    const badJson = await post('{"score": 9');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ error: expect.stringMatching(/not valid JSON/) });

    const badPayload = await post(JSON.stringify({ ...scoreOnly(9, 0), category: 'passive' }));
    expect(badPayload.status).toBe(400);
    expect(await badPayload.json()).toEqual({ error: expect.stringContaining('category') });

    expect(await listStored()).toEqual([]);
  });

  it('answers 413 to a body over the limit, announced or streamed', async () => {
    const oversized = JSON.stringify({ ...scoreOnly(9, 0), comment: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await post(oversized)).status).toBe(413);

    const { hostname, port } = new URL(server.url);
    const streamedStatus = await new Promise<number>((done, fail) => {
      const request = httpRequest({ host: hostname, port, path: '/api/nps', method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (response) => {
        response.resume();
        done(response.statusCode ?? 0);
      });
      request.on('error', fail);
      // No Content-Length: chunked, so only counting the bytes can catch it.
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += 8192) request.write('x'.repeat(8192));
      request.end();
    });
    expect(streamedStatus).toBe(413);
  });

  it('answers 415 to a body that is not sent as JSON or text', async () => {
    expect((await post('score=9', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('answers a CORS preflight with 204 and lets any origin post JSON', async () => {
    const response = await fetch(endpoint(), {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('clears stored records on DELETE /api/responses', async () => {
    await post(JSON.stringify(scoreOnly(5, 0)));

    expect((await fetch(new URL('/api/responses', server.url), { method: 'DELETE' })).status).toBe(204);
    expect(await listStored()).toEqual([]);
  });

  it('serves the shop page as HTML', async () => {
    const response = await fetch(server.url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain("nps('init'");
  });

  it('serves the locale files beside the script, readable from other origins', async () => {
    const response = await fetch(new URL('/locales/fi.js', server.url));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await rawGet('/locales/../server.mjs')).toBe(404);
  });

  it('serves nothing outside demo/ and dist/, nor the server’s own source', async () => {
    expect(await rawGet('/../package.json')).toBe(404);
    expect(await rawGet('/..%2fpackage.json')).toBe(404);
    expect(await rawGet('/dist/..%2f..%2fpackage.json')).toBe(404);
    expect(await rawGet('/%2e%2e/%2e%2e/etc/passwd')).toBe(404);
    expect(await rawGet('/server.mjs')).toBe(404);
    expect(await rawGet('/collector.mjs')).toBe(404);
  });

  describe('failure switch (POST /api/demo/failure)', () => {
    it('delivers normally until told otherwise', async () => {
      expect(await failureState()).toEqual({ mode: 'none', remaining: null, seconds: 12 });
      expect((await post(JSON.stringify(scoreOnly(9, 0)))).status).toBe(201);
    });

    it('answers the next N deliveries with 500, storing nothing, then stores again', async () => {
      const response = await setFailure({ mode: '500', count: 2 });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ mode: '500', remaining: 2, seconds: 12 });
      const payload = scoreOnly(4, 0);

      expect((await post(JSON.stringify(payload))).status).toBe(500);
      expect(await failureState()).toMatchObject({ mode: '500', remaining: 1 });
      expect((await post(JSON.stringify(payload))).status).toBe(500);
      expect(await listStored()).toEqual([]);
      expect(await failureState()).toEqual({ mode: 'none', remaining: null, seconds: 12 });

      expect((await post(JSON.stringify(payload))).status).toBe(201);
      expect(await listStored()).toEqual([payload]);
    });

    it('answers 429 with a Retry-After', async () => {
      await setFailure({ mode: '429', count: 1 });

      const limited = await post(JSON.stringify(scoreOnly(8, 0)));

      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(limited.headers.get('access-control-allow-origin')).toBe('*');
      expect(await listStored()).toEqual([]);
    });

    it('cuts the connection without an answer when offline', async () => {
      await setFailure({ mode: 'offline', count: 1 });
      const payload = scoreOnly(10, 0);

      expect(await postOnFreshConnection(JSON.stringify(payload))).toBe('ECONNRESET');
      expect(await listStored()).toEqual([]);
      expect(await postOnFreshConnection(JSON.stringify(payload))).toBe(201);
      expect(await listStored()).toEqual([payload]);
    });

    it('stalls slow deliveries: stored after the stall if the sender still waits, not at all if it gave up', async () => {
      await setFailure({ mode: 'slow', count: 2, seconds: 1 });
      const abandoned = scoreOnly(6, 0);
      const patient = scoreOnly(7, 0);

      const gaveUp = await fetch(endpoint(), { method: 'POST', body: JSON.stringify(abandoned), signal: AbortSignal.timeout(300) }).catch(
        (error: Error) => error.name,
      );
      expect(gaveUp).toBe('TimeoutError');

      const started = Date.now();
      expect((await post(JSON.stringify(patient))).status).toBe(201);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      // The first stall ended before the second: had it stored anything, it would be here.
      expect((await listStored()).map((record) => record.id)).toEqual([patient.id]);
    });

    it('keeps failing until switched off when no count is given', async () => {
      await setFailure({ mode: '500' });
      for (let attempt = 0; attempt < 3; attempt++) expect((await post(JSON.stringify(scoreOnly(5, attempt)))).status).toBe(500);
      expect(await failureState()).toMatchObject({ mode: '500', remaining: null });

      expect(await (await setFailure({ mode: 'none' })).json()).toEqual({ mode: 'none', remaining: null, seconds: 12 });
      expect((await post(JSON.stringify(scoreOnly(5, 9)))).status).toBe(201);
    });

    it('refuses a control request it does not understand, saying why, and keeps the mode', async () => {
      for (const [body, reason] of [
        [{ mode: 'teapot' }, /mode is "teapot"; allowed: "none", "500", "429", "slow", "offline"/],
        [{ mode: '500', count: 0 }, /count is 0/],
        [{ mode: 'slow', seconds: 500 }, /seconds is 500/],
        [['500'], /JSON object/],
      ] as const) {
        const response = await setFailure(body);
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ error: expect.stringMatching(reason) });
      }
      expect((await fetch(failureUrl(), { method: 'DELETE' })).status).toBe(405);
      expect(await failureState()).toMatchObject({ mode: 'none' });
    });
  });
});
