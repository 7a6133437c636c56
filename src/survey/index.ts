/**
 * The survey: what a page loads once a survey will show (Preact, the UI, its styles, English).
 * The script tag loads it as dist/nps-widget-survey.js from beside itself, the package as a
 * chunk; the loader calls createSurvey once per widget.
 */
export { createSurvey } from './survey.js';
/** The build this file belongs to: a loader refuses a file of another build (loader/door.ts). */
export const VERSION: string = import.meta.env.NPS_VERSION;
