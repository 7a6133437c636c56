/**
 * What only some configurations use, so that the others do not download it: the contrast of
 * a site's accentColor, the engagement signals of automatic showing (scrollPercent,
 * exitIntent), the steps that close the loop (askConsent, promoterLink), which render with
 * the survey's own Preact (lendJsx) and are styled by loopCss, the modal's hold on Tab, the
 * dark theme's colours (themeCss), the styles of the placements other than the corners
 * (placementsCss), an anchored survey's positioning (followAnchor, with floating-ui), and the
 * words of the debug log (DEBUG_LINES).
 *
 * The script tag loads it as dist/nps-widget-extras.js from beside itself when a
 * configuration or a show() asks for it; the package as a chunk. A survey never waits on it
 * to exist: if it cannot load, the survey shows in its own light colours, after the delay
 * alone, in the bottom-right corner (an anchored one too), and without the consent question
 * and the promoter link.
 */
export { accentFor } from './core/contrast.js';
export { whenTriggered } from './dom/triggers.js';
export { ConsentStep, PromoterLink } from './ui/ClosingTheLoop.js';
export { lendJsx } from './ui/borrowed-jsx.js';
export { trapTab } from './dom/trap-tab.js';
export { followAnchor } from './dom/position.js';
export { default as themeCss } from './ui/themes.css?inline';
export { default as loopCss } from './ui/loop.css?inline';
export { default as placementsCss } from './ui/placements.css?inline';
export { DEBUG_LINES } from './core/debug-lines.js';
