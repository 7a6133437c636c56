/** The ESM package. Nothing here touches `window` or `document` at import time. */
import type { NpsOptions } from './core/options.js';
import { loadPackagedLocale } from './locales.js';
import { pickLocale } from './core/locale.js';
import { type NpsWidget, createWidget } from './widget.js';

export type { NpsWidget };

/** The package's door: locale tables come as chunks of the package, loaded when needed. */
export function createNpsWidget(options: NpsOptions): NpsWidget {
  return createWidget(options, {
    pickLocale: async (...wanted) => pickLocale(...wanted),
    loadLocale: loadPackagedLocale,
    extras: () => import('./extras.js'),
  });
}
export type { NpsOptions, Config, ShowOptions, Placement } from './core/options.js';
export type { LocaleTable, LocaleStrings } from './core/locale.js';
export { LOCALES } from './core/locale.js';
export type { EventName, EventMap, ShowEvent, DismissEvent, DeliveryEvent } from './events.js';
export { calculateNps, compareNps, responsesNeeded } from './core/nps.js';
export type { NpsInput, NpsResult } from './core/nps.js';
export { categoryOf, type Category } from './core/category.js';
export { validateResponse, isNewerState } from './core/payload.js';
export type { NpsResponse, FlatRecord, Kind, SurveyType, ValidationResult } from './core/payload.js';
export { CONTENT_TYPE } from './delivery/send.js';
export { mountNpsPreview } from './preview.js';
export { Preview } from './ui/Preview.js';
export { defineSurveyElement, ELEMENT_NAME } from './dom/element.js';
