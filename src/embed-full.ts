/**
 * Entry of dist/nps-widget.full.js: the widget of nps-widget.js with the survey, the anchored
 * positioning and the extras inside, for hosts that want one file. Only the languages other
 * than English load from beside it.
 *
 * The parts are imported by name, not as namespaces: a bundler builds a namespace object by
 * walking its exports with for...in, which a page's enumerable Object.prototype pollution
 * breaks (tested in test/browser/hostile.test.ts).
 */
import { once } from './loader/door.js';
import { localesFolder, pageFetch, startScriptTag } from './loader/script-tag.js';
import { VERSION, createSurvey } from './survey/index.js';
import { anchoredCss, followAnchor } from './survey/anchored.js';
import { accentFor, placementsCss, themeCss, trapTab, whenTriggered, writeDebugLine } from './survey/extras.js';

export { calculateNps, compareNps } from './core/nps.js';

const inside = <T>(part: T) => once(async () => part);

export const createNpsWidget = startScriptTag({
  survey: inside({ createSurvey, VERSION }),
  anchored: inside({ followAnchor, anchoredCss, VERSION }),
  extras: inside({ whenTriggered, accentFor, trapTab, themeCss, placementsCss, writeDebugLine, VERSION }),
  localesFolder,
  ...(pageFetch ? { fetch: pageFetch } : {}),
});
