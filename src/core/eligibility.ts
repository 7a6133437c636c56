/**
 * Who is asked, and when: the eligibility rules as pure functions over what the browser
 * remembers about a survey (its history) and about the site (the last survey shown). The
 * clock and randomness are passed in; storage is the caller's.
 */
import { readJson } from './json.js';

const DAY_MS = 86_400_000;

export interface Rules {
  /** Share of visitors ever asked, 0-1; each visitor is drawn once and stays in or out. */
  sampleRate: number;
  /** Days after a response before asking again. */
  resurveyDays: number;
  /** Days after a dismissal before asking again. */
  dismissCooldownDays: number;
  /** Showings without an answer before the visitor is left alone (for resurveyDays). */
  maxAsks: number;
  /** Days after `user.createdAt` before the first survey. */
  firstSurveyDelayDays: number;
  /** Days between a showing of another survey of the site and this one. */
  quietPeriodDays: number;
}

/** What the browser remembers about one survey (stored per survey id). */
export interface History {
  /** This visitor's sampling draw in [0, 1): asked when it is below the sample rate. */
  draw: number | null;
  /** Showings since the last response. */
  asks: number;
  lastAskedAt: number | null;
  lastRespondedAt: number | null;
  lastDismissedAt: number | null;
}

/** What the browser remembers across all surveys of the site. */
export interface SiteHistory {
  lastShown: { surveyId: string; at: number } | null;
}

export const emptyHistory: History = { draw: null, asks: 0, lastAskedAt: null, lastRespondedAt: null, lastDismissedAt: null };
export const emptySiteHistory: SiteHistory = { lastShown: null };

/**
 * A refusal names the rule that said no (the option to change) and when it stops saying no
 * (null: not by waiting). Debug output prints both; docs/placements-and-eligibility.md
 * explains each rule.
 */
export type Decision = { eligible: true } | { eligible: false; rule: keyof Rules; until: number | null };

/** When a period of `periodDays` that started at `since` ends, if it has not ended by `now`. */
function periodEnd(since: number | null, periodDays: number, now: number): number | null {
  if (since === null || periodDays <= 0) return null;
  const end = since + periodDays * DAY_MS;
  return end > now ? end : null;
}

/** `user.createdAt` as epoch ms: an ISO date string or a number of ms; null when absent or unreadable. */
export function userCreatedAt(user: Record<string, unknown> | null): number | null {
  const value = user?.['createdAt'];
  const time = typeof value === 'string' ? Date.parse(value) : value;
  // Number.isFinite is false for anything that is not a number.
  return Number.isFinite(time) ? (time as number) : null;
}

/** The visitor's draw, made once: sampling must not re-roll on every page, or everyone is asked eventually. */
export function withDraw(history: History, random: () => number): History {
  return history.draw === null ? { ...history, draw: random() } : history;
}

/**
 * Whether survey `surveyId` may be shown now, and if not, which rule says no and until when.
 * Rules are checked in a fixed order so the rule given is the most lasting one.
 */
export function decide(surveyId: string, rules: Rules, history: History, site: SiteHistory, userCreated: number | null, now: number): Decision {
  const no = (rule: keyof Rules, until: number | null = null): Decision => ({ eligible: false, rule, until });
  if (history.draw === null || history.draw >= rules.sampleRate) return no('sampleRate');
  const responded = periodEnd(history.lastRespondedAt, rules.resurveyDays, now);
  if (responded !== null) return no('resurveyDays', responded);
  const dismissed = periodEnd(history.lastDismissedAt, rules.dismissCooldownDays, now);
  if (dismissed !== null) return no('dismissCooldownDays', dismissed);
  if (history.asks >= rules.maxAsks) {
    const rested = periodEnd(history.lastAskedAt, rules.resurveyDays, now);
    if (rested !== null || rules.resurveyDays <= 0) return no('maxAsks', rested);
  }
  const newUser = periodEnd(userCreated, rules.firstSurveyDelayDays, now);
  if (newUser !== null) return no('firstSurveyDelayDays', newUser);
  // Only another survey's showing calls for quiet; this one's own asks are counted above.
  const { lastShown } = site;
  const quiet = periodEnd(lastShown?.surveyId === surveyId ? null : (lastShown?.at ?? null), rules.quietPeriodDays, now);
  return quiet === null ? { eligible: true } : no('quietPeriodDays', quiet);
}

/** A refusal as debug output says it: "resurveyDays, until 2027-03-01T09:30:00.000Z". */
export const refusal = (decision: Decision & { eligible: false }): string =>
  decision.until === null ? decision.rule : `${decision.rule}, until ${new Date(decision.until).toISOString()}`;

/** The survey was shown. After a rest of resurveyDays a non-responder's count starts again. */
export function recordAsk(history: History, rules: Rules, now: number): History {
  const rested = history.asks >= rules.maxAsks && periodEnd(history.lastAskedAt, rules.resurveyDays, now) === null;
  return { ...history, asks: (rested ? 0 : history.asks) + 1, lastAskedAt: now };
}

export function recordResponse(history: History, now: number): History {
  return { ...history, asks: 0, lastRespondedAt: now };
}

export function recordDismissal(history: History, now: number): History {
  return { ...history, lastDismissedAt: now };
}

export function recordShown(surveyId: string, now: number): SiteHistory {
  return { lastShown: { surveyId, at: now } };
}

/** Reads stored JSON back, falling back to an empty history for anything malformed. */
export function parseHistory(json: string | null): History {
  const h = readJson(json) as Partial<History> | null;
  // asks is a number, and every field a number or null (Number.isFinite is false for anything else).
  const ok = typeof h?.asks === 'number' && (Object.keys(emptyHistory) as Array<keyof History>).every((key) => h[key] === null || Number.isFinite(h[key]));
  return ok ? (h as History) : emptyHistory;
}

export function parseSiteHistory(json: string | null): SiteHistory {
  const last = (readJson(json) as Partial<SiteHistory> | null)?.lastShown;
  return last && typeof last.surveyId === 'string' && typeof last.at === 'number' ? { lastShown: last } : emptySiteHistory;
}
