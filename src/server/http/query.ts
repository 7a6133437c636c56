/**
 * The query strings of GET /results and GET /responses, checked and turned into what the
 * store asks for. Pure. Every problem is a sentence naming the parameter, the value and what
 * is allowed; an unknown parameter is one too (a misspelt `surveyid` would otherwise be
 * ignored and answer for the wrong thing).
 */
import { FLAT_RECORD_LIMITS } from '../../core/payload.js';
import { checkTimeZone } from '../../core/results/period.js';
import { FIXED_DIMENSIONS } from '../../core/results/segment.js';
import { TIME_GROUPINGS, type TimeGrouping } from '../../core/results/tallies.js';
import { isScale, SCALES, type Scale } from '../../core/scale.js';
import { CATEGORIES, type Category } from '../../core/category.js';
import { storableText } from '../../core/validate.js';
import type { ExportOrder, PageCursor, ResponseFilter, TimeSpan } from '../store/responses.js';
import type { Grouping, NestedObject, RolledSegment } from '../store/tallies.js';
import { decodeCursor } from './cursor.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ResultsQuery {
  surveyId: string;
  span: TimeSpan;
  grouping: Grouping;
  /** `by` as given (null without one), for the answer to say how it grouped. */
  by: string | null;
  scale: Scale | null;
  /** `from` and `to` as given, for the answer to say what it counted. */
  from: string | null;
  to: string | null;
}

export type ExportFormat = 'json' | 'ndjson' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'ndjson', 'csv'];

export interface ExportQuery {
  filter: ResponseFilter;
  order: ExportOrder;
  /** Records in this answer at most, with a Link to the next page when more remain; null: all of them. */
  limit: number | null;
  /** Start after this position (from a Link); null: from the first. */
  cursor: PageCursor | null;
  format: ExportFormat;
}

/** The largest page a client may ask for with `limit`. */
export const MAX_EXPORT_LIMIT = 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

type End = NonNullable<TimeSpan['from']>;

/** A calendar date that exists (no February 30th). */
function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Years up to 9998: the day after the last one must still have a four-digit year.
  return year >= 1 && year <= 9998 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const localTime = (ms: number) => new Date(ms).toISOString().slice(0, -1);

/**
 * One end of a span: a date (a whole local day), a local date-time, or an instant (with Z or
 * an offset). `inclusiveEnd` turns the given end into the exclusive bound after it: the next
 * day for a date, the next millisecond otherwise.
 */
function parseEnd(name: string, text: string, inclusiveEnd: boolean): Parsed<End> {
  const allowed = `${name} is ${JSON.stringify(text)}; expected a date (2026-11-22), a local date-time (2026-11-22T09:30) or an instant (2026-11-22T07:30:00Z)`;
  if (isCalendarDate(text)) {
    const midnight = Date.parse(`${text}T00:00:00Z`);
    return { ok: true, value: { local: localTime(inclusiveEnd ? midnight + 86_400_000 : midnight) } };
  }
  const match = DATE_TIME.exec(text);
  if (!match || !isCalendarDate(match[1] as string)) return { ok: false, reason: allowed };
  const zone = match[6];
  const ms = Date.parse(zone === undefined ? `${text}Z` : text);
  if (Number.isNaN(ms)) return { ok: false, reason: allowed };
  const bound = inclusiveEnd ? ms + 1 : ms;
  return { ok: true, value: zone === undefined ? { local: localTime(bound) } : { instant: new Date(bound).toISOString() } };
}

/** Instants compare as instants; local times compare as text, which is only meaningful against another local time. */
function endsInOrder(from: End, before: End): boolean {
  if ('instant' in from && 'instant' in before) return from.instant < before.instant;
  if ('local' in from && 'local' in before) return from.local < before.local;
  return true;
}

function checkKnown(params: URLSearchParams, known: readonly string[]): string | null {
  for (const name of params.keys()) {
    if (!known.includes(name)) return `unknown parameter "${name}"; this route takes ${known.join(', ')}`;
  }
  for (const name of known) {
    if (params.getAll(name).length > 1) return `parameter "${name}" is given more than once`;
  }
  return null;
}

function parseSpan(params: URLSearchParams): Parsed<TimeSpan> {
  const zone = params.get('timeZone') ?? 'UTC';
  let timeZone: string;
  try {
    timeZone = checkTimeZone(zone);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const fromText = params.get('from');
  const toText = params.get('to');
  const from = fromText === null ? null : parseEnd('from', fromText, false);
  const before = toText === null ? null : parseEnd('to', toText, true);
  if (from && !from.ok) return from;
  if (before && !before.ok) return before;
  const span: TimeSpan = { timeZone, from: from?.value ?? null, before: before?.value ?? null };
  if (span.from && span.before && !endsInOrder(span.from, span.before)) return { ok: false, reason: `from (${fromText}) is after to (${toText})` };
  return { ok: true, value: span };
}

const RESULTS_PARAMS = ['surveyId', 'from', 'to', 'by', 'timeZone', 'scale'] as const;
const SEGMENTS: readonly RolledSegment[] = [...FIXED_DIMENSIONS, 'category'];
const NESTED: readonly NestedObject[] = ['metadata', 'user'];
/** Every `by` GET /results takes, as a sentence's list; docs/receiver.md says what each key looks like. */
export const RESULT_GROUPINGS = [...TIME_GROUPINGS, ...SEGMENTS, ...NESTED.map((object) => `${object}.KEY`)];

export function parseGrouping(by: string | null): Parsed<Grouping> {
  if (by === null) return { ok: true, value: null };
  if ((TIME_GROUPINGS as readonly string[]).includes(by)) return { ok: true, value: { time: by as TimeGrouping } };
  if ((SEGMENTS as readonly string[]).includes(by)) return { ok: true, value: { segment: by as RolledSegment } };
  const dot = by.indexOf('.');
  const object = by.slice(0, dot) as NestedObject;
  if (dot > 0 && NESTED.includes(object)) {
    const key = by.slice(dot + 1);
    if (key === '' || key.length > FLAT_RECORD_LIMITS.keyLength) {
      return { ok: false, reason: `by is ${JSON.stringify(by)}; a ${object} key is 1 to ${FLAT_RECORD_LIMITS.keyLength} characters, as answers carry them` };
    }
    return { ok: true, value: { nested: object, key } };
  }
  return { ok: false, reason: `by is ${JSON.stringify(by)}; allowed: ${RESULT_GROUPINGS.map((g) => `"${g}"`).join(', ')}, or none for the total alone` };
}

export function parseResultsQuery(params: URLSearchParams): Parsed<ResultsQuery> {
  const unknown = checkKnown(params, RESULTS_PARAMS);
  if (unknown) return { ok: false, reason: unknown };
  const surveyId = params.get('surveyId');
  if (surveyId === null || surveyId === '')
    return { ok: false, reason: 'parameter "surveyId" is required: the survey to count (the widget\'s surveyId option, "nps" by default)' };
  const by = params.get('by');
  const grouping = parseGrouping(by);
  if (!grouping.ok) return grouping;
  const scale = params.get('scale');
  if (scale !== null && !isScale(scale)) return { ok: false, reason: `scale is ${JSON.stringify(scale)}; allowed: ${SCALES.join(', ')}` };
  const span = parseSpan(params);
  if (!span.ok) return span;
  return { ok: true, value: { surveyId, span: span.value, grouping: grouping.value, by, scale, from: params.get('from'), to: params.get('to') } };
}

const EXPORT_PARAMS = ['surveyId', 'from', 'to', 'timeZone', 'format', 'category', 'consent', 'complete', 'comment', 'q', 'order', 'limit', 'cursor'] as const;
const ORDERS: readonly ExportOrder[] = ['oldest', 'newest'];

const textParam = (params: URLSearchParams, name: string) => {
  const text = params.get(name);
  return text === null ? null : storableText(text);
};

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/** `category=detractor,passive`: one or more categories, each once. */
function parseCategories(text: string | null): Parsed<Category[] | null> {
  if (text === null) return { ok: true, value: null };
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !(CATEGORIES as readonly string[]).includes(name));
  if (unknown !== undefined)
    return { ok: false, reason: `category ${JSON.stringify(unknown)} is not one; allowed: ${quoted(CATEGORIES)}, comma-separated for several` };
  return { ok: true, value: [...new Set(names)] as Category[] };
}

/** A flag that only narrows: `true`, or the parameter left out. */
function parseOnlyTrue(name: string, text: string | null, meaning: string): Parsed<boolean> {
  if (text === null || text === 'true') return { ok: true, value: text === 'true' };
  return { ok: false, reason: `${name} is ${JSON.stringify(text)}; the only value is "true" (${meaning}); leave it out for every response` };
}

function parseComplete(text: string | null): Parsed<boolean | null> {
  if (text === null) return { ok: true, value: null };
  if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
  return { ok: false, reason: `complete is ${JSON.stringify(text)}; allowed: "true" (submitted), "false" (score only so far)` };
}

function parseLimit(text: string | null): Parsed<number | null> {
  if (text === null) return { ok: true, value: null };
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= 1 && value <= MAX_EXPORT_LIMIT) return { ok: true, value };
  return { ok: false, reason: `limit is ${JSON.stringify(text)}; expected a whole number from 1 to ${MAX_EXPORT_LIMIT} (leave it out to stream every record)` };
}

export function parseExportQuery(params: URLSearchParams): Parsed<ExportQuery> {
  const unknown = checkKnown(params, EXPORT_PARAMS);
  if (unknown) return { ok: false, reason: unknown };
  const format = params.get('format') ?? 'json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, reason: `format is ${JSON.stringify(format)}; allowed: ${quoted(EXPORT_FORMATS)}` };
  }
  const order = params.get('order') ?? 'oldest';
  if (!(ORDERS as readonly string[]).includes(order)) return { ok: false, reason: `order is ${JSON.stringify(order)}; allowed: ${quoted(ORDERS)}` };
  const span = parseSpan(params);
  if (!span.ok) return span;
  const categories = parseCategories(params.get('category'));
  if (!categories.ok) return categories;
  const consented = parseOnlyTrue('consent', params.get('consent'), 'respondents who agreed to be contacted');
  if (!consented.ok) return consented;
  const commented = parseOnlyTrue('comment', params.get('comment'), 'responses with a comment');
  if (!commented.ok) return commented;
  const complete = parseComplete(params.get('complete'));
  if (!complete.ok) return complete;
  const limit = parseLimit(params.get('limit'));
  if (!limit.ok) return limit;
  // As text was stored (a NUL becomes U+FFFD), so it can be looked for, and never fails the query.
  const search = textParam(params, 'q');
  if (search !== null && (search === '' || search.length > FLAT_RECORD_LIMITS.valueLength)) {
    return {
      ok: false,
      reason: `q is ${search === '' ? 'empty' : `${search.length} characters long`}; expected 1 to ${FLAT_RECORD_LIMITS.valueLength} characters of the comment to find`,
    };
  }
  const cursorText = params.get('cursor');
  const cursor = cursorText === null ? null : decodeCursor(cursorText);
  if (cursorText !== null && cursor === null)
    return { ok: false, reason: `cursor ${JSON.stringify(cursorText)} is not one this receiver gave; take it from the Link header of the previous page` };
  const surveyId = textParam(params, 'surveyId');
  return {
    ok: true,
    value: {
      filter: {
        surveyId: surveyId === '' ? null : surveyId,
        span: span.value,
        categories: categories.value,
        complete: complete.value,
        consented: consented.value,
        commented: commented.value,
        search,
      },
      order: order as ExportOrder,
      limit: limit.value,
      cursor,
      format: format as ExportFormat,
    },
  };
}

const ERASE_PARAMS = ['userId'] as const;

/** DELETE /responses?userId=ID: the one parameter, required. */
export function parseEraseQuery(params: URLSearchParams): Parsed<string> {
  const unknown = checkKnown(params, ERASE_PARAMS);
  if (unknown) return { ok: false, reason: unknown };
  const userId = textParam(params, 'userId');
  if (userId === null || userId === '') {
    return { ok: false, reason: 'parameter "userId" is required: the user.id whose responses to erase (DELETE /responses/{id} erases one response)' };
  }
  if (userId.length > FLAT_RECORD_LIMITS.valueLength)
    return { ok: false, reason: `userId is ${userId.length} characters long; a user.id has at most ${FLAT_RECORD_LIMITS.valueLength}` };
  return { ok: true, value: userId };
}
