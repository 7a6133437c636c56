/**
 * Entry of dist/nps-widget.js, the script-tag file. Its exports become the global
 * `NpsWidget`; on load it takes over `window.nps` and runs whatever was queued, and a
 * `<script data-endpoint>` initialises the widget from its data attributes.
 */
import { type CommandQueue, createCommandQueue, drain } from './commands.js';
import { optionsFromDataset } from './core/options.js';

export { createNpsWidget } from './widget.js';
export { calculateNps, compareNps } from './core/nps.js';

declare global {
  interface Window {
    nps?: CommandQueue;
  }
}

function start(script: HTMLOrSVGScriptElement | null): void {
  const existing = window.nps;
  if (existing?.loaded) return; // the script tag is on the page twice: the first copy is in charge
  const queue = createCommandQueue();
  window.nps = queue;
  if (script instanceof HTMLScriptElement && script.dataset['endpoint'] !== undefined) {
    queue('init', optionsFromDataset(script.dataset));
  }
  drain(queue, existing?.q);
}

try {
  start(document.currentScript);
} catch (error) {
  console.error('nps-widget: could not start:', error);
}
