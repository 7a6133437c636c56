/**
 * A receiver's tallies (the answer of GET /results): the type, and the reader that checks one
 * and turns it into tallies per day or per segment. Pure. A bad answer is refused with an error
 * naming where it is and what is allowed; nothing is counted from it. It never adds answers
 * up across scales and never computes a figure (tally.ts and nps.ts do).
 */
import { isScale, SCALES, STANDARD_SCALE, type Scale, type ScaleChoice } from '../scale.js';
import { showValue } from '../show-value.js';
import { checkTimeZone, isCalendarDay, isMonday } from './period.js';
import { isDimension, type Dimension } from './segment.js';
import { addTally, newTally, tallyOfCounts, type Tally } from './tally.js';

/** Groupings by time: days, ISO weeks (keyed by their Monday) and months, local to `timeZone`. */
export type TimeGrouping = 'day' | 'week' | 'month';
export type TallyGrouping = TimeGrouping | Dimension;

export const TIME_GROUPINGS: readonly TimeGrouping[] = ['day', 'week', 'month'];

/** Answers per score: 11 counts, index = score, whatever the scale (a 1-5 scale leaves 0 and 6-10 at 0). */
export interface TallyCounts {
  counts: number[];
}

/** What GET /results answers, and what `mountNpsPreview` draws without raw records. */
export interface ResultsTallies {
  surveyId: string;
  scale: Scale;
  /** How `groups` were formed; absent when only the total was asked for. */
  by?: TallyGrouping;
  /** The IANA zone days, weeks and months are local to (the receiver's default: UTC). */
  timeZone?: string;
  /** The `from` and `to` the answers were filtered by, as asked. */
  from?: string;
  to?: string;
  total: TallyCounts;
  /** In key order: 'YYYY-MM-DD' by day and by week (the week's Monday), 'YYYY-MM' by month, the value otherwise. */
  groups: Array<{ key: string } & TallyCounts>;
}

/** A tallies answer, checked: its groups' keys turned into days for time groupings. */
export interface ReadTallies {
  surveyId: string | null;
  scale: Scale;
  by: TallyGrouping | null;
  timeZone: string;
  from: string | null;
  to: string | null;
  total: Tally;
  /** Sorted by key; by time the key is the group's first day ('YYYY-MM-DD'). */
  groups: Array<[key: string, tally: Tally]>;
  /** What the total holds beyond the groups (answers in no group), or null when nothing. */
  ungrouped: Tally | null;
}

/** The receiver answers in UTC unless asked for another zone. */
const DEFAULT_TIME_ZONE = 'UTC';

const GROUPINGS = `${TIME_GROUPINGS.map((g) => `"${g}"`).join(', ')}, "touchpoint", "surveyType", "locale", "kind", "metadata.<key>" or "user.<key>"`;

export const isTimeGrouping = (by: unknown): by is TimeGrouping => TIME_GROUPINGS.includes(by as TimeGrouping);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(Symbol.iterator in value);

/** Whether `input` has the shape of a tallies answer, so that its reader (not the calculator's) names what is wrong with it. */
export function looksLikeTallies(input: unknown): boolean {
  return isPlainObject(input) && ('groups' in input || isPlainObject(input['total']));
}

/** The first day of a time group, or null when `key` is not one (a week's key must be its Monday). */
function firstDayOf(key: string, by: TimeGrouping): string | null {
  if (by === 'month') return /^\d{4}-\d{2}$/.test(key) && isCalendarDay(`${key}-01`) ? `${key}-01` : null;
  return isCalendarDay(key) && (by === 'day' || isMonday(key)) ? key : null;
}

const KEY_FORMS: Record<TimeGrouping, string> = { day: 'a day, "YYYY-MM-DD"', week: 'the Monday of an ISO week, "YYYY-MM-DD"', month: 'a month, "YYYY-MM"' };

/** Without `by`, groups keyed by days or by months are read as such; anything else cannot be labelled. */
function inferGrouping(keys: readonly string[]): TimeGrouping | null {
  if (keys.every((key) => firstDayOf(key, 'day') !== null)) return 'day';
  if (keys.every((key) => firstDayOf(key, 'month') !== null)) return 'month';
  return null;
}

/** What the page says of the answers (the preview's options), checked against each answer. */
export interface TalliesChoice extends ScaleChoice {
  /** The zone the page wants periods in; absent: the answer's own. */
  timeZone?: string | undefined;
}

/**
 * Reads one tallies answer. A scale or zone in `choice` that differs from the answer's is
 * refused (the receiver counted in its own; asking it again is the fix), thresholds apply to
 * the answer's scale. `where` names the answer in errors ("tallies", "tallies[1]").
 */
export function readTallies(input: unknown, choice: TalliesChoice, where = 'tallies'): ReadTallies {
  function fail(message: string): never {
    throw new RangeError(`${where}${message}`);
  }
  if (!isPlainObject(input)) fail(` is ${showValue(input)}; expected { scale, total: { counts }, groups } as GET /results answers`);
  const answer = input;
  const text = (name: string): string | null => {
    const value = answer[name];
    if (value === undefined || value === null) return null;
    return typeof value === 'string' ? value : fail(`.${name} is ${showValue(value)}; expected a string`);
  };

  const surveyId = text('surveyId');
  const scale = answer['scale'] ?? choice.scale ?? STANDARD_SCALE;
  if (!isScale(scale)) fail(`.scale is ${showValue(scale)}; expected one of ${SCALES.map((s) => `"${s}"`).join(', ')}`);
  if (choice.scale !== undefined && choice.scale !== scale)
    fail(` are on the ${scale} scale, but option scale is "${choice.scale}"; give the answers' scale, or leave the option out`);
  const onScale = { scale, promoterMin: choice.promoterMin, passiveMin: choice.passiveMin };
  const tallyAt = (counts: unknown, path: string) => {
    try {
      return tallyOfCounts(counts, onScale);
    } catch (error) {
      return fail(`${path}: ${(error as Error).message.replace(/^calculateNps: /, '')}`);
    }
  };

  const timeZone = text('timeZone') ?? DEFAULT_TIME_ZONE;
  try {
    checkTimeZone(timeZone);
  } catch (error) {
    fail(`.${(error as Error).message}`);
  }
  if (choice.timeZone !== undefined && choice.timeZone !== timeZone) {
    fail(
      ` are counted in the ${timeZone} time zone, but option timeZone is "${choice.timeZone}"; ask the receiver with timeZone=${choice.timeZone}, or leave the option out`,
    );
  }

  const total = tallyAt(isPlainObject(answer['total']) ? answer['total']['counts'] : undefined, '.total');
  const listed = answer['groups'] ?? [];
  if (!Array.isArray(listed)) fail(`.groups is ${showValue(listed)}; expected an array of { key, counts }`);
  const groups = listed.map((group: unknown, index): [string, Tally] => {
    const fields = isPlainObject(group) ? group : {};
    const key = fields['key'];
    if (typeof key !== 'string') fail(`.groups[${index}] has key ${showValue(key)}; expected { key: string, counts }`);
    return [key, tallyAt(fields['counts'], `.groups[${index}] (${JSON.stringify(key)})`)];
  });

  const givenBy = answer['by'] ?? null;
  if (givenBy !== null && !isTimeGrouping(givenBy) && !isDimension(givenBy)) fail(`.by is ${showValue(givenBy)}; expected ${GROUPINGS}`);
  const by: TallyGrouping | null = givenBy ?? (groups.length === 0 ? null : inferGrouping(groups.map(([key]) => key)));
  if (by === null && groups.length > 0) fail(` have groups but no "by" saying how they were formed; expected by: ${GROUPINGS}`);

  if (isTimeGrouping(by)) {
    for (const [index, group] of groups.entries()) {
      const day = firstDayOf(group[0], by);
      if (day === null) fail(`.groups[${index}] has key ${JSON.stringify(group[0])}; grouped by ${by}, a key is ${KEY_FORMS[by]}`);
      group[0] = day;
    }
  }
  groups.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  groups.forEach(([key], index) => {
    if (index > 0 && groups[index - 1]?.[0] === key) fail(`.groups has the key ${JSON.stringify(key)} twice`);
  });

  const rest = addTally(newTally(), total);
  for (const [, tally] of groups) addTally(rest, tally, -1);
  // Scores come first in a tally: were a category short, a score of it would be too.
  const over = rest.findIndex((count) => count < 0);
  if (over >= 0) fail(`.groups add up to more answers with score ${over} than .total has (${total[over] ?? 0}); each answer is in at most one group`);
  const ungrouped = rest.some((count) => count > 0) ? rest : null;

  return { surveyId, scale, by, timeZone, from: text('from'), to: text('to'), total, groups, ungrouped };
}
