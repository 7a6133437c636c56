/**
 * The promise of durable delivery, in real Chromium against a real flaky receiver on
 * 127.0.0.1: every response's final state arrives, none is lost, none is stale, none is
 * split across two ids. Duplicate deliveries are allowed (at least once) and reported.
 * Once with every answer to one survey, once with every answer to a survey of its own and
 * the last page loading the widget for a survey never answered.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/run-chaos.mjs';

// Both script builds: the loader (the survey loaded beside it) and the single file.
describe.each(['nps-widget.js', 'nps-widget.full.js'])('delivery under chaos, %s', (script) => {
  it.each([
    ['one survey', 'one', 20261122],
    ['a survey per answer, the last page for yet another', 'many', 20261202],
  ] as const)(
    'lands the final state of all 200 responses (%s) despite failures, unloads, reloads and offline',
    async (_name, surveys, seed) => {
      const result = await runChaos({ responses: 200, seed, surveys, script });
      console.log(
        `chaos (${script}, ${surveys}): ${result.given} given, ${result.stored} stored, ${result.lost.length} lost, ${result.stale.length} stale, ` +
          `${result.duplicates} duplicate deliveries of ${result.deliveries}; drained ${result.drainMs} ms after the last answer; ` +
          `receiver trouble ${JSON.stringify(result.behaviours)}`,
      );
      expect(result.pageErrors).toEqual([]);
      expect(result.invalid).toBe(0);
      expect({ lost: result.lost, stale: result.stale, split: result.split }).toEqual({ lost: [], stale: [], split: [] });
      expect(result.stored).toBe(200);
      expect(result.records).toBe(200);
      // The chaos really happened: every kind of trouble was served.
      for (const [behaviour, count] of Object.entries(result.behaviours)) expect(count, behaviour).toBeGreaterThan(0);
    },
    300_000,
  );
});
