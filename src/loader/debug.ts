/**
 * The debug log (`debug: true`): one console line per event, in order. The words, and the
 * writing, load with the extras, so production pages, which never debug, never carry them;
 * until they are in each line waits. Without them one warning says there is no log.
 */
import { PREFIX } from '../core/api.js';
import type { DebugLog } from '../core/debug-lines.js';
import type { LoaderConfig } from '../core/options.js';
import { messageOf } from '../core/report.js';
import type { Door } from './door.js';

export function createDebugLog(config: LoaderConfig, extras: Door['extras']): DebugLog {
  if (!config.debug) return () => {};
  // Every line waits on this one load, so the lines keep their order.
  const words = extras().catch((error: unknown) => console.warn(`${PREFIX} could not load the extras (${messageOf(error)}); no debug log.`));
  return (event, ...args) => void words.then((loaded) => loaded?.writeDebugLine(config.surveyId, event, args));
}
