/**
 * A real HTTP receiver on 127.0.0.1 that misbehaves on purpose. It keeps one record per
 * response id (the latest state, by the package's own rule) and counts every delivery, while
 * answering a seeded share of requests with 500, 429 + Retry-After, a dropped connection
 * (before or after storing), or a stall longer than the client's timeout.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from '../chromium.mjs';
import { seededRandom } from '../seeded-random.mjs';

/** @typedef {import('../../src/core/payload.js').NpsResponse} NpsResponse */
/** @typedef {'ok' | 'error-500' | 'throttle-429' | 'drop' | 'store-then-drop' | 'stall'} Behaviour */

const DIST = new URL('../../dist/', import.meta.url);
const DIST_INDEX = new URL('index.js', DIST);

/**
 * The receiver's rules come from the build (Node cannot run the TypeScript source). The
 * specifier is a variable so type-checking, which runs before the build, does not need it.
 * @returns {Promise<Pick<typeof import('../../src/index.js'), 'validateResponse' | 'isNewerState'>>}
 */
async function payloadRules() {
  if (!existsSync(DIST_INDEX)) throw new Error(`${fileURLToPath(DIST_INDEX)} is missing: run npm run build first.`);
  return import(DIST_INDEX.href);
}

/** The share of requests that get each kind of trouble while chaos is on; the rest succeed. */
export const TROUBLE = /** @type {const} */ ({
  'error-500': 0.12,
  'throttle-429': 0.08,
  drop: 0.08,
  'store-then-drop': 0.05,
  stall: 0.07,
});

/**
 * @param {{ seed?: number, stallMs?: number, pages?: Record<string, string> }} [options]
 */
export async function startFlakyReceiver({ seed = 1, stallMs = 2500, pages = {} } = {}) {
  const { validateResponse, isNewerState } = await payloadRules();
  const random = seededRandom(seed);
  /** @type {Map<string, NpsResponse>} */
  const records = new Map();
  /** Every delivery that reached storage, keyed by id and state, to count repeats. */
  /** @type {Map<string, number>} */
  const deliveriesPerState = new Map();
  /** @type {Record<Behaviour, number>} */
  const behaviours = { ok: 0, 'error-500': 0, 'throttle-429': 0, drop: 0, 'store-then-drop': 0, stall: 0 };
  let chaos = true;
  let invalid = 0;
  let lastStoredAt = 0;

  /** @returns {Behaviour} */
  function pickBehaviour() {
    if (!chaos) return 'ok';
    let roll = random();
    for (const [behaviour, share] of Object.entries(TROUBLE)) {
      if (roll < share) return /** @type {Behaviour} */ (behaviour);
      roll -= share;
    }
    return 'ok';
  }

  /** @param {unknown} body */
  function store(body) {
    const checked = validateResponse(body);
    if (!checked.ok) {
      invalid += 1;
      return;
    }
    const { response } = checked;
    const state = `${response.id}|${response.score}|${response.complete}|${response.comment}`;
    deliveriesPerState.set(state, (deliveriesPerState.get(state) ?? 0) + 1);
    const existing = records.get(response.id);
    if (!existing || isNewerState(response, existing)) records.set(response.id, response);
    lastStoredAt = Date.now();
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/collect' && request.method === 'POST') {
      /** @type {Buffer[]} */
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        const behaviour = pickBehaviour();
        behaviours[behaviour] += 1;
        /** @type {unknown} */
        let body = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          invalid += 1;
        }
        const cors = { 'Access-Control-Allow-Origin': '*' };
        switch (behaviour) {
          case 'ok':
            store(body);
            response.writeHead(201, cors).end();
            break;
          case 'error-500':
            response.writeHead(500, cors).end();
            break;
          case 'throttle-429':
            response.writeHead(429, { ...cors, 'Retry-After': '1' }).end();
            break;
          case 'drop':
            request.socket.destroy();
            break;
          case 'store-then-drop':
            // Stored, but the answer never arrives: the sender must retry, the receiver sees a repeat.
            store(body);
            request.socket.destroy();
            break;
          case 'stall':
            store(body);
            setTimeout(() => request.socket.destroy(), stallMs);
            break;
        }
      });
      return;
    }
    const page = pages[url.pathname];
    if (page !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    // The script and the files it loads from beside itself (the survey, ...).
    if (/^\/nps-widget[\w.-]*\.js$/.test(url.pathname)) {
      readFile(new URL(`.${url.pathname}`, DIST)).then(
        (file) => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file),
        () => response.writeHead(404).end(),
      );
      return;
    }
    response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
  });

  const { origin, close } = await listenOnLoopback(server);

  return {
    origin,
    records,
    behaviours,
    /** @param {boolean} on */
    setChaos(on) {
      chaos = on;
    },
    stats() {
      const deliveries = [...deliveriesPerState.values()].reduce((sum, n) => sum + n, 0);
      return { deliveries, duplicates: deliveries - deliveriesPerState.size, invalid, lastStoredAt };
    },
    close,
  };
}
