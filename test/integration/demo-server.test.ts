/**
 * The demo server in front of the product's receiver: deliveries to /api/nps reach the
 * receiver (one record per id, latest state, kept across a restart), its HTTP surface
 * (content types, limits, CORS, static files), the token it hands its own pages, "start
 * over", and the failure switch the playground's delivery inspector drives.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPayload, type NpsResponse } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { freshDemoDataDir, importDemoServer, storedRecords } from '../chromium.mjs';
import { relationshipContext as context } from '../fixtures.js';
import { SITE_FOOTER_MARKER, SITE_HEADER_MARKER } from '../../demo/site-layout.mjs';

const { startDemoServer } = await importDemoServer();
const MAX_BODY_BYTES = 64 * 1024;

const chosenAt = new Date('2026-11-22T10:00:00.000Z');
const secondsLater = (seconds: number) => new Date(chosenAt.getTime() + seconds * 1000);

function scoreOnly(score: number, sentAfterSeconds: number, id: string = randomUUID()): NpsResponse {
  return toPayload(startResponse(context, score, id, chosenAt), secondsLater(sentAfterSeconds));
}

function submitted(score: number, comment: string, sentAfterSeconds: number, id: string = randomUUID()): NpsResponse {
  return toPayload(completeResponse(startResponse(context, score, id, chosenAt), comment), secondsLater(sentAfterSeconds));
}

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'nps-demo-server-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('demo server', () => {
  let server: { url: string; token: string; close: () => Promise<void> };

  beforeEach(async () => {
    server = await startDemoServer({ port: 0, dataDir: await freshDemoDataDir(directory), quiet: true });
  });

  afterEach(async () => {
    await server.close();
  });

  const endpoint = () => new URL('/api/nps', server.url).href;
  const post = (body: string, contentType = 'text/plain;charset=UTF-8') =>
    fetch(endpoint(), { method: 'POST', headers: { 'Content-Type': contentType }, body });
  const listStored = () => storedRecords(server.url) as Promise<NpsResponse[]>;

  const failureUrl = () => new URL('/api/demo/failure', server.url);
  const setFailure = (body: unknown) => fetch(failureUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
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

  it('stores a payload posted as text/plain JSON (the widget’s CORS-simple request) through the receiver', async () => {
    const payload = submitted(9, 'Great service', 2);

    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'http://127.0.0.1:4000' },
      body: JSON.stringify(payload),
    });

    expect(response.status).toBe(201);
    // The demo's receiver takes answers from any origin, so a snippet pasted into another local page works.
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000');
    expect(await response.json()).toEqual({ ok: true, id: payload.id, outcome: 'created' });
    expect(await listStored()).toEqual([payload]);
  });

  it('keeps one record per id, the submitted state winning over a late score-only retry', async () => {
    const first = scoreOnly(4, 0);
    const complete = submitted(4, 'Too slow', 5, first.id);
    expect((await post(JSON.stringify(first))).status).toBe(201);
    expect((await post(JSON.stringify(complete))).status).toBe(200);
    expect((await post(JSON.stringify(scoreOnly(4, 30, first.id)))).status).toBe(200);
    expect(await listStored()).toEqual([complete]);
  });

  it('keeps the answers across a restart on the same data folder', async () => {
    const kept = submitted(10, 'Love it', 3);
    await post(JSON.stringify(kept));
    const dataDir = join(directory, 'receiver');
    await server.close();
    server = await startDemoServer({ port: 0, dataDir, quiet: true });
    expect(await listStored()).toEqual([kept]);
  });

  it('hands its own pages the read token, which the receiver’s API takes', async () => {
    const { token } = (await (await fetch(new URL('/api/demo/token', server.url))).json()) as { token: string };
    expect(token).toBe(server.token);
    await post(JSON.stringify(scoreOnly(9, 0)));
    const results = await fetch(new URL('/results?surveyId=nps', server.url), { headers: { Authorization: `Bearer ${token}` } });
    expect((await results.json()).total.counts[9]).toBe(1);
    expect((await fetch(new URL('/results?surveyId=nps', server.url))).status).toBe(401);
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
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('starts over on DELETE /api/responses, erasing every answer through the receiver', async () => {
    for (let n = 0; n < 3; n++) await post(JSON.stringify(scoreOnly(5, n)));

    expect((await fetch(new URL('/api/responses', server.url), { method: 'DELETE' })).status).toBe(204);
    expect(await listStored()).toEqual([]);
  });

  it('serves the shop page as HTML', async () => {
    const response = await fetch(server.url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain("nps('init'");
  });

  it('serves every page whole with the one site header and footer put in, its own link marked current', async () => {
    for (const path of ['/', '/checkout.html', '/placements.html', '/playground.html', '/results.html']) {
      const html = await (await fetch(new URL(path, server.url))).text();
      expect(html.trimEnd(), path).toMatch(/<\/html>$/);
      expect(html, path).not.toContain(SITE_HEADER_MARKER);
      expect(html, path).not.toContain(SITE_FOOTER_MARKER);
      expect(html.match(/<header class="site-header">/g), path).toHaveLength(1);
      expect(html.match(/<footer class="site-footer">/g), path).toHaveLength(1);
      expect(html, path).toContain(`<li><a href="${path}" aria-current="page">`);
    }
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
    expect(await rawGet('/failure.mjs')).toBe(404);
    expect(await rawGet('/data/receiver/PG_VERSION')).toBe(404);
    expect(await rawGet('/server/cli.js')).toBe(404);
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
