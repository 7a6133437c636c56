/**
 * A survey next to an element (`show({ anchor })`): floating-ui's positioning and the styles
 * of the anchored panel and its arrow. Only anchored surveys load it: the script tag as
 * dist/nps-widget-anchored.js from beside itself, the package as a chunk.
 */
import anchored from '../ui/anchored.css?inline';

export { followAnchor } from '../dom/anchor.js';
/** A typed string, not a re-exported CSS module, so the shipped types name no bundler-only module. */
export const anchoredCss: string = anchored;
/** The build this file belongs to: a loader refuses a file of another build (loader/door.ts). */
export const VERSION: string = import.meta.env.NPS_VERSION;
