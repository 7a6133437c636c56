/**
 * What browser tests and benchmarks share, in plain JavaScript so the .mjs scripts can use it
 * too: the machine's Chromium (never skipped: with no browser it fails and says how to get one),
 * a server on 127.0.0.1 at a free port, a fresh context and page that report their errors, and
 * the helpers the demo's browser tests share. The tests' per-file setup is test/browser/harness.ts.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** @returns {string} */
export function findChromium() {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at CHROME_PATH and ${CANDIDATES.join(', ')}). ` +
        'Install it with `sudo apt-get install -y chromium` (or run `npm run setup` as root), or set CHROME_PATH.',
    );
  }
  return found;
}

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Starts `server` on 127.0.0.1 at a port the system picks, so runs never collide.
 * @param {import('node:http').Server} server
 * @returns {Promise<{ origin: string, port: number, close: () => Promise<void> }>} `origin` is http://127.0.0.1:PORT;
 *   `close` also ends kept-alive connections (a browser holds them open, and close would wait for them)
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * A fresh context (no storage, like a first visit) and a page in it. What goes wrong in any
 * page of the context is told to `report`: uncaught errors, and console.error lines.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 * @param {{ pageError?: (message: string) => void, consoleError?: (text: string) => void }} [report]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page }>}
 */
export async function openPage(browser, options = {}, { pageError, consoleError } = {}) {
  const context = await browser.newContext(options);
  if (pageError) context.on('weberror', (error) => pageError(error.error().message));
  if (consoleError) {
    context.on('console', (message) => {
      if (message.type() === 'error') consoleError(message.text());
    });
  }
  return { context, page: await context.newPage() };
}

/** @typedef {import('../src/core/payload.js').NpsResponse} NpsResponse */

/**
 * The demo server module. It serves the built scripts and runs the built receiver, so dist/
 * must exist before it loads.
 * @returns {Promise<typeof import('../demo/server.mjs')>}
 */
export async function importDemoServer() {
  for (const file of ['index.js', 'nps-widget.js', 'nps-preview.js', 'server/index.js']) {
    const path = fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test builds before running vitest).`);
  }
  return import('../demo/server.mjs');
}

/** @type {Promise<string> | null} */
let template = null;

/**
 * A migrated data folder to copy, one per schema version, shared by every test file and run
 * (a folder per file was never removed: test workers end without an exit event). Made in a
 * folder of its own and renamed into place, so files making it at once never see half of one.
 * @returns {Promise<string>}
 */
async function demoTemplate() {
  const { pglite, migrate, LATEST_VERSION } = /** @type {typeof import('../src/server/index.js')} */ (await import(DIST_SERVER));
  const folder = join(tmpdir(), `nps-demo-template-v${LATEST_VERSION}`);
  if (existsSync(join(folder, 'PG_VERSION'))) return folder;
  const making = mkdtempSync(join(tmpdir(), 'nps-demo-template-making-'));
  try {
    const db = await pglite({ dataDir: join(making, 'data') }).open();
    await migrate(db);
    await db.close();
    renameSync(join(making, 'data'), folder);
  } catch (error) {
    // Another file made it first: use theirs.
    if (!existsSync(join(folder, 'PG_VERSION'))) throw error;
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  return folder;
}

/**
 * A data folder for a demo server of one test, inside `parent`: a copy of a migrated database
 * (PGlite creates a new one in 2-4 s, opens a copied one in a fifth of a second).
 * @param {string} parent
 * @returns {Promise<string>}
 */
export async function freshDemoDataDir(parent) {
  template ??= demoTemplate();
  const target = join(parent, 'receiver');
  cpSync(await template, target, { recursive: true });
  return target;
}

/** A variable, so type-checking (before any build) does not look for the file. */
const DIST_SERVER = new URL('../dist/server/index.js', import.meta.url).href;

/**
 * What the demo's receiver stores, read through its API (GET /responses) with the token the
 * demo hands its own pages.
 * @param {string} serverUrl the demo server
 * @returns {Promise<NpsResponse[]>}
 */
export async function storedRecords(serverUrl) {
  const { token } = /** @type {{ token: string }} */ (await (await fetch(new URL('/api/demo/token', serverUrl))).json());
  const response = await fetch(new URL('/responses', serverUrl), { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /responses answered ${response.status}`);
  return /** @type {NpsResponse[]} */ (await response.json());
}

/**
 * Delivery is asynchronous: polls the demo's receiver until `done` accepts what it holds.
 * @param {string} serverUrl
 * @param {(records: NpsResponse[]) => boolean} done
 * @param {number} [timeoutMs]
 * @returns {Promise<NpsResponse[]>}
 */
export async function waitForRecords(serverUrl, done, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let records = await storedRecords(serverUrl);
  while (!done(records)) {
    if (Date.now() > deadline) {
      throw new Error(`The expected responses did not reach the receiver within ${timeoutMs} ms; stored: ${JSON.stringify(records)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    records = await storedRecords(serverUrl);
  }
  return records;
}

/**
 * Answers the survey shown in `scope` (a page, or a frame of one): a score, a reason, submit,
 * and waits for the thank-you. Accessible names begin with the number; 0 and 10 go on with a label.
 * @param {import('playwright-core').Page | import('playwright-core').FrameLocator} scope
 * @param {number} score
 * @param {string} comment
 * @param {{ submit: string | RegExp, thanks: string | RegExp }} [wording] the survey's language's, English by default
 */
export async function answerSurvey(scope, score, comment, wording = { submit: /submit|send/i, thanks: /thank/i }) {
  const survey = scope.getByRole('dialog');
  await survey.getByRole('radio', { name: new RegExp(`^${score}\\b`) }).click();
  await survey.getByRole('textbox').fill(comment);
  await survey.getByRole('button', { name: wording.submit }).click();
  await scope.locator('[data-nps-widget]').getByRole('status').getByText(wording.thanks).waitFor();
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, string>>} the nps-widget keys in the page's localStorage, with their values
 */
export function widgetStorage(page) {
  return page.evaluate(() => {
    /** @type {Record<string, string>} */
    const entries = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      if (key?.startsWith('nps-widget:')) entries[key] = localStorage.getItem(key) ?? '';
    }
    return entries;
  });
}
