/**
 * What a script-tag file (dist/nps-widget.js, dist/nps-widget.full.js) defines on a page:
 * `window.nps`, the command queue, and `window.NpsWidget`, whose createNpsWidget is the
 * package's. Types only; they are also the types of those files in the package, so a
 * TypeScript page that loads the script tag writes
 * `/// <reference types="nps-widget/nps-widget.js" />` and calls `window.nps?.('show')` typed.
 * Both are optional: an `async` script runs after the page's own code may have.
 */
import type { NpsCommand, NpsWidget } from '../core/api.js';
import type { calculateNps, compareNps } from '../core/nps.js';
import type { NpsOptions } from '../core/options.js';

/** The global `NpsWidget`: what the script-tag files export (src/embed.ts, src/embed-full.ts). */
export interface NpsWidgetGlobal {
  createNpsWidget(options: NpsOptions): NpsWidget;
  calculateNps: typeof calculateNps;
  compareNps: typeof compareNps;
}

declare global {
  interface Window {
    nps?: NpsCommand;
    NpsWidget?: NpsWidgetGlobal;
  }
}
