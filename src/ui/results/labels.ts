/** Words for period keys and categories; the dates stay English like the rest of the preview. */
import type { Category } from '../../core/category.js';
import { daysOfPeriod, type Period } from '../../core/results/period.js';

const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const utcMidnight = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

export function periodLabel(key: string, period: Period): string {
  const [first] = daysOfPeriod(key, period);
  switch (period) {
    case 'day':
      return dayFormat.format(utcMidnight(first));
    case 'week':
      return `Week of ${dayFormat.format(utcMidnight(first))}`;
    case 'month':
      return monthFormat.format(utcMidnight(first));
    case 'quarter':
      return `${key.slice(5)} ${key.slice(0, 4)}`;
  }
}

export const PERIOD_NAMES: Record<Period, string> = { day: 'Day', week: 'Week (ISO, from Monday)', month: 'Month', quarter: 'Quarter' };

export const CATEGORY_NAMES: Record<Category, string> = { detractor: 'Detractor', passive: 'Passive', promoter: 'Promoter' };

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An answer's time in the zone the periods use, so a comment sits in the period it is counted in. */
export function timeLabel(ms: number, timeZone: string): string {
  if (Number.isNaN(ms)) return 'no date';
  try {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
  } catch {
    return timeFormat.format(ms);
  }
}
