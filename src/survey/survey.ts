/**
 * One widget's survey, as the loader gets it from the survey file: it checks the survey's own
 * options (once: a bad one is reported and no showing opens), keeps the wording and the extras
 * between showings, and for each showing waits for what it needs (the language, the extras,
 * the anchored positioning), then opens it.
 */
import type { ShowConfig } from '../core/options.js';
import { parseSurveyOptions } from '../core/survey-options.js';
import { report } from '../core/report.js';
import { resolveElement } from '../dom/resolve-element.js';
import type { Showing, Survey, SurveyContext, SurveyHost } from './contract.js';
import { createLook } from './look.js';
import { openSurvey } from './open.js';
import { createWording } from './wording.js';

const refused: Survey = { open: async () => null };

export function createSurvey(host: SurveyHost): Survey {
  const own = report(parseSurveyOptions(host.config.survey, location.href, host.options), 'invalid options, the survey will not show');
  if (!own) return refused;
  const context: SurveyContext = { ...host, config: { ...host.config, ...own } };
  const { config, debug, parts } = context;
  const wording = createWording(context);
  const look = createLook(context);

  /** The anchor's element with the positioning, or null (the reason logged) to show at the placement. */
  async function anchoring(options: ShowConfig) {
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
    async open(options: ShowConfig, wanted: () => boolean, onClosed: () => void): Promise<Showing | null> {
      const [anchored] = await Promise.all([anchoring(options), wording.ready(), look.ready()]);
      if (!wanted()) return null;
      return openSurvey({ host: context, options, text: wording.current(), look, anchored, onClosed });
    },
  };
}
