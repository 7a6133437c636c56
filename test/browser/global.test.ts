/**
 * The global `NpsWidget` that both script files define, in real Chromium: `createNpsWidget`,
 * `calculateNps` and `compareNps`, usable synchronously by the next classic script on the page,
 * and the calculator giving exactly what the package gives (results, the scale argument,
 * errors and their types), computed in Node from the same inputs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, type TestServer } from './harness.js';
import { calculateNps, compareNps } from '../../src/core/nps.js';

const harness = useBrowser();
let server: TestServer;
let page: Page;
let pageErrors: string[];

beforeEach(async () => {
  server = await harness.testServer();
  ({ page, pageErrors } = await harness.open());
});

/** Calls the site might make, each as [function, ...arguments]; JSON-safe so the page and Node get the same input. */
const CALLS: Array<['calculateNps' | 'compareNps', ...unknown[]]> = [
  ['calculateNps', [10, 9, 9, 8, 7, 6, 0, 3]],
  ['calculateNps', { counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] }],
  ['calculateNps', { promoters: 5, passives: 0, detractors: 1 }],
  ['calculateNps', []],
  ['calculateNps', [5, 4, 1, 2], { scale: '1-5' }],
  ['calculateNps', [7, 6, 5, 1], { scale: '1-7', promoterMin: 7, passiveMin: 6 }],
  ['calculateNps', [1, 2, 11]],
  ['calculateNps', [1, 2.5]],
  ['calculateNps', { counts: [1, 2, 3] }],
  ['calculateNps', { promoters: 1, passives: 2 }],
  ['calculateNps', 'nine'],
  ['calculateNps', [9], { scale: '0-7' }],
  ['calculateNps', [9], { promoterMin: 10 }],
  ['compareNps', [10, 10, 9, 3], [6, 7, 8, 9]],
  ['compareNps', { counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3] }, { promoters: 1, passives: 1, detractors: 1 }],
  ['compareNps', [], [9]],
  ['compareNps', [5, 1], [9, 10], { scale: '1-5' }],
];

/** A call's outcome as data: the result, or the error's type and message. */
type Outcome = { result: unknown } | { error: string; message: string };

function inNode(): Outcome[] {
  const api = { calculateNps, compareNps } as Record<string, (...args: unknown[]) => unknown>;
  return CALLS.map(([name, ...args]) => {
    try {
      return { result: JSON.parse(JSON.stringify(api[name]!(...args))) as unknown };
    } catch (error) {
      return { error: (error as Error).constructor.name, message: (error as Error).message };
    }
  });
}

describe.each(['nps-widget.js', 'nps-widget.full.js'])('the global NpsWidget of %s', (script) => {
  it('holds createNpsWidget, calculateNps and compareNps for the next script, which computes what the package does', async () => {
    // The calls run in a classic script right after the script tag: synchronously, as sites call them.
    server.page(
      '/results',
      `<!doctype html><html lang="en"><head><title>Results</title></head><body><h1>Our NPS</h1>
<script src="/${script}"></script>
<script>
  window.calls = ${JSON.stringify(CALLS)};
  window.kinds = Object.keys(NpsWidget).sort().map(function (name) { return name + ':' + typeof NpsWidget[name]; });
  window.outcomes = window.calls.map(function (call) {
    try {
      return { result: JSON.parse(JSON.stringify(NpsWidget[call[0]].apply(null, call.slice(1)))) };
    } catch (error) {
      return { error: error.constructor.name, message: error.message };
    }
  });
</script></body></html>`,
    );
    await page.goto(`${server.origin}/results`);
    const { kinds, outcomes } = await page.evaluate(() => {
      const seen = window as unknown as { kinds: string[]; outcomes: Outcome[] };
      return { kinds: seen.kinds, outcomes: seen.outcomes };
    });
    expect(kinds).toEqual(['calculateNps:function', 'compareNps:function', 'createNpsWidget:function']);
    expect(outcomes).toEqual(inNode());
    // The calls above really covered results and each kind of refusal.
    expect(outcomes.filter((o) => 'result' in o).length).toBeGreaterThanOrEqual(8);
    expect(new Set(outcomes.flatMap((o) => ('error' in o ? [o.error] : [])))).toEqual(new Set(['RangeError', 'TypeError']));
    expect(outcomes[0]).toMatchObject({ result: { total: 8, promoters: 3, detractors: 3, nps: 0, rounded: 0 } });
    expect(pageErrors).toEqual([]);
  });
});
