/**
 * `import 'nps-widget/element'` registers <nps-survey> for pages built with a bundler; the
 * script tag registers it by itself. Only this module has the side effect, so importing the
 * package's main entry defines nothing.
 */
import { defineSurveyElement } from './dom/element.js';
import { createNpsWidget } from './index.js';

defineSurveyElement(createNpsWidget);

// Its types give `document.querySelector('nps-survey')` its element type.
export type { NpsSurveyElement } from './dom/element.js';
