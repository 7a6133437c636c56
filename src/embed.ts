/**
 * Entry of dist/nps-widget.js, the loader every page of a site runs. Its exports become the
 * global `NpsWidget`. The survey, the anchored positioning and the extras are files beside it,
 * imported only when a survey will show (or needs them).
 */
import { besideScript } from './loader/door.js';
import { LENT } from './loader/lent.js';
import { localesFolder, pageFetch, scriptUrl, startScriptTag } from './loader/script-tag.js';

export { calculateNps, compareNps } from './core/nps.js';

const beside = besideScript(scriptUrl);

export const createNpsWidget = startScriptTag({
  survey: beside('nps-widget-survey.js'),
  anchored: beside('nps-widget-anchored.js'),
  extras: beside('nps-widget-extras.js'),
  localesFolder,
  // The survey file borrows these instead of carrying its own copy.
  lent: LENT,
  ...(pageFetch ? { fetch: pageFetch } : {}),
});
