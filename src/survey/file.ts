/**
 * Entry of dist/nps-widget-survey.js, the survey as a file of its own beside the script tag's
 * loader: survey/index.ts, borrowing the core the loader lends (survey/borrowed.ts) before the
 * survey starts.
 */
import { borrow } from './borrowed.js';
import type { Lent, Survey, SurveyHost } from './contract.js';
import { createSurvey as surveyOf } from './survey.js';

export { VERSION } from './index.js';

export function createSurvey(host: SurveyHost): Survey {
  // The script tag's door always lends (src/embed.ts); a file of the same build is the only one it runs.
  borrow(host.parts.lent as Lent);
  return surveyOf(host);
}
