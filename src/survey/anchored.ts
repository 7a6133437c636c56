/**
 * A survey next to an element (`show({ anchor })`): floating-ui's positioning and the styles
 * of the anchored panel and its arrow. Only anchored surveys load it: the script tag as
 * dist/nps-widget-anchored.js from beside itself, the package as a chunk.
 */
export { followAnchor } from '../dom/anchor.js';
export { default as anchoredCss } from '../ui/anchored.css?inline';
/** The build this file belongs to: a loader refuses a file of another build (loader/door.ts). */
export const VERSION: string = import.meta.env.NPS_VERSION;
