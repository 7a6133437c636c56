/**
 * The setup every browser test file shares: Chromium launched once per file, a fresh context
 * and page per test with its errors and foreign requests recorded, servers on 127.0.0.1 at a
 * free port (the recording test server, or the demo server on a copy of a migrated database),
 * and everything closed after the test that opened it (or, opened in a beforeAll, after the
 * file), even when the test fails. It decides nothing about what a test asserts.
 *
 *   const harness = useBrowser();
 *   beforeEach(async () => {
 *     server = await harness.testServer();
 *     ({ context, page, pageErrors, consoleErrors } = await harness.open({ viewport }));
 *   });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { freshDemoDataDir, importDemoServer, launchChromium, openPage } from '../chromium.mjs';
import { startTestServer, type TestServer } from './server.js';

export { startTestServer, type Delivery, type ScriptedAnswer, type TestServer } from './server.js';

/** Chromium logs every non-2xx answer as "Failed to load resource": for files that count only the page's own words. */
export const FAILED_LOADS = /^Failed to load resource/;

export interface HarnessOptions {
  /** console.error lines to leave out of `consoleErrors` (Chromium's own "Failed to load resource", say). */
  ignoreConsole?: RegExp;
  /** Requests a page may make; every other one is recorded in `foreignRequests`. Any, by default. */
  allowRequest?: (url: string) => boolean;
}

/** A context and its first page, and what went wrong in this test, in any context it opened. */
export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of any page, their messages. */
  pageErrors: string[];
  /** console.error lines of any page, but those `ignoreConsole` leaves out. */
  consoleErrors: string[];
  /** Requests `allowRequest` did not allow, their URLs. */
  foreignRequests: string[];
}

export type DemoServer = Awaited<ReturnType<Awaited<ReturnType<typeof importDemoServer>>['startDemoServer']>>;

export interface BrowserHarness {
  /** This file's Chromium, once the file's beforeAll ran. */
  readonly browser: Browser;
  /** A fresh context and page, closed after the test (a context per call). */
  open(options?: BrowserContextOptions): Promise<Opened>;
  /** The recording test server (test/browser/server.ts). */
  testServer(): Promise<TestServer>;
  /** The demo server, in front of the built receiver on a database of its own. */
  demoServer(): Promise<DemoServer>;
}

type Close = () => unknown;

/** Registers the file's hooks; call it once at the top of a test file. */
export function useBrowser({ ignoreConsole, allowRequest }: HarnessOptions = {}): BrowserHarness {
  let browser: Browser | undefined;
  const afterFile: Close[] = [];
  const afterTest: Close[] = [];
  let inTest = false;
  let recorded = { pageErrors: [] as string[], consoleErrors: [] as string[], foreignRequests: [] as string[] };

  /** Closed in the reverse order of opening (contexts before the servers they talk to), all of them whatever fails. */
  const closeLater = (close: Close) => (inTest ? afterTest : afterFile).push(close);

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    try {
      await closeAll(afterFile);
    } finally {
      await browser?.close();
    }
  });
  beforeEach(() => {
    inTest = true;
    recorded = { pageErrors: [], consoleErrors: [], foreignRequests: [] };
  });
  afterEach(async () => {
    inTest = false;
    await closeAll(afterTest);
  });

  const launched = () => {
    if (!browser) throw new Error('Chromium is launched in beforeAll: use the harness from a hook or a test.');
    return browser;
  };

  return {
    get browser() {
      return launched();
    },
    async open(options = {}) {
      const { pageErrors, consoleErrors, foreignRequests } = recorded;
      const { context, page } = await openPage(launched(), options, {
        pageError: (message) => pageErrors.push(message),
        consoleError: (text) => {
          if (!ignoreConsole?.test(text)) consoleErrors.push(text);
        },
      });
      closeLater(() => context.close());
      if (allowRequest) {
        context.on('request', (request) => {
          if (!allowRequest(request.url())) foreignRequests.push(request.url());
        });
      }
      return { context, page, pageErrors, consoleErrors, foreignRequests };
    },
    async testServer() {
      const server = await startTestServer();
      closeLater(() => server.close());
      return server;
    },
    async demoServer() {
      const { startDemoServer } = await importDemoServer();
      const directory = mkdtempSync(join(tmpdir(), 'nps-demo-'));
      closeLater(() => rmSync(directory, { recursive: true, force: true }));
      const server = await startDemoServer({ port: 0, dataDir: await freshDemoDataDir(directory), quiet: true });
      closeLater(() => server.close());
      return server;
    },
  };
}

/** Runs every closer, newest first, and then throws the first failure, if any. */
async function closeAll(closers: Close[]): Promise<void> {
  const failures: unknown[] = [];
  for (let close = closers.pop(); close; close = closers.pop()) {
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
