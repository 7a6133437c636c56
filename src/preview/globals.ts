/**
 * What dist/nps-preview.js, the results preview's script-tag file, defines on a page:
 * `window.NpsPreview`. Types only; they are also the types of that file in the package
 * (`/// <reference types="nps-widget/nps-preview.js" />`).
 */
import type { calculateNps, compareNps } from '../core/nps.js';
import type { readPastedResults } from '../core/results/paste.js';
import type { mountNpsPreview } from './mount.js';

/** The global `NpsPreview`: what src/preview-embed.ts exports. */
export interface NpsPreviewGlobal {
  mountNpsPreview: typeof mountNpsPreview;
  calculateNps: typeof calculateNps;
  compareNps: typeof compareNps;
  readPastedResults: typeof readPastedResults;
}

declare global {
  interface Window {
    NpsPreview?: NpsPreviewGlobal;
  }
}
