/**
 * The debug log (`debug: true`): one console line per event, in order. The words load with
 * the extras, so production pages, which never debug, never carry them; until they are in
 * each line waits, and without them a line names its event and values.
 */
import { PREFIX } from '../core/api.js';
import type { DebugLog } from '../core/debug-lines.js';
import type { LoaderConfig } from '../core/options.js';
import { type Door, extrasOrNull } from './door.js';

export function createDebugLog(config: LoaderConfig, extras: Door['extras']): DebugLog {
  if (!config.debug) return () => {};
  // Every line waits on this one load, so the lines keep their order.
  const words = extrasOrNull(extras, 'the debug log names its events only');
  return (event, ...args) =>
    void words.then((loaded) =>
      console.info(
        `${PREFIX} [${config.surveyId}] ${loaded ? (loaded.DEBUG_LINES[event] as (...a: unknown[]) => string)(...args) : event}`,
        ...(loaded ? [] : args),
      ),
    );
}
