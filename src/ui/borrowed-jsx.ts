/**
 * The JSX runtime of dist/nps-widget-extras.js (vite.config.ts points the extras build's
 * preact/jsx-runtime here): the extras render with the survey's own Preact, which the widget
 * lends them before they draw. A copy of Preact of their own would outweigh what they hold,
 * and its elements could not safely share one tree with the survey's.
 */
import type { jsx as preactJsx } from 'preact/jsx-runtime';

type Jsx = typeof preactJsx;

let lent: Jsx | undefined;

/** Called by the widget with its Preact's jsx; in the package, where the extras share the bundle's Preact, it changes nothing. */
export function lendJsx(jsx: Jsx): void {
  lent = jsx;
}

export const jsx = ((...args: Parameters<Jsx>) => (lent as Jsx)(...args)) as Jsx;
export { jsx as jsxs };
