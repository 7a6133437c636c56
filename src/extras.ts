/**
 * What only some configurations use, so that the others do not download it: the contrast
 * of a site's accentColor, and the engagement signals of automatic showing (scrollPercent,
 * exitIntent). The script tag loads it as dist/nps-widget-extras.js from beside itself when
 * a configuration asks for it; the package as a chunk. A survey never waits on it to exist:
 * if it cannot load, the survey shows with its own colours, after the delay alone.
 */
export { accentFor } from './core/contrast.js';
export { whenTriggered } from './dom/triggers.js';
