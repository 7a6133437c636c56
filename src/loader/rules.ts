/**
 * Deciding: the eligibility rules of one survey against what this browser remembers of it
 * (`nps-widget:history:<surveyId>`) and of the site (`nps-widget:site`). The rules themselves
 * are core/eligibility.ts's; this shell reads storage, draws the visitor's sample once, and
 * says why not in the debug log, and keeps what a showing tells it (shown, answered, dismissed):
 * the loader carries the rules' memory anyway, so the survey file only reports the events.
 */
import type { DebugLog } from '../core/debug-lines.js';
import {
  type Decision,
  decide,
  parseHistory,
  parseSiteHistory,
  recordAsk,
  recordDismissal,
  recordResponse,
  recordShown,
  userCreatedAt,
  withDraw,
} from '../core/eligibility.js';
import type { LoaderConfig, ShowConfig } from '../core/options.js';
import type { FlatRecord } from '../core/payload.js';
import { createJsonStore } from '../dom/storage.js';

export interface Rules {
  /** What the rules say now (drawing the visitor's sample once, if not yet drawn). */
  decision(): Decision;
  /** Whether this show may go ahead: forced, or allowed by the rules (the debug log says why not). */
  allow(options: ShowConfig): boolean;
  /** What a showing tells the rules: the survey was shown, got its first score, was dismissed. */
  remember(event: ShowingEvent): void;
}

export type ShowingEvent = 'shown' | 'answered' | 'dismissed';

/** `?nps-force=1` in the page's URL shows the survey regardless of the rules, for testing. */
export const forcedByUrl = (): boolean => new URLSearchParams(location.search).get('nps-force') === '1';

export function createRules(config: LoaderConfig, user: () => FlatRecord | null, debug: DebugLog): Rules {
  const history = createJsonStore(`nps-widget:history:${config.surveyId}`, {
    parse: parseHistory,
    onFallback: (reason) => debug('storage', reason, 'the rules forget on reload'),
  });
  const site = createJsonStore('nps-widget:site', { parse: parseSiteHistory, onFallback: () => {} });

  function decision(): Decision {
    const drawn = withDraw(history.read(), Math.random);
    history.write(drawn);
    return decide(config.surveyId, config, drawn, site.read(), userCreatedAt(user()), Date.now());
  }

  return {
    decision,
    allow(options) {
      if (options.force || forcedByUrl()) return true;
      const now = decision();
      if (!now.eligible) debug('notShown', now);
      return now.eligible;
    },
    remember(event) {
      const now = Date.now();
      if (event === 'shown') {
        history.write(recordAsk(history.read(), config, now));
        site.write(recordShown(config.surveyId, now));
      } else {
        history.write((event === 'answered' ? recordResponse : recordDismissal)(history.read(), now));
      }
    },
  };
}
