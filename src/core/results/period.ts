/**
 * Calendar periods of an instant in an explicit IANA time zone. Days are read from Intl once
 * per 15-minute UTC slot: every real zone offset is a multiple of 15 minutes, so a slot never
 * straddles a local midnight, and a year of answers needs at most 35,040 Intl calls however
 * many answers there are. Weeks are ISO 8601 weeks (Monday first, week 1 holds the year's
 * first Thursday); quarters are calendar quarters. Keys sort in time order as strings.
 */

export type Period = 'day' | 'week' | 'month' | 'quarter';

export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter'];

const SLOT_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Throws a RangeError naming the zone when Intl does not know it. */
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new RangeError(`timeZone is ${JSON.stringify(timeZone)}; expected an IANA time zone such as "Europe/Helsinki" or "UTC"`);
  }
}

/** The zone as given, once Intl knows it: ICU may resolve it to an older alias (Asia/Kolkata to Asia/Calcutta), which is not what the viewer chose. */
export function checkTimeZone(timeZone: string): string {
  dayFormatter(timeZone);
  return timeZone;
}

export interface DayIndexer {
  /** The index in `days` of the local day of `ms` (epoch milliseconds). */
  indexOf(ms: number): number;
  /** 'YYYY-MM-DD' keys in first-seen order. */
  readonly days: string[];
}

/** Interns local days: a million answers share a few hundred day keys and one cache. */
export function createDayIndexer(timeZone: string): DayIndexer {
  const formatter = dayFormatter(timeZone);
  const days: string[] = [];
  const byKey = new Map<string, number>();
  const bySlot = new Map<number, number>();
  // Answers mostly arrive in time order: the last slot answers most lookups without a Map.
  let lastSlot = Number.NaN;
  let lastIndex = -1;
  const read = (slot: number) => {
    let year = '';
    let month = '';
    let day = '';
    for (const part of formatter.formatToParts(slot * SLOT_MS)) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    const key = `${pad(Number(year), 4)}-${month}-${day}`;
    let index = byKey.get(key);
    if (index === undefined) {
      index = days.push(key) - 1;
      byKey.set(key, index);
    }
    bySlot.set(slot, index);
    return index;
  };
  return {
    days,
    indexOf(ms) {
      const slot = Math.floor(ms / SLOT_MS);
      if (slot === lastSlot) return lastIndex;
      lastSlot = slot;
      lastIndex = bySlot.get(slot) ?? read(slot);
      return lastIndex;
    },
  };
}

/** Whether `text` is 'YYYY-MM-DD' of a day the calendar has (no February 30th). */
export function isCalendarDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && formatDay(parseDay(text)) === text;
}

/** Whether calendar day `day` ('YYYY-MM-DD') is a Monday, the first day of an ISO week. */
export const isMonday = (day: string): boolean => new Date(parseDay(day)).getUTCDay() === 1;

function parseDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function formatDay(utcMidnight: number): string {
  const date = new Date(utcMidnight);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** ISO week of a calendar day: the week belongs to the year of its Thursday. */
function isoWeekOf(utcMidnight: number): string {
  const mondayBased = (new Date(utcMidnight).getUTCDay() + 6) % 7;
  const thursday = utcMidnight + (3 - mondayBased) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Monday of ISO week `key` ('2026-W13'): week 1 is the week holding 4 January. */
function mondayOfWeek(key: string): number {
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  const january4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
  return mondayOfWeek1 + (week - 1) * 7 * DAY_MS;
}

/** The key of the period holding local day `day` ('YYYY-MM-DD'). */
export function periodOfDay(day: string, period: Period): string {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return isoWeekOf(parseDay(day));
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  }
}

/** First and last local day of a period key. */
export function daysOfPeriod(key: string, period: Period): [first: string, last: string] {
  switch (period) {
    case 'day':
      return [key, key];
    case 'week': {
      const monday = mondayOfWeek(key);
      return [formatDay(monday), formatDay(monday + 6 * DAY_MS)];
    }
    case 'month': {
      const year = Number(key.slice(0, 4));
      const month = Number(key.slice(5, 7));
      return [`${key}-01`, formatDay(Date.UTC(year, month, 0))];
    }
    case 'quarter': {
      const year = Number(key.slice(0, 4));
      const quarter = Number(key.slice(6));
      return [formatDay(Date.UTC(year, (quarter - 1) * 3, 1)), formatDay(Date.UTC(year, quarter * 3, 0))];
    }
  }
}

/** The period right after `key`: calendar arithmetic, no time zone involved. */
export function nextPeriod(key: string, period: Period): string {
  const [, last] = daysOfPeriod(key, period);
  return periodOfDay(formatDay(parseDay(last) + DAY_MS), period);
}

/** Every period from `first` to `last`, both included, empty ones too. */
export function periodsFrom(first: string, last: string, period: Period): string[] {
  const keys = [first];
  for (let key = first; key < last;) keys.push((key = nextPeriod(key, period)));
  return keys;
}

/** The period key of instant `ms` in `timeZone`. */
export function createBucketer(period: Period, timeZone: string): (ms: number) => string {
  const indexer = createDayIndexer(timeZone);
  return (ms) => periodOfDay(indexer.days[indexer.indexOf(ms)] ?? '', period);
}
