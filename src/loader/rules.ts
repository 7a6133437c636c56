/**
 * Deciding: the eligibility rules of one survey against what this browser remembers of it
 * (`nps-widget:history:<surveyId>`) and of the site (`nps-widget:site`). The rules themselves
 * are core/eligibility.ts's; this shell reads storage, draws the visitor's sample once, and
 * says why not in the debug log. A survey that shows updates the memory (survey/memory.ts).
 */
import type { DebugLog } from '../core/debug-lines.js';
import { type Decision, type History, type SiteHistory, decide, parseHistory, parseSiteHistory, userCreatedAt, withDraw } from '../core/eligibility.js';
import type { LoaderConfig, ShowConfig } from '../core/options.js';
import type { FlatRecord } from '../core/payload.js';
import { type JsonStore, createJsonStore } from '../dom/storage.js';

export interface Rules {
  /** What the rules say now (drawing the visitor's sample once, if not yet drawn). */
  decision(): Decision;
  /** Whether this show may go ahead: forced, or allowed by the rules (the debug log says why not). */
  allow(options: ShowConfig): boolean;
  history: JsonStore<History>;
  site: JsonStore<SiteHistory>;
}

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
    history,
    site,
  };
}
