/**
 * What only some configurations use, so that the others do not download it: the engagement
 * signals of automatic showing (scrollPercent, exitIntent), the contrast of a site's
 * accentColor, the modal's hold on Tab, the dark theme's colours (themeCss), the styles of the
 * bottom bar, the modal and inline (placementsCss), and the debug log's words
 * (writeDebugLine). Plain functions, strings and styles: no Preact, so any part of the widget
 * may load it (the loader for the signals and the debug log, a survey for the rest) and the
 * page still has one Preact, the survey's.
 *
 * The script tag loads it as dist/nps-widget-extras.js from beside itself, once, when a
 * configuration asks for it; the package as a chunk. A survey never waits on it to exist: if
 * it cannot load, the survey shows in its own light colours in the bottom-right corner.
 */
import themes from '../ui/themes.css?inline';
import placements from '../ui/placements.css?inline';

export { whenTriggered } from '../dom/triggers.js';
export { accentFor } from '../core/contrast.js';
export { trapTab } from '../dom/trap-tab.js';
// Stylesheets as typed strings, not re-exported CSS modules: the shipped types then name no
// module that only a bundler understands (`?inline`), which failed type-checking for users.
export const themeCss: string = themes;
export const placementsCss: string = placements;
export { writeDebugLine } from '../core/debug-lines.js';
/** The build this file belongs to: a loader refuses a file of another build (loader/door.ts). */
export const VERSION: string = import.meta.env.NPS_VERSION;
