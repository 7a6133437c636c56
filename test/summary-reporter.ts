/**
 * Ends a run with one plain line, `N passed, N failed` (", N skipped" when any are), that any
 * CI log reader understands; vitest's own summary is coloured and spread over several lines.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state] += 1;
    }
    // A module that failed to load has no tests to count; it must still fail the line.
    const brokenModules = testModules.filter((m) => m.state() === 'failed' && !m.children.size).length;
    const failed = counts.failed + brokenModules + unhandledErrors.length;
    const skipped = counts.skipped + counts.pending;
    console.log(`\n${counts.passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
