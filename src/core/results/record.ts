/** What the results read of a response: payload v1 plus the fields newer widgets may add. */
import type { Category } from '../category.js';
import type { NpsResponse } from '../payload.js';
import { categoryOn, isScoreOn, scaleOf, SCALES, type Scale } from './scale.js';

export interface ResultRecord extends Omit<NpsResponse, 'scale'> {
  /** Absent (widgets before scales): 0-10. */
  scale?: Scale;
}

/** The instant a response is bucketed by: when the score was chosen, else when it was sent. */
export function stampOf(record: Partial<ResultRecord>): string | null {
  const stamp = [record.createdAt, record.sentAt].find((value) => typeof value === 'string' && value !== '');
  return stamp ?? null;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? 'an object' : String(value);
}

export interface RecordFacts {
  scale: Scale;
  category: Category;
  /** Epoch ms; NaN when the record carries no timestamp. */
  time: number;
}

/**
 * What a record counts as, or a RangeError naming its position (or the label given, such as
 * "line 4") and the bad value: a score off its scale is never counted or skipped silently.
 */
export function readRecord(record: unknown, position: number | string): RecordFacts {
  // The label is built only for an error: this runs once per record, a million times.
  const bad = (problem: string) => new RangeError(`${typeof position === 'number' ? `record at position ${position}` : position} ${problem}`);
  if (typeof record !== 'object' || record === null) throw bad(`is ${describe(record)}; expected a payload v1 response`);
  const fields = record as Partial<ResultRecord>;
  const scale = scaleOf(fields);
  if (scale === null) throw bad(`has scale ${describe(fields.scale)}; expected one of ${SCALES.join(', ')}`);
  if (!isScoreOn(scale, fields.score))
    throw bad(`has score ${describe(fields.score)}; scores on the ${scale} scale are integers from ${scale.replace('-', ' to ')}`);
  const category = categoryOn(scale, fields.score, fields.category);
  if (category === null) throw bad(`on the ${scale} scale has category ${describe(fields.category)}; expected "detractor", "passive" or "promoter"`);
  const stamp = stampOf(fields);
  const time = stamp === null ? Number.NaN : Date.parse(stamp);
  if (stamp !== null && Number.isNaN(time)) throw bad(`has createdAt ${describe(stamp)}; expected an ISO 8601 timestamp`);
  return { scale, category, time };
}
