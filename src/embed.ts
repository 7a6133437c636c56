/**
 * Entry of dist/nps-widget.js, the script-tag file. Its exports become the global
 * `NpsWidget`; on load it takes over `window.nps` and runs whatever was queued, and a
 * `<script data-endpoint>` initialises the widget from its data attributes.
 */
import { type CommandQueue, createCommandQueue, drain } from './commands.js';
import { type NpsOptions, optionsFromDataset } from './core/options.js';
import { NO_FOLDER, loadLocaleFrom, pickLocaleFrom } from './dom/locale-url.js';
import { type NpsWidget, createWidget } from './widget.js';
import { defineSurveyElement } from './dom/element.js';

export { calculateNps, compareNps } from './core/nps.js';

/** Where the locale files are: `locales/` beside this script. Known only while it first runs. */
const thisScript = typeof document === 'undefined' ? null : document.currentScript;
const scriptUrl = thisScript instanceof HTMLScriptElement && thisScript.src ? thisScript.src : null;
const localesFolder = scriptUrl && new URL('locales/', scriptUrl).href;

/**
 * fetch as the page had it when this script ran: a page that later wraps or replaces
 * window.fetch (an analytics shim, a broken polyfill) cannot get in the way of answers.
 */
const pageFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : undefined;

/** The script tag's door: locales load from beside the script (or `localesUrl`). */
export function createNpsWidget(options: NpsOptions): NpsWidget {
  return createWidget(options, {
    ...(pageFetch ? { fetch: pageFetch } : {}),
    pickLocale: (...wanted) => pickLocaleFrom(localesFolder, ...wanted),
    extras: () => (scriptUrl ? import(/* @vite-ignore */ new URL('nps-widget-extras.js', scriptUrl).href) : Promise.reject(new Error("the script's own URL is unknown"))),
    loadLocale: (tag) => (localesFolder ? loadLocaleFrom(localesFolder, tag) : Promise.reject(new Error(NO_FOLDER))),
  });
}

declare global {
  interface Window {
    nps?: CommandQueue;
  }
}

function start(script: HTMLOrSVGScriptElement | null): void {
  const existing = window.nps;
  if (existing?.loaded) return; // the script tag is on the page twice: the first copy is in charge
  const queue = createCommandQueue(createNpsWidget);
  window.nps = queue;
  if (script instanceof HTMLScriptElement && script.dataset['endpoint'] !== undefined) {
    queue('init', optionsFromDataset(script.dataset));
  }
  drain(queue, existing?.q);
}

try {
  start(thisScript);
  defineSurveyElement(createNpsWidget);
} catch (error) {
  console.error('nps-widget: could not start:', error);
}
