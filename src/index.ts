/** The ESM package. Nothing here touches `window` or `document` at import time. */
export { createNpsWidget, type NpsWidget } from './widget.js';
export type { NpsOptions, Config, ShowOptions } from './core/options.js';
export type { EventName, EventMap, ShowEvent, DismissEvent } from './events.js';
export { calculateNps, compareNps, responsesNeeded } from './core/nps.js';
export type { NpsInput, NpsResult } from './core/nps.js';
export { categoryOf, type Category } from './core/category.js';
export { validateResponse, isNewerState } from './core/payload.js';
export type { NpsResponse, FlatRecord, Kind, SurveyType, ValidationResult } from './core/payload.js';
export { CONTENT_TYPE } from './delivery/send.js';
export { mountNpsPreview } from './preview.js';
export { Preview } from './ui/Preview.js';
