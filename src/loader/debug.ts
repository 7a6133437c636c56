/**
 * The debug log (`debug: true`): one console line per event, in order. The words load with
 * the extras, so production pages, which never debug, never carry them; until they are in
 * each line waits, and without them a line names its event and values.
 */
import { PREFIX } from '../core/api.js';
import type { DebugLog } from '../core/debug-lines.js';
import type { Config } from '../core/options.js';
import { messageOf } from '../core/report.js';
import type { ExtrasModule } from '../survey/contract.js';

export function createDebugLog(config: Config, extras: () => Promise<ExtrasModule>): DebugLog {
  if (!config.debug) return () => {};
  // Every line waits on this one load, so the lines keep their order.
  const words = extras().catch((error: unknown) => {
    console.warn(`${PREFIX} could not load the extras (${messageOf(error)}); the debug log names its events only.`);
    return null;
  });
  return (event, ...args) =>
    void words.then((loaded) =>
      console.info(
        `${PREFIX} [${config.surveyId}] ${loaded ? (loaded.DEBUG_LINES[event] as (...a: unknown[]) => string)(...args) : event}`,
        ...(loaded ? [] : args),
      ),
    );
}
