/**
 * A response as a respondent builds it: started by a score, rescored, completed by the
 * reason, then perhaps the consent answer; each a later state of the same response (payload
 * v1). Only a survey that shows builds one. Pure: ids and timestamps are passed in.
 */
import { categoryOf, NPS_THRESHOLDS } from './category.js';
import type { ResponseState } from './payload.js';
import type { Thresholds } from './scale.js';

/** What is known about a showing before a score is chosen. */
export type ResponseContext = Pick<ResponseState, 'surveyId' | 'kind' | 'scale' | 'surveyType' | 'touchpoint' | 'user' | 'metadata' | 'locale' | 'pageUrl'>;

/** `thresholds` are the scale's (see thresholdsOf); 0-10 has NPS's own. */
export function startResponse(context: ResponseContext, score: number, id: string, now: Date, thresholds: Thresholds = NPS_THRESHOLDS): ResponseState {
  return {
    schemaVersion: 1,
    id,
    ...context,
    score,
    category: categoryOf(score, thresholds),
    comment: null,
    complete: false,
    createdAt: now.toISOString(),
  };
}

/** The respondent changed their mind before submitting: same id, new score. */
export function rescore(response: ResponseState, score: number, thresholds: Thresholds = NPS_THRESHOLDS): ResponseState {
  return { ...response, score, category: categoryOf(score, thresholds) };
}

export function completeResponse(response: ResponseState, comment: string): ResponseState {
  const trimmed = comment.trim();
  return { ...response, comment: trimmed === '' ? null : trimmed, complete: true };
}

/** The answer to the consent step, after the submit: a later state of the same response. */
export function answerConsent(response: ResponseState, consentToContact: boolean): ResponseState {
  return { ...response, consentToContact };
}

export type PageUrlMode = 'path' | 'full' | 'none';

/** The page as reported in `pageUrl`: by default without query and fragment, which often carry personal data. */
export function pageUrlFor(mode: PageUrlMode, href: string): string | null {
  if (mode === 'none') return null;
  if (mode === 'full') return href;
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}
