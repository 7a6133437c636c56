/**
 * The demo: a small shop that installs the widget, a results page, a playground, and the
 * collector the widget posts to, with a switch that makes it fail on purpose (for the
 * playground's delivery inspector). Plain node:http so a reader sees every header a receiver needs.
 *
 *   npm run demo        build, then serve on http://127.0.0.1:5178/ (PORT overrides)
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector } from './collector.mjs';
import { RETRY_AFTER_SECONDS, createFailureSwitch, parseFailureRequest } from './failure.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {ReturnType<typeof createCollector>} Collector */
/** @typedef {ReturnType<typeof createFailureSwitch>} FailureSwitch */
/** @typedef {import('./failure.mjs').FailureState} FailureState */
/** @typedef {{ collector: Collector, failures: FailureSwitch, log: (line: string) => void }} Demo */

const DEMO_ROOT = fileURLToPath(new URL('.', import.meta.url));
const DIST_ROOT = fileURLToPath(new URL('../dist/', import.meta.url));
const DEFAULT_PORT = 5178;

/** A payload is well under 2 KB; the limit only stops accidents and abuse. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Only these types are served, which also keeps the collector's data (JSON) and the server's
 * own source (.mjs) out of reach.
 * @type {Record<string, string>}
 */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The widget posts with Content-Type text/plain (a CORS-simple request, so no preflight);
 * application/json is accepted too, and so is no type at all (a Blob sent without one).
 */
const JSON_BODY_TYPES = ['text/plain', 'application/json', ''];

/** Any origin may post, so a site on another local port can use this collector. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
};

/**
 * @param {{ port?: number, host?: string, dataFile?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', dataFile, quiet = false } = {}) {
  /** @type {Demo} */
  const demo = {
    collector: createCollector(dataFile ? { file: dataFile } : {}),
    failures: createFailureSwitch(),
    log: quiet ? () => {} : console.log,
  };
  const server = createServer((request, response) => {
    requestsOn.set(request.socket, (requestsOn.get(request.socket) ?? 0) + 1);
    route(request, response, demo).catch((error) => {
      console.error('nps-widget demo:', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  await listen(server, port, host);
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Browsers keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/**
 * Requests seen per connection. Chromium sends a request again by itself when a reused
 * keep-alive connection dies before any answer, so the 'offline' failure counts only cuts the
 * browser gets to see: those on a fresh connection.
 * @type {WeakMap<import('node:net').Socket, number>}
 */
const requestsOn = new WeakMap();

/**
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<void>}
 */
function listen(server, port, host) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

/**
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
async function route(request, response, demo) {
  const { pathname } = new URL(request.url ?? '/', 'http://demo.invalid');
  if (pathname === '/api/nps') return handleDelivery(request, response, demo);
  if (pathname === '/api/responses') return handleResponses(request, response, demo.collector);
  if (pathname === '/api/demo/failure') return handleFailureControl(request, response, demo);
  if (pathname.startsWith('/api/')) return sendJson(response, 404, { error: `no API route ${pathname}` });
  return serveStatic(request, response, pathname);
}

/**
 * POST /api/nps: one delivery of payload v1.
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
async function handleDelivery(request, response, { collector, failures, log }) {
  if (request.method === 'OPTIONS') return sendPreflight(response);
  if (request.method !== 'POST') return sendMethodNotAllowed(response, 'POST, OPTIONS');
  if (failures.state().mode === 'offline' && (requestsOn.get(request.socket) ?? 0) > 1) return void request.socket.destroy();
  const failure = failures.spend();
  if (failure && (await playFailure(failure, request, response, log))) return;

  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!JSON_BODY_TYPES.includes(mediaType)) {
    return reject(response, 415, `content type "${mediaType}" is not supported; send JSON as text/plain or application/json`, log);
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === null) return reject(response, 413, `body is larger than ${MAX_BODY_BYTES} bytes`, log);

  const parsed = parseJson(body);
  if (!parsed.ok) return reject(response, 400, parsed.reason, log);
  const result = await collector.accept(parsed.value);
  if (result.status === 400) return reject(response, 400, result.reason, log);

  log(describeDelivery(result.response, result.stored));
  return sendJson(response, result.status, { ok: true });
}

/**
 * Makes this delivery fail as the switch says. Returns true when the request is done with;
 * 'slow' stalls past the sender's patience and lets the request through if it is still waiting.
 * @param {FailureState} failure
 * @param {Request} request
 * @param {Response} response
 * @param {(line: string) => void} log
 * @returns {Promise<boolean>}
 */
async function playFailure(failure, request, response, log) {
  const left = failure.remaining === null ? 'until switched off' : `${failure.remaining - 1} more to fail`;
  log(`simulated failure (${failure.mode}, ${left})`);
  switch (failure.mode) {
    case '500':
      request.resume();
      sendJson(response, 500, { error: 'simulated failure: the collector is failing on purpose (playground)' });
      return true;
    case '429':
      request.resume();
      sendJson(response, 429, { error: 'simulated failure: too many requests (playground)' }, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
      return true;
    case 'offline':
      request.socket.destroy();
      return true;
    case 'slow':
      await new Promise((done) => {
        // A sender that gave up (its request timeout) closes the connection: stop waiting then.
        const gaveUp = () => {
          clearTimeout(timer);
          done(undefined);
        };
        const timer = setTimeout(() => {
          request.socket.off('close', gaveUp);
          done(undefined);
        }, failure.seconds * 1000);
        request.socket.once('close', gaveUp);
      });
      return request.socket.destroyed;
    case 'none':
      return false;
  }
}

/**
 * GET /api/demo/failure: how the collector fails now. POST `{ mode, count?, seconds? }`: make
 * the next `count` deliveries (or all, until mode 'none') fail that way.
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
async function handleFailureControl(request, response, { failures, log }) {
  if (request.method === 'OPTIONS') return sendPreflight(response);
  if (request.method === 'GET') return sendJson(response, 200, failures.state());
  if (request.method !== 'POST') return sendMethodNotAllowed(response, 'GET, POST, OPTIONS');
  const body = await readBody(request, 1024);
  if (body === null) return sendJson(response, 413, { error: 'body is larger than 1024 bytes' });
  const parsed = parseJson(body);
  const checked = parsed.ok ? parseFailureRequest(parsed.value) : parsed;
  if (!checked.ok) return sendJson(response, 400, { error: checked.reason });
  failures.set(checked.state);
  log(`collector failure mode: ${checked.state.mode}`);
  return sendJson(response, 200, checked.state);
}

/**
 * GET /api/responses: every stored record. DELETE: start the demo over.
 * @param {Request} request
 * @param {Response} response
 * @param {Collector} collector
 */
async function handleResponses(request, response, collector) {
  if (request.method === 'OPTIONS') return sendPreflight(response);
  if (request.method === 'GET') return sendJson(response, 200, collector.list());
  if (request.method === 'DELETE') {
    await collector.clear();
    response.writeHead(204, CORS_HEADERS).end();
    return;
  }
  return sendMethodNotAllowed(response, 'GET, DELETE, OPTIONS');
}

/**
 * Collects the body as text, or returns null once it passes `limit` bytes. The rest is drained
 * rather than cut off, so the client reads the 413 instead of a reset connection.
 * @param {Request} request
 * @param {number} limit
 * @returns {Promise<string | null>}
 */
function readBody(request, limit) {
  return new Promise((done, fail) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      request.resume();
      done(null);
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    request.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => done(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/**
 * @param {string} text
 * @returns {{ ok: true, value: unknown } | { ok: false, reason: string }}
 */
function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `body is not valid JSON (${/** @type {Error} */ (error).message})` };
  }
}

/**
 * One short line per accepted delivery, e.g. "delivery 3f2a9c1e score 9 complete".
 * @param {import('./collector.mjs').Accepted['response']} response
 * @param {boolean} stored
 */
function describeDelivery(response, stored) {
  const state = response.complete ? 'complete' : 'score only';
  const note = stored ? '' : ' (a newer state is already stored)';
  return `delivery ${response.id.slice(0, 8)} score ${response.score} ${state}${note}`;
}

/**
 * @param {Response} response
 * @param {number} status
 * @param {string} reason
 * @param {(line: string) => void} log
 */
function reject(response, status, reason, log) {
  log(`rejected delivery (${status}): ${reason}`);
  sendJson(response, status, { error: reason });
}

/** @param {Response} response */
function sendPreflight(response) {
  response.writeHead(204, CORS_HEADERS).end();
}

/**
 * @param {Response} response
 * @param {string} allow
 */
function sendMethodNotAllowed(response, allow) {
  sendJson(response, 405, { error: `method not allowed; use ${allow}` }, { Allow: allow });
}

/**
 * @param {Response} response
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [headers]
 */
function sendJson(response, status, value, headers = {}) {
  response
    .writeHead(status, {
      ...CORS_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    })
    .end(JSON.stringify(value));
}

/**
 * GET and HEAD for the demo pages and the built scripts.
 * @param {Request} request
 * @param {Response} response
 * @param {string} pathname
 */
async function serveStatic(request, response, pathname) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed\n');
  const file = resolveStaticFile(pathname);
  const type = file && CONTENT_TYPES[extname(file)];
  const info = file && type ? await stat(file).catch(() => null) : null;
  if (!file || !type || !info?.isFile()) return sendText(response, 404, notFoundMessage(pathname));

  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    // Revalidate every time, so a rebuilt widget shows on the next reload.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // A snippet pasted into a page of another origin loads the locale files as modules, which needs CORS.
    ...(file.startsWith(DIST_ROOT) ? { 'Access-Control-Allow-Origin': '*' } : {}),
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

/**
 * Maps a URL path to a file under demo/ or dist/, or null when it would leave them. The URL
 * parser already removed dot segments; decoding can bring back "../" (as %2e%2e%2f), hence the
 * containment check after resolving.
 * @param {string} pathname
 * @returns {string | null}
 */
function resolveStaticFile(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/') path = '/index.html';
  // The script loads the survey, its locale files and extras from beside itself: /nps-widget-survey.js, /locales/<tag>.js...
  if (isBuiltFile(path)) return resolveInside(DIST_ROOT, path.startsWith('/dist/') ? path.slice('/dist'.length) : path);
  return resolveInside(DEMO_ROOT, path);
}

/** @param {string} path */
function isBuiltFile(path) {
  return /^\/nps-(widget|preview)[\w.-]*\.js$/.test(path) || path.startsWith('/locales/') || path.startsWith('/dist/');
}

/**
 * @param {string} root a directory path ending in a separator
 * @param {string} path
 */
function resolveInside(root, path) {
  const file = resolve(root, `.${path}`);
  return file.startsWith(root) && file.length > root.length ? file : null;
}

/** @param {string} pathname */
function notFoundMessage(pathname) {
  return isBuiltFile(pathname) ? `not found: ${pathname} (run npm run build first)\n` : `not found: ${pathname}\n`;
}

/**
 * @param {Response} response
 * @param {number} status
 * @param {string} text
 */
function sendText(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(text);
}

/**
 * `node demo/server.mjs`: the preferred port, or any free one when it is taken (a second demo,
 * another dev server), so the first run never ends in EADDRINUSE.
 */
async function main() {
  const preferred = Number(process.env['PORT'] ?? DEFAULT_PORT);
  const server = await startDemoServer({ port: preferred }).catch((error) => {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.log(`nps-widget demo: port ${preferred} is busy, using a free one`);
    return startDemoServer({ port: 0 });
  });
  console.log(`nps-widget demo: ${server.url}  (playground: ${server.url}playground.html, results: ${server.url}results.html)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`nps-widget demo: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
