/**
 * The ESM package. Nothing here touches `window` or `document` at import time. A bundle that
 * uses createNpsWidget carries the loader; the survey, the anchored positioning, the extras
 * and the languages are chunks behind import(), which bundlers split out.
 */
import { type NpsCommand, type NpsWidget, PREFIX } from './core/api.js';
import type { NpsOptions } from './core/options.js';
import { type Door, once } from './loader/door.js';
import { createWidget, inertWidget } from './loader/widget.js';

export type { NpsWidget, NpsCommand };

/** The package's door: every part a chunk of the package, loaded when needed. */
const door: Door = {
  survey: /* @__PURE__ */ once(() => import('./survey/index.js')),
  anchored: /* @__PURE__ */ once(() => import('./survey/anchored.js')),
  extras: /* @__PURE__ */ once(() => import('./survey/extras.js')),
  localesFolder: null,
  packagedLocales: () => import('./survey/packaged-locales.js'),
};

/** Whether the server-side warning was given: once a process, not once a rendered page. */
let warnedNoPage = false;

/** The package may be imported where there is no page (server rendering): there it gives a widget that does nothing. */
export function createNpsWidget(options: NpsOptions): NpsWidget {
  if (typeof document === 'undefined') {
    if (!warnedNoPage) console.warn(`${PREFIX} createNpsWidget does nothing without a browser page (server rendering); said once per process.`);
    warnedNoPage = true;
    return inertWidget;
  }
  return createWidget(options, door);
}
export type { NpsOptions, Config, ShowOptions, Placement } from './core/options.js';
export type { LocaleTable, LocaleStrings } from './core/locale.js';
export { LOCALES } from './core/locale.js';
export type { EventName, EventMap, ShowEvent, DismissEvent, DeliveryEvent } from './core/events.js';
export { isNewerState } from './core/payload.js';
export { validateResponse, type ValidationResult } from './core/validate.js';
export { CONTENT_TYPE } from './delivery/send.js';
export { defineSurveyElement, ELEMENT_NAME, type NpsSurveyElement } from './dom/element.js';
// The calculator, the preview and the results (also `nps-widget/results`, for results pages).
export * from './results.js';
