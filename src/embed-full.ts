/**
 * Entry of dist/nps-widget.full.js: the widget of nps-widget.js with the survey, the anchored
 * positioning and the extras inside (the build inlines these imports), for hosts that want
 * one file. Only the languages other than English load from beside it.
 */
import { once } from './loader/door.js';
import { localesFolder, pageFetch, startScriptTag } from './loader/script-tag.js';

export { calculateNps, compareNps } from './core/nps.js';

export const createNpsWidget = startScriptTag({
  survey: once(() => import('./survey/index.js')),
  anchored: once(() => import('./survey/anchored.js')),
  extras: once(() => import('./survey/extras.js')),
  localesFolder,
  ...(pageFetch ? { fetch: pageFetch } : {}),
});
