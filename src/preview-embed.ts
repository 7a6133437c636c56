/**
 * Entry of dist/nps-preview.js, the script-tag build whose exports become the global
 * `NpsPreview` (typed in preview/globals.ts: change both together).
 */
export { mountNpsPreview } from './preview/index.js';
export { calculateNps, compareNps } from './core/nps.js';
// What a results page needs besides the preview: reading what its visitor pastes.
export { readPastedResults } from './core/results/paste.js';
