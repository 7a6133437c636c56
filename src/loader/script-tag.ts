/**
 * What a script-tag file does as it runs (nps-widget.js, the loader, and nps-widget.full.js,
 * the single file, alike): learn where it was loaded from, take over `window.nps` and run what
 * the snippet queued, start a widget from a `<script data-endpoint>`, and register
 * `<nps-survey>`. Nothing here decides, shows or sends.
 */
import { type NpsOptions, optionsFromDataset } from '../core/options.js';
import { defineSurveyElement } from '../dom/element.js';
import { createCommandQueue, drain } from './commands.js';
import type { Door } from './door.js';
import type { NpsWidgetGlobal } from './globals.js';
import { createWidget } from './widget.js';

/**
 * The running script: known only while it first runs, so read at once. Null for an inlined
 * copy; undefined where there is no page (Node importing the file), which starts nothing.
 * Not checked with instanceof: Node has no HTMLScriptElement (and an SVG <script>, which has
 * no `src`, counts as an inlined copy).
 */
const scriptTag = typeof document === 'undefined' ? undefined : (document.currentScript as HTMLScriptElement | null);

/** The script's own URL: the files it loads sit beside it. Null for an inlined copy. */
export const scriptUrl = scriptTag?.src || null;

/** `locales/` beside the script. */
export const localesFolder = scriptUrl && new URL('locales/', scriptUrl).href;

/**
 * fetch as the page had it when this script ran: a page that later wraps or replaces
 * window.fetch (an analytics shim, a broken polyfill) cannot get in the way of answers.
 */
export const pageFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : undefined;

/** Starts the script tag's widget with `door`; returns its createNpsWidget (the global `NpsWidget`'s). */
export function startScriptTag(door: Door): NpsWidgetGlobal['createNpsWidget'] {
  const createNpsWidget = (options: NpsOptions) => createWidget(options, door);
  // Imported where there is no page (Node, a server render): nothing to start, nothing to report.
  if (scriptTag === undefined) return createNpsWidget;
  try {
    const existing = window.nps;
    if (existing?.loaded) return createNpsWidget; // the script tag is on the page twice: the first copy is in charge
    const queue = createCommandQueue(createNpsWidget);
    window.nps = queue;
    if (scriptTag?.dataset['endpoint'] !== undefined) {
      queue('init', optionsFromDataset(scriptTag.dataset));
    }
    drain(queue, existing?.q);
    defineSurveyElement(createNpsWidget);
  } catch (error) {
    console.error('nps-widget: could not start:', error);
  }
  return createNpsWidget;
}
