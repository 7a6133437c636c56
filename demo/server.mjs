/**
 * The demo: a small shop that installs the widget, a results page, a playground, and in front
 * of them the product's own receiver (nps-widget/server, on PGlite in demo/data/receiver),
 * with a switch that makes deliveries fail on purpose (for the playground's delivery
 * inspector). The demo adds only what a demo needs: its pages, the failure switch, the read
 * token for its results page, and "start over". Every answer goes through the receiver.
 *
 *   npm run demo        build, then serve on http://127.0.0.1:5178/ (PORT overrides)
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { RETRY_AFTER_SECONDS, createFailureSwitch, parseFailureRequest } from './failure.mjs';
import { withSiteLayout } from './site-layout.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {import('../src/server/index.js').Receiver} Receiver */
/** @typedef {ReturnType<typeof createFailureSwitch>} FailureSwitch */
/** @typedef {import('./failure.mjs').FailureState} FailureState */
/**
 * @typedef {object} Demo
 * @property {Receiver} receiver
 * @property {string} token  the receiver's read token, handed to the demo's own pages
 * @property {(request: Request, response: Response) => Promise<void>} forward  passes a request to the receiver
 * @property {FailureSwitch} failures
 * @property {(line: string) => void} log
 */

const DEMO_ROOT = fileURLToPath(new URL('.', import.meta.url));
const DIST_SERVER = new URL('../dist/server/index.js', import.meta.url);
const DEFAULT_PORT = 5178;

/** Where the demo keeps its answers (git-ignored). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('./data/receiver', import.meta.url));

/**
 * Node cannot run the TypeScript source, so the receiver comes from the build. The specifier is
 * a variable on purpose: `npm run check` type-checks this file before anything is built; the
 * types come from the source instead.
 * @returns {Promise<typeof import('../src/server/index.js')>}
 */
async function loadReceiver() {
  if (!existsSync(DIST_SERVER)) throw new Error(`${fileURLToPath(DIST_SERVER)} is missing: run npm run build first (or npm run demo).`);
  return import(DIST_SERVER.href);
}

const { createReceiver, pglite } = await loadReceiver();

/**
 * The demo's own files (the receiver serves the widget's). Only these types are served, which
 * keeps the server's source (.mjs) and the answers in demo/data out of reach.
 * @type {Record<string, string>}
 */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Where the demo shows the receiver's dashboard (the receiver answers it at its own `/`). */
const DASHBOARD_PATH = '/dashboard';

/** The demo's pages post to /api/nps; the receiver's own route is POST /responses. Both pass the failure switch. */
const DELIVERY_PATHS = ['/api/nps', '/responses'];

/**
 * @param {{ port?: number, host?: string, dataDir?: string | null, quiet?: boolean }} [options]
 *   `dataDir: null` keeps the answers in memory (tests).
 * @returns {Promise<{ url: string, token: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', dataDir = DEFAULT_DATA_DIR, quiet = false } = {}) {
  const log = quiet ? () => {} : console.log;
  // Any origin may post: a snippet from the playground may be pasted into a page of another local port.
  const receiver = createReceiver({ storage: pglite(dataDir === null ? {} : { dataDir }), allowedOrigins: ['*'] });
  const { token } = await receiver.ready;
  /** @type {Demo} */
  const demo = {
    receiver,
    token,
    forward: getRequestListener(async (request, env) => {
      const answer = await receiver.fetch(request, { clientAddress: env.incoming.socket.remoteAddress });
      if (request.method === 'POST') void logDelivery(answer.clone(), log);
      return answer;
    }),
    failures: createFailureSwitch(),
    log,
  };
  const server = createServer((request, response) => {
    requestsOn.set(request.socket, (requestsOn.get(request.socket) ?? 0) + 1);
    route(request, response, demo).catch((error) => {
      console.error('nps-widget demo:', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  await listen(server, port, host).catch(async (error) => {
    await receiver.close();
    throw error;
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}/`,
    token,
    close: async () => {
      await new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done(undefined)));
        // Browsers keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      });
      await receiver.close();
    },
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
  if (DELIVERY_PATHS.includes(pathname) && request.method === 'POST') return handleDelivery(request, response, demo);
  if (pathname === '/api/nps') return forwardAs('/responses', request, response, demo);
  if (pathname === '/api/demo/failure') return handleFailureControl(request, response, demo);
  if (pathname === '/api/demo/token') return handleToken(request, response, demo);
  if (pathname === '/api/responses') return handleStartOver(request, response, demo);
  if (pathname.startsWith('/api/')) return sendJson(response, 404, { error: `no API route ${pathname}` });
  // The receiver's dashboard, at its root there; here / is the shop. Its script and API calls are relative, so they reach the receiver too.
  if (pathname === DASHBOARD_PATH) return forwardAs('/', request, response, demo);
  if ((request.method === 'GET' || request.method === 'HEAD') && (await serveDemoFile(request, response, pathname))) return;
  // The receiver: its API, and the widget's files from dist/ (also under /dist/, as the playground asks for them).
  return forwardAs(pathname.startsWith('/dist/') ? pathname.slice('/dist'.length) : pathname, request, response, demo);
}

/**
 * @param {string} pathname what the receiver should see
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
function forwardAs(pathname, request, response, demo) {
  const url = new URL(request.url ?? '/', 'http://demo.invalid');
  request.url = `${pathname}${url.search}`;
  return demo.forward(request, response);
}

/**
 * One delivery of payload v1: through the failure switch, then to the receiver.
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
async function handleDelivery(request, response, demo) {
  if (demo.failures.state().mode === 'offline' && (requestsOn.get(request.socket) ?? 0) > 1) return void request.socket.destroy();
  const failure = demo.failures.spend();
  if (failure && (await playFailure(failure, request, response, demo.log))) return;
  return forwardAs('/responses', request, response, demo);
}

/**
 * One short line per delivery the receiver answered, e.g. "delivery 3f2a9c1e: created (201)".
 * @param {globalThis.Response} answer
 * @param {(line: string) => void} log
 */
async function logDelivery(answer, log) {
  const body = /** @type {{ id?: string, outcome?: string, error?: string }} */ (await answer.json().catch(() => ({})));
  if (body.id) log(`delivery ${body.id.slice(0, 8)}: ${body.outcome} (${answer.status})`);
  else log(`rejected delivery (${answer.status}): ${body.error ?? 'no reason given'}`);
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
      sendJson(response, 500, { error: 'simulated failure: the receiver is failing on purpose (playground)' });
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
 * GET /api/demo/failure: how deliveries fail now. POST `{ mode, count?, seconds? }`: make the
 * next `count` deliveries (or all, until mode 'none') fail that way.
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
  log(`delivery failure mode: ${checked.state.mode}`);
  return sendJson(response, 200, checked.state);
}

/**
 * GET /api/demo/token: the receiver's read token, for the demo's results page. A demo on
 * 127.0.0.1 may hand it to its own pages; a real site keeps the token on its server.
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
function handleToken(request, response, { token }) {
  if (request.method !== 'GET') return sendMethodNotAllowed(response, 'GET');
  return sendJson(response, 200, { token });
}

/**
 * DELETE /api/responses: start the demo over, erasing every stored answer through the
 * receiver's own API (export the ids, DELETE /responses/{id} each).
 * @param {Request} request
 * @param {Response} response
 * @param {Demo} demo
 */
async function handleStartOver(request, response, { receiver, token, log }) {
  if (request.method !== 'DELETE') return sendMethodNotAllowed(response, 'DELETE');
  const authorization = { Authorization: `Bearer ${token}` };
  const exported = await receiver.fetch(new Request('http://demo.invalid/responses?format=ndjson', { headers: authorization }));
  if (!exported.ok) return sendJson(response, 502, { error: `the receiver answered ${exported.status} to the export` });
  const ids = (await exported.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => /** @type {{ id: string }} */ (JSON.parse(line)).id);
  for (const id of ids) await receiver.fetch(new Request(`http://demo.invalid/responses/${id}`, { method: 'DELETE', headers: authorization }));
  log(`start over: ${ids.length} answers erased`);
  response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
}

/**
 * Collects the body as text, or returns null once it passes `limit` bytes.
 * @param {Request} request
 * @param {number} limit
 * @returns {Promise<string | null>}
 */
function readBody(request, limit) {
  return new Promise((done, fail) => {
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

/** The failure switch may be driven from a page of another local port (a pasted snippet's page). */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '86400',
};

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
 * Serves a file of demo/ when there is one; false otherwise (the receiver answers then). A page
 * gets the site's header and footer put in (demo/site-layout.mjs).
 * @param {Request} request
 * @param {Response} response
 * @param {string} pathname
 * @returns {Promise<boolean>}
 */
async function serveDemoFile(request, response, pathname) {
  const file = resolveDemoFile(pathname);
  const type = file && CONTENT_TYPES[extname(file)];
  const info = file && type ? await stat(file).catch(() => null) : null;
  if (!file || !type || !info?.isFile()) return false;
  const page = extname(file) === '.html' ? Buffer.from(withSiteLayout(await readFile(file, 'utf8'), pathname)) : null;
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': page?.length ?? info.size,
    // Revalidate every time, so an edited page shows on the next reload.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else if (page) response.end(page);
  else createReadStream(file).pipe(response);
  return true;
}

/**
 * Maps a URL path to a file under demo/ (not its data folder), or null when it would leave it.
 * The URL parser already removed dot segments; decoding can bring back "../" (as %2e%2e%2f),
 * hence the containment check after resolving.
 * @param {string} pathname
 * @returns {string | null}
 */
function resolveDemoFile(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.startsWith('/data/')) return null;
  if (path === '/') path = '/index.html';
  const file = resolve(DEMO_ROOT, `.${path}`);
  return file.startsWith(DEMO_ROOT) && file.length > DEMO_ROOT.length ? file : null;
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
  console.log(
    `nps-widget demo: ${server.url}  (playground: ${server.url}playground.html, results: ${server.url}results.html, dashboard: ${server.url}dashboard)`,
  );
  console.log(`answers are kept by the receiver in ${DEFAULT_DATA_DIR}; its read token: ${server.token}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`nps-widget demo: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
