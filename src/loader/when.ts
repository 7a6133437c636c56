/**
 * When a survey is wanted without a show() call, and the page-readiness every show waits for.
 * `show: 'auto'`: once the rules allow, the survey file starts loading at once, and the survey
 * shows when its triggers fire (the delay, then a scroll or exit signal if configured: their
 * watchers come with the extras).
 * `show: 'manual'`: once the rules allow, the survey file is fetched when the page is idle, so
 * a later show() (after a checkout, say) does not wait for the network. A visitor the rules
 * turn away downloads nothing more than the loader.
 */
import { PREFIX } from '../core/api.js';
import type { DebugLog } from '../core/debug-lines.js';
import type { LoaderConfig, ShowOptions } from '../core/options.js';
import { messageOf } from '../core/report.js';
import type { Door } from './door.js';
import { type Rules, forcedByUrl } from './rules.js';

/**
 * The prefetch waits for an idle moment, or this long at most: the page's own work comes
 * first, and a show() that comes sooner loads the file itself anyway.
 */
const IDLE_TIMEOUT_MS = 2000;
const noop = () => {};
/** Where requestIdleCallback is missing (Safari), a moment after the page is ready. */
const NO_IDLE_CALLBACK_MS = 300;

/** Calls `fn` once the document has a body (the script may run in <head>). */
export function whenBodyReady(fn: () => void): void {
  if (document.body) queueMicrotask(fn);
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fn, NO_IDLE_CALLBACK_MS);
  return () => clearTimeout(timer);
}

/** Starts what the `show` option asks for; returns the function that stops whatever is still pending. */
export function schedule(config: LoaderConfig, rules: Rules, door: Door, show: (options: ShowOptions) => void, debug: DebugLog): () => void {
  let stop: () => void = noop;
  let stopped = false;
  const prefetch = () => void door.survey().catch((error: unknown) => debug('prefetchFailed', messageOf(error)));
  whenBodyReady(() => {
    if (stopped) return;
    const force = forcedByUrl();
    // Checked now to skip the listeners and the download on ineligible visits; a show checks again.
    const decision = force ? null : rules.decision();
    if (decision && !decision.eligible) {
      if (config.show === 'auto') debug('notByItself', decision);
      return;
    }
    if (config.show === 'manual') {
      stop = whenIdle(prefetch);
      return;
    }
    // The file loads now, while the triggers wait: the survey is there when they fire. Quietly:
    // the show they fire loads it again if need be, and says so if it cannot.
    prefetch();
    const fire = () => show({ force });
    const delayOnly = () => {
      // `?nps-force=1` skips the delay and the signals too.
      const timer = setTimeout(fire, force ? 0 : config.delaySeconds * 1000);
      stop = () => clearTimeout(timer);
    };
    const { scrollPercent, exitIntent } = config;
    if (force || (scrollPercent === null && !exitIntent)) return delayOnly();
    // The scroll and exit signals' watchers come with the extras; without them the delay decides.
    door.extras().then(
      (extras) => {
        if (!stopped) stop = extras.whenTriggered({ delayMs: config.delaySeconds * 1000, scrollPercent, exitIntent }, fire);
      },
      (error: unknown) => {
        console.warn(`${PREFIX} could not load the extras (${messageOf(error)}); showing after the delay alone.`);
        if (!stopped) delayOnly();
      },
    );
  });
  return () => {
    stopped = true;
    stop();
  };
}
