/**
 * The results preview's public face: mountNpsPreview for any page, and its Preact components
 * for Preact apps that render them in their own tree.
 */
export { mountNpsPreview } from './mount.js';
export type { NpsPreview, NpsPreviewInput, NpsPreviewOptions } from './mount.js';
export { Preview } from '../ui/Preview.js';
export { Results } from '../ui/Results.js';
