/**
 * Answering: the response one showing builds (a score, perhaps changed, the reason, the
 * consent answer). Each state goes to the courier and out as an event; the first score tells
 * the rules the visitor answered. It never renders, and never decides whether to show.
 */
import type { ShowConfig } from '../core/options.js';
import { type ResponseState, toPayload } from '../core/payload.js';
import { answerConsent, completeResponse, pageUrlFor, rescore, startResponse } from '../core/response.js';
import { thresholdsOf } from '../core/scale.js';
import { newId } from '../core/uuid.js';
import { postingOf, queueResponse } from '../delivery/queue.js';
import type { SurveyContext } from './contract.js';

/**
 * A changed score waits this long for the next change before it is sent: a keyboard user
 * arrowing from 0 to 9 selects ten scores in a second, and the receiver needs only the last.
 * The first score goes at once (docs/payload-and-delivery.md promises it), submits never wait,
 * and the courier sends everything at once when the page goes away.
 */
const RESCORE_SETTLE_MS = 400;

export interface Answer {
  readonly response: ResponseState | null;
  score(score: number): void;
  submit(comment: string): void;
  consent(answer: boolean): void;
}

/** Whether answers go without `user` and `pageUrl`: as asked, else for eNPS (docs/options.md, `anonymous`). */
export const isAnonymous = (config: Pick<SurveyContext['config'], 'anonymous' | 'kind'>) => config.anonymous ?? config.kind === 'enps';

/** An anonymous survey sends no user: says so once when the page identified one, so a site does not wait for it in vain. */
function withheldUser(surveyId: string, user: unknown): null {
  if (user !== null && !noted.has(surveyId)) {
    noted.add(surveyId);
    console.info(`nps-widget: "${surveyId}" is anonymous: no user or pageUrl is sent (anonymous: false sends them).`);
  }
  return null;
}
const noted = new Set<string>();

/** The answer of one showing with these `options`, in the language `lang`. */
export function createAnswer(host: SurveyContext, options: ShowConfig, lang: string): Answer {
  const { config } = host;
  const thresholds = thresholdsOf(config);
  const posting = postingOf(config);
  const anonymous = isAnonymous(config);
  let response: ResponseState | null = null;

  /** The response's next state: queued for delivery (after `delayMs`), then announced. */
  function keep(next: ResponseState, event: 'score' | 'submit' | 'consent', delayMs = 0, first = false): void {
    response = next;
    queueResponse(host.courier, next, posting, delayMs);
    if (first) host.remember('answered');
    host.emit(event, toPayload(next, new Date()));
  }

  return {
    get response() {
      return response;
    },
    score(score) {
      if (response) return keep(rescore(response, score, thresholds), 'score', RESCORE_SETTLE_MS);
      const context = {
        surveyId: config.surveyId,
        kind: config.kind,
        scale: config.scale,
        surveyType: options.touchpoint ? 'transactional' : 'relationship',
        touchpoint: options.touchpoint,
        user: anonymous ? withheldUser(config.surveyId, host.user()) : host.user(),
        metadata: { ...config.metadata, ...options.metadata },
        locale: lang,
        pageUrl: anonymous ? null : pageUrlFor(config.pageUrl, location.href),
      } as const;
      keep(startResponse(context, score, newId(), new Date(), thresholds), 'score', 0, true);
    },
    submit(comment) {
      if (response) keep(completeResponse(response, comment.slice(0, config.commentMaxLength)), 'submit');
    },
    /** The consent step's answer: the same response again, with `consentToContact`. */
    consent(answer) {
      if (response) keep(answerConsent(response, answer), 'consent');
    },
  };
}
