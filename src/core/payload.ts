/**
 * Payload v1 (docs/payload-and-delivery.md): its shape, the form each delivery takes, and the
 * rule of which state is newer. How a survey builds a response is response.ts's; how a receiver
 * checks one is validate.ts's. Pure: times are passed in.
 */
import type { Category } from './category.js';
import type { Scale } from './scale.js';

export type Primitive = string | number | boolean;
/** A flat object of string, number or boolean values. */
export type FlatRecord = Record<string, Primitive>;
export type Kind = 'nps' | 'enps';
export type SurveyType = 'relationship' | 'transactional';

export interface NpsResponse {
  schemaVersion: 1;
  id: string;
  surveyId: string;
  kind: Kind;
  /** Added to v1: the answer scale; receivers read a missing one as "0-10". */
  scale: Scale;
  score: number;
  category: Category;
  comment: string | null;
  complete: boolean;
  surveyType: SurveyType;
  touchpoint: string | null;
  user: FlatRecord | null;
  metadata: FlatRecord;
  locale: string;
  pageUrl: string | null;
  createdAt: string;
  sentAt: string;
  /** Added to v1, only with `askConsent`: whether the respondent agreed to be contacted; absent when unanswered. */
  consentToContact?: boolean;
}

/** A response as the widget holds it between deliveries: everything but the send time. */
export type ResponseState = Omit<NpsResponse, 'sentAt'>;

export function toPayload(response: ResponseState, sentAt: Date): NpsResponse {
  return { ...response, sentAt: sentAt.toISOString() };
}

/**
 * Receiver rule for at-least-once delivery: of two records with one id, keep the later state.
 * A submitted response beats a score-only one; otherwise the later delivery wins.
 */
export function isNewerState(candidate: Pick<NpsResponse, 'complete' | 'sentAt'>, stored: Pick<NpsResponse, 'complete' | 'sentAt'>): boolean {
  if (candidate.complete !== stored.complete) return candidate.complete;
  return candidate.sentAt >= stored.sentAt;
}

/** Bounds on `metadata` and `user`: answers are records, not a way to ship arbitrary data. */
export const FLAT_RECORD_LIMITS = { keys: 50, keyLength: 100, valueLength: 1000 } as const;

export function isFlatRecord(value: unknown): value is FlatRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= FLAT_RECORD_LIMITS.keys &&
    entries.every(
      ([key, v]) =>
        key.length <= FLAT_RECORD_LIMITS.keyLength &&
        ((typeof v === 'string' && v.length <= FLAT_RECORD_LIMITS.valueLength) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))),
    )
  );
}
