/**
 * The dashboard's dates, pure: local days of instants, the trend's grouping chosen by the span
 * shown, and the default periods to compare. Days are 'YYYY-MM-DD' in the viewer's time zone,
 * the zone the dashboard asks the receiver to count in.
 */
import { isCalendarDay } from '../core/results/period.js';
import type { TimeGrouping } from '../core/results/tallies.js';

const DAY_MS = 86_400_000;

/** The local day of an instant in `timeZone`. */
export function dayOf(instant: string | number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** Up to about a quarter by day, up to two years by week, beyond by month: a trend of at most about a hundred points. */
export const DAYS_BY_DAY = 92;
export const DAYS_BY_WEEK = 731;

export function groupingFor(from: string, to: string): TimeGrouping {
  const days = daysBetween(from, to);
  return days <= DAYS_BY_DAY ? 'day' : days <= DAYS_BY_WEEK ? 'week' : 'month';
}

export interface DaySpan {
  from: string;
  to: string;
}

/** The default comparison: the last 30 days of the span shown against the 30 before them. */
export const COMPARED_DAYS = 30;

export function defaultComparison(lastDay: string): { current: DaySpan; previous: DaySpan } {
  const currentFrom = addDays(lastDay, 1 - COMPARED_DAYS);
  return { current: { from: currentFrom, to: lastDay }, previous: { from: addDays(currentFrom, -COMPARED_DAYS), to: addDays(currentFrom, -1) } };
}

/** A day a date field may hold: one that exists (no February 30th). */
export const isDay = isCalendarDay;
