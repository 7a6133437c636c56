/**
 * Payload v1 (contract section 6): its shape, the form each delivery takes, and how a receiver
 * checks one. How a survey builds a response is response.ts's. Pure: times are passed in.
 */
import { type Category, categoryOf, isScore, CATEGORIES } from './category.js';
import { isScale, isScoreOn, SCALES, STANDARD_SCALE, type Scale } from './scale.js';

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

export type ValidationResult = { ok: true; response: NpsResponse } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

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
        ((typeof v === 'string' && v.length <= FLAT_RECORD_LIMITS.valueLength) ||
          typeof v === 'boolean' ||
          (typeof v === 'number' && Number.isFinite(v))),
    )
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown) => v === null || isString(v);
const isTimestamp = (v: unknown) => isString(v) && ISO_8601.test(v) && !Number.isNaN(Date.parse(v));

/** Each field of payload v1 with the check a receiver applies and what it expects. */
const FIELD_RULES: ReadonlyArray<[keyof NpsResponse, (v: unknown) => boolean, string]> = [
  ['schemaVersion', (v) => v === 1, '1'],
  ['id', (v) => isString(v) && UUID.test(v), 'a UUID'],
  ['surveyId', (v) => isString(v) && v !== '', 'a non-empty string'],
  ['kind', (v) => v === 'nps' || v === 'enps', '"nps" or "enps"'],
  ['score', isScore, 'an integer from 0 to 10'],
  ['category', (v) => CATEGORIES.includes(v as Category), '"detractor", "passive" or "promoter"'],
  ['comment', isNullableString, 'a string or null'],
  ['complete', (v) => typeof v === 'boolean', 'a boolean'],
  ['surveyType', (v) => v === 'relationship' || v === 'transactional', '"relationship" or "transactional"'],
  ['touchpoint', isNullableString, 'a string or null'],
  ['user', (v) => v === null || isFlatRecord(v), 'null or a flat object (at most 50 keys, values up to 1000 characters)'],
  ['metadata', isFlatRecord, 'a flat object of strings, numbers and booleans (at most 50 keys, values up to 1000 characters)'],
  ['locale', (v) => isString(v) && v !== '', 'a BCP 47 language tag'],
  ['pageUrl', isNullableString, 'a string or null'],
  ['createdAt', isTimestamp, 'an ISO 8601 timestamp'],
  ['sentAt', isTimestamp, 'an ISO 8601 timestamp'],
];

/** Checks a parsed request body against payload v1; the reason names the first bad field. */
export function validateResponse(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'body must be a JSON object' };
  }
  const record = body as Record<string, unknown>;
  for (const [field, check, expected] of FIELD_RULES) {
    if (!(field in record)) return { ok: false, reason: `missing field "${field}"` };
    if (!check(record[field])) {
      return { ok: false, reason: `field "${field}" is ${JSON.stringify(record[field])}; expected ${expected}` };
    }
  }
  const response = record as unknown as NpsResponse;
  // Fields added to v1 are optional: a widget from before them sends neither.
  const scale = response.scale ?? STANDARD_SCALE;
  if (!isScale(scale)) return { ok: false, reason: `field "scale" is ${JSON.stringify(response.scale)}; expected one of ${SCALES.join(', ')}` };
  if (!isScoreOn(scale, response.score)) return { ok: false, reason: `score ${response.score} is not on the ${scale} scale` };
  // Off 0-10 the thresholds are the site's, so only the 0-10 category can be checked against the score.
  if (scale === STANDARD_SCALE && response.category !== categoryOf(response.score)) {
    return { ok: false, reason: `category "${response.category}" does not match score ${response.score}` };
  }
  if ('consentToContact' in record && typeof response.consentToContact !== 'boolean') {
    return { ok: false, reason: `field "consentToContact" is ${JSON.stringify(record['consentToContact'])}; expected a boolean (or no field)` };
  }
  return { ok: true, response };
}
