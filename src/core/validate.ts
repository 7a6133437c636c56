/**
 * How a receiver checks a delivery (payload v1, src/core/payload.ts) and the clean record it
 * stores: one rule for `validateResponse` in the package and the receiver of nps-widget/server.
 * Receiver-side only: no widget file imports it. Pure.
 */
import { type Category, categoryOf, isScore, CATEGORIES } from './category.js';
import { isFlatRecord, type FlatRecord, type NpsResponse } from './payload.js';
import { isScale, isScoreOn, SCALES, STANDARD_SCALE } from './scale.js';
import { showValue } from './show-value.js';

export type ValidationResult = { ok: true; response: NpsResponse } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The longest comment a receiver keeps: the largest `commentMaxLength` the widget allows
 * (a test holds the two together).
 */
export const COMMENT_MAX_LENGTH = 10_000;

/**
 * Bounds on the other strings, in UTF-16 code units as `String.length` counts them: far past
 * any real survey id, touchpoint, language tag or page address, small enough that no field
 * becomes a store for arbitrary data.
 */
export const TEXT_LIMITS = { surveyId: 200, touchpoint: 200, locale: 100, pageUrl: 8192 } as const;

/** The instants PostgreSQL and ISO 8601's four-digit years both hold: 0001-01-01 to 9999-12-31, UTC. */
const EARLIEST = -62_135_596_800_000;
const LATEST = 253_402_300_799_999;

const isString = (v: unknown): v is string => typeof v === 'string';
const isText = (max: number) => (v: unknown) => isString(v) && v.length <= max;
const isFilledText = (max: number) => (v: unknown) => isString(v) && v !== '' && v.length <= max;
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const instantOf = (v: string) => Date.parse(v);
const isTimestamp = (v: unknown) => {
  if (!isString(v) || !ISO_8601.test(v)) return false;
  const instant = instantOf(v);
  return instant >= EARLIEST && instant <= LATEST;
};

/** Each field of payload v1 with the check a receiver applies, what it expects, and its length limit for strings. */
const FIELD_RULES: ReadonlyArray<[keyof NpsResponse, (v: unknown) => boolean, string, number?]> = [
  ['schemaVersion', (v) => v === 1, '1'],
  ['id', (v) => isString(v) && UUID.test(v), 'a UUID'],
  ['surveyId', isFilledText(TEXT_LIMITS.surveyId), 'a non-empty string', TEXT_LIMITS.surveyId],
  ['kind', (v) => v === 'nps' || v === 'enps', '"nps" or "enps"'],
  ['score', isScore, 'an integer from 0 to 10'],
  ['category', (v) => CATEGORIES.includes(v as Category), '"detractor", "passive" or "promoter"'],
  ['comment', orNull(isText(COMMENT_MAX_LENGTH)), 'a string or null', COMMENT_MAX_LENGTH],
  ['complete', (v) => typeof v === 'boolean', 'a boolean'],
  ['surveyType', (v) => v === 'relationship' || v === 'transactional', '"relationship" or "transactional"'],
  ['touchpoint', orNull(isText(TEXT_LIMITS.touchpoint)), 'a string or null', TEXT_LIMITS.touchpoint],
  ['user', (v) => v === null || isFlatRecord(v), 'null or a flat object (at most 50 keys, values up to 1000 characters)'],
  ['metadata', isFlatRecord, 'a flat object of strings, numbers and booleans (at most 50 keys, values up to 1000 characters)'],
  ['locale', isFilledText(TEXT_LIMITS.locale), 'a BCP 47 language tag', TEXT_LIMITS.locale],
  ['pageUrl', orNull(isText(TEXT_LIMITS.pageUrl)), 'a string or null', TEXT_LIMITS.pageUrl],
  ['createdAt', isTimestamp, 'an ISO 8601 timestamp from year 0001 to 9999'],
  ['sentAt', isTimestamp, 'an ISO 8601 timestamp from year 0001 to 9999'],
];

function problemWith(field: string, value: unknown, expected: string, maxLength: number | undefined): string {
  if (maxLength !== undefined && isString(value) && value.length > maxLength) {
    return `field "${field}" has ${value.length} characters; at most ${maxLength}`;
  }
  return `field "${field}" is ${showValue(value)}; expected ${expected}`;
}

/**
 * Text as it is stored: each NUL or unpaired surrogate (a paste cut inside an emoji, say), which
 * PostgreSQL (and UTF-8 itself) cannot hold, becomes U+FFFD, so the answer is kept, inert,
 * rather than refused for one character.
 */
export const storableText = (text: string): string =>
  /[\0\uD800-\uDFFF]/.test(text) ? text.replace(/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : text;

const storableOrNull = (text: string | null) => (text === null ? null : storableText(text));

/** A flat record rebuilt from its own entries (so a "__proto__" key stays a plain key), its text storable. */
const storableRecord = (record: FlatRecord): FlatRecord =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [storableText(key), isString(value) ? storableText(value) : value]));

/** The form the widget writes (toISOString: UTC, milliseconds), so comparing strings compares instants. */
const canonicalTime = (timestamp: string) => new Date(instantOf(timestamp)).toISOString();

/** Payload v1's fields in the order of its table; `consentToContact` comes last, when answered. */
export const PAYLOAD_FIELDS: ReadonlyArray<keyof NpsResponse> = [
  'schemaVersion',
  'id',
  'surveyId',
  'kind',
  'scale',
  'score',
  'category',
  'comment',
  'complete',
  'surveyType',
  'touchpoint',
  'user',
  'metadata',
  'locale',
  'pageUrl',
  'createdAt',
  'sentAt',
  'consentToContact',
];

/**
 * Checks a parsed request body against payload v1 and returns a clean record: the known
 * fields only (unknown ones are dropped), in the table's order, the id in lower case,
 * timestamps in the widget's UTC form, text storable (see storableText). Strings are bounded
 * (COMMENT_MAX_LENGTH, TEXT_LIMITS), `metadata` and `user` as the widget bounds them. The
 * reason names the first bad field.
 */
export function validateResponse(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'body must be a JSON object' };
  }
  const record = body as Record<string, unknown>;
  for (const [field, check, expected, maxLength] of FIELD_RULES) {
    if (!Object.hasOwn(record, field)) return { ok: false, reason: `missing field "${field}"` };
    if (!check(record[field])) return { ok: false, reason: problemWith(field, record[field], expected, maxLength) };
  }
  const given = record as unknown as NpsResponse;
  // Fields added to v1 are optional: a widget from before them sends neither.
  const scale = Object.hasOwn(record, 'scale') ? given.scale : STANDARD_SCALE;
  if (!isScale(scale)) return { ok: false, reason: `field "scale" is ${showValue(given.scale)}; expected one of ${SCALES.join(', ')}` };
  if (!isScoreOn(scale, given.score)) return { ok: false, reason: `score ${given.score} is not on the ${scale} scale` };
  // Off 0-10 the thresholds are the site's, so only the 0-10 category can be checked against the score.
  if (scale === STANDARD_SCALE && given.category !== categoryOf(given.score)) {
    return { ok: false, reason: `category "${given.category}" does not match score ${given.score}` };
  }
  const hasConsent = Object.hasOwn(record, 'consentToContact');
  if (hasConsent && typeof given.consentToContact !== 'boolean') {
    return { ok: false, reason: `field "consentToContact" is ${showValue(record['consentToContact'])}; expected a boolean (or no field)` };
  }
  const response: NpsResponse = {
    schemaVersion: 1,
    id: given.id.toLowerCase(),
    surveyId: storableText(given.surveyId),
    kind: given.kind,
    scale,
    score: given.score,
    category: given.category,
    comment: storableOrNull(given.comment),
    complete: given.complete,
    surveyType: given.surveyType,
    touchpoint: storableOrNull(given.touchpoint),
    user: given.user === null ? null : storableRecord(given.user),
    metadata: storableRecord(given.metadata),
    locale: storableText(given.locale),
    pageUrl: storableOrNull(given.pageUrl),
    createdAt: canonicalTime(given.createdAt),
    sentAt: canonicalTime(given.sentAt),
  };
  if (hasConsent) response.consentToContact = given.consentToContact as boolean;
  return { ok: true, response };
}
