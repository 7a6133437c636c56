/** Shared test data: what the widget knows about a showing before a score is chosen. */
import type { ResponseContext } from '../src/core/response.js';

export const relationshipContext: ResponseContext = {
  surveyId: 'nps',
  kind: 'nps',
  scale: '0-10',
  surveyType: 'relationship',
  touchpoint: null,
  user: null,
  metadata: {},
  locale: 'en',
  pageUrl: 'http://127.0.0.1:5178/',
};
