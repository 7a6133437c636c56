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
import type { TimeSpan } from '../store/responses.js';
import type { Grouping, NestedObject, RolledSegment } from '../store/tallies.js';

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
  surveyId: string | null;
  span: TimeSpan;
  format: ExportFormat;
}

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
  if (surveyId === null || surveyId === '') return { ok: false, reason: 'parameter "surveyId" is required: the survey to count (the widget\'s surveyId option, "nps" by default)' };
  const by = params.get('by');
  const grouping = parseGrouping(by);
  if (!grouping.ok) return grouping;
  const scale = params.get('scale');
  if (scale !== null && !isScale(scale)) return { ok: false, reason: `scale is ${JSON.stringify(scale)}; allowed: ${SCALES.join(', ')}` };
  const span = parseSpan(params);
  if (!span.ok) return span;
  return { ok: true, value: { surveyId, span: span.value, grouping: grouping.value, by, scale, from: params.get('from'), to: params.get('to') } };
}

const EXPORT_PARAMS = ['surveyId', 'from', 'to', 'timeZone', 'format'] as const;

export function parseExportQuery(params: URLSearchParams): Parsed<ExportQuery> {
  const unknown = checkKnown(params, EXPORT_PARAMS);
  if (unknown) return { ok: false, reason: unknown };
  const format = params.get('format') ?? 'json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, reason: `format is ${JSON.stringify(format)}; allowed: ${EXPORT_FORMATS.map((f) => `"${f}"`).join(', ')}` };
  }
  const span = parseSpan(params);
  if (!span.ok) return span;
  const surveyId = params.get('surveyId');
  return { ok: true, value: { surveyId: surveyId === '' ? null : surveyId, span: span.value, format: format as ExportFormat } };
}
