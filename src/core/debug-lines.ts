/**
 * The words of the debug log (`debug: true`), one line per event. A developer's tool that
 * production pages never use, so they live in the extras: the widget names the event and its
 * values (`debug('shown', layout, touchpoint)`) and the line is written from here.
 */
import { type Decision, refusal } from './eligibility.js';
import type { DeliveryEvent } from './events.js';

type Refused = Decision & { eligible: false };

export const DEBUG_LINES = {
  wording: (tag: string) => `showing the "${tag}" wording`,
  storage: (reason: string, consequence: string) => `storage unavailable (${reason}); ${consequence}`,
  delivery: (d: DeliveryEvent) =>
    `${d.outcome} ${d.response.id}, attempt ${d.attempt}${d.reason ? `: ${d.reason}` : ''}${d.retryInMs === null ? '' : `; again in ${d.retryInMs} ms`}`,
  noAnchor: (problem: string, placement: string) => `${problem}; showing at "${placement}" instead`,
  anchorLost: (placement: string) => `the anchor left the document; moving to "${placement}"`,
  shown: (layout: string, touchpoint: string | null) => `shown at "${layout}"${touchpoint ? ` for touchpoint "${touchpoint}"` : ''}`,
  closed: () => 'closed',
  notShown: (decision: Refused) => `not shown: ${refusal(decision)}`,
  ignored: (why: string) => `show() ignored: ${why}`,
  notByItself: (decision: Refused) => `will not show by itself: ${refusal(decision)}`,
  prefetchFailed: (reason: string) => `could not fetch the survey ahead of time (${reason}); show() will try again`,
} satisfies Record<string, (...args: never[]) => string>;

export type DebugLines = typeof DEBUG_LINES;

/** Logs one event of the debug log by name, with the values its line needs. */
export type DebugLog = <K extends keyof DebugLines>(event: K, ...args: Parameters<DebugLines[K]>) => void;

/** Writes one line of the debug log: the survey's id, then the event in words. */
export function writeDebugLine(surveyId: string, event: keyof DebugLines, args: unknown[]): void {
  console.info(`nps-widget: [${surveyId}] ${(DEBUG_LINES[event] as (...a: unknown[]) => string)(...args)}`);
}
