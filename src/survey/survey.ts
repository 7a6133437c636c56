/**
 * One widget's survey, as the loader gets it from the survey file: it keeps the wording and
 * the extras between showings, and for each showing waits for what it needs (the language,
 * the extras, the anchored positioning), then opens it.
 */
import type { ShowOptions } from '../core/options.js';
import { resolveElement } from '../dom/resolve.js';
import type { Showing, Survey, SurveyHost } from './contract.js';
import { createLook } from './look.js';
import { openSurvey } from './open.js';
import { createWording } from './wording.js';

export function createSurvey(host: SurveyHost): Survey {
  const { config, debug, parts } = host;
  const wording = createWording(host);
  const look = createLook(host);

  /** The anchor's element with the positioning, or null (the reason logged) to show at the placement. */
  async function anchoring(options: ShowOptions) {
    if (options.anchor === null) return null;
    const anchor = resolveElement(options.anchor, 'anchor');
    if (typeof anchor === 'string') {
      debug('noAnchor', anchor, config.placement);
      return null;
    }
    try {
      return { anchor, module: await parts.anchored() };
    } catch (error) {
      host.failed(error, `showing at "${config.placement}" instead`);
      return null;
    }
  }

  return {
    async open(options: ShowOptions, signal: AbortSignal, onClosed: () => void): Promise<Showing | null> {
      const [anchored] = await Promise.all([anchoring(options), wording.ready(), look.ready()]);
      if (signal.aborted) return null;
      return openSurvey({ host, options, text: wording.current(), look, anchored, onClosed });
    },
  };
}
