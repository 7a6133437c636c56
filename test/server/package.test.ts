/**
 * What a site owner does, from the packed tarball: `npm install` it in an empty folder, run
 * `npx nps-widget serve`, put the widget on a page of another origin, answer, restart, and
 * read the answer with the token. On PGlite, and again with --database on PostgreSQL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSurvey, launchChromium } from '../chromium.mjs';
import { startTestServer, type TestServer } from '../browser/server.js';
import { installPacked, requireBuild, run, type Packed } from '../packed.js';
import { startCommand, TOKEN, type RunningCommand } from './receivers.js';
import { newDatabase } from './stores.js';

requireBuild('dist/server/cli.js');

let packed: Packed;
let app: string;
let browser: Browser;
let shop: TestServer;

beforeAll(async () => {
  packed = await installPacked();
  app = packed.app;
  browser = await launchChromium();
  shop = await startTestServer();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  packed?.remove();
});

const serve = (args: string[]) =>
  startCommand(['--port', '0', '--token', TOKEN, '--allowed-origin', shop.origin, ...args], { command: ['npx', 'nps-widget'], cwd: app });

/** npx passes no signal on: the group gets it, and the receiver must say it stopped cleanly. */
async function stop(running: RunningCommand): Promise<void> {
  running.stop('SIGTERM');
  await running.closed;
  expect(running.output()).toMatch(/SIGTERM: finishing requests in flight, then stopping\nstopped\n/);
}

async function results(running: RunningCommand, surveyId: string): Promise<{ total: { counts: number[] } }> {
  const answer = await fetch(`${running.url}/results?surveyId=${surveyId}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(answer.status).toBe(200);
  return answer.json();
}

/** A visitor on the shop (127.0.0.1) answers the widget loaded from the receiver (localhost). */
async function answerOnShop(running: RunningCommand, surveyId: string, score: number): Promise<void> {
  const receiver = running.url.replace('127.0.0.1', 'localhost');
  shop.page(
    `/${surveyId}`,
    `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Thanks</h1></main>
<script src="${receiver}/nps-widget.js" data-endpoint="${receiver}/responses" data-survey-id="${surveyId}" async></script></body></html>`,
  );
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${shop.origin}/${surveyId}`);
    await answerSurvey(page, score, 'From the installed package');
    const deadline = Date.now() + 15_000;
    while ((await results(running, surveyId)).total.counts[score] !== 1) {
      if (Date.now() > deadline) throw new Error(`the answer never reached GET /results; the receiver printed:\n${running.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await context.close();
  }
}

/** Started again on the same storage, the receiver still counts the one answer given. */
async function expectCountedAfterRestart(args: string[], surveyId: string, score: number): Promise<void> {
  const second = await serve(args);
  try {
    const counts = Array<number>(11).fill(0);
    counts[score] = 1;
    expect((await results(second, surveyId)).total.counts).toEqual(counts);
  } finally {
    await stop(second);
  }
}

describe('the packed package, installed in an empty folder', () => {
  it('imports nps-widget/server in Node without opening anything, with its types', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('nps-widget/server'); console.log(Object.keys(m).sort().join(','))"],
      { cwd: app },
    );
    expect(stdout).toContain('createReceiver');
    expect(stdout).toContain('pglite');
    expect(stdout).toContain('postgres');
    expect(existsSync(join(app, 'node_modules/nps-widget/dist/server/index.d.ts'))).toBe(true);
  });

  it('receives from a page on another origin with npx nps-widget serve, and keeps answers across a restart', async () => {
    const args = ['--data-dir', join(app, 'nps-data')];
    const first = await serve(args);
    // It serves the installed package's own widget file.
    const served = await (await fetch(`${first.url}/nps-widget.js`)).text();
    expect(served).toBe(readFileSync(join(app, 'node_modules/nps-widget/dist/nps-widget.js'), 'utf8'));
    await answerOnShop(first, 'installed', 8);
    await stop(first);
    await expectCountedAfterRestart(args, 'installed', 8);
  });

  it('does the same with --database on PostgreSQL', async () => {
    const args = ['--database', await newDatabase()];
    const first = await serve(args);
    expect(first.output()).toMatch(/storage: +PostgreSQL at 127\.0\.0\.1:\d+\/nps_test_/);
    await answerOnShop(first, 'on-postgres', 10);
    await stop(first);
    await expectCountedAfterRestart(args, 'on-postgres', 10);
  });
});
