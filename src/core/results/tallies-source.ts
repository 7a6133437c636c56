/**
 * A receiver's tallies as a source for the results views: one GET /results answer, or several
 * of one survey taken together (one grouped by time for the trend, others by segment for the
 * breakdown). Pure. It checks that answers given together describe the same answers, and
 * computes no figure itself: the views add the tallies up with trendOf and tallyResult.
 */
import type { Period } from './period.js';
import type { Scale } from './scale.js';
import { bySize, segmentName, type Dimension } from './segment.js';
import type { DayTallies, TallySource } from './source.js';
import { isTimeGrouping, readTallies, type ReadTallies, type TalliesChoice, type TimeGrouping } from './tallies.js';
import { tallyTotal, type Tally } from './tally.js';

/** Answers a segment grouping counted in the total but in no group (no value for the key, or a group withheld). */
export const UNGROUPED = '(in no group)';

/**
 * Periods a time grouping can be rolled up into. Days make any period; a week straddling two
 * months belongs to neither, so weeks stay weeks; months make quarters.
 */
const PERIODS_OF: Record<TimeGrouping, readonly Period[]> = { day: ['day', 'week', 'month', 'quarter'], week: ['week'], month: ['month', 'quarter'] };

export interface TalliesSource extends TallySource {
  /** The first answer's filter, as the receiver echoed it. */
  readonly from: string | null;
  readonly to: string | null;
  /** How the trend's tallies were grouped, or null without one. */
  readonly grouping: TimeGrouping | null;
}

/** Whether a source was read from a receiver's tallies. */
export const isTalliesSource = (source: TallySource): source is TalliesSource => 'grouping' in source;

const nonEmpty = (tally: Tally | null): tally is Tally => tally !== null && tallyTotal(tally) > 0;

/** Answers given together must describe one survey, on one scale, in one zone, over one span. */
function checkTogether(answers: readonly ReadTallies[]): void {
  const [first] = answers;
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    for (const field of ['surveyId', 'scale', 'timeZone', 'from', 'to'] as const) {
      if (answer[field] !== first?.[field] && !(field === 'surveyId' && (answer[field] === null || first?.[field] === null))) {
        throw new RangeError(
          `tallies[${index}].${field} is ${JSON.stringify(answer[field])} but tallies[0].${field} is ${JSON.stringify(first?.[field])}; answers shown together must agree on it`,
        );
      }
    }
    const by = answer.by === null ? 'total' : isTimeGrouping(answer.by) ? 'time' : answer.by;
    if (seen.has(by)) {
      throw new RangeError(
        `tallies[${index}] repeats a grouping already given (${by === 'time' ? 'by day, week or month' : `by ${by}`}); give each grouping once, and one grouping by time`,
      );
    }
    seen.add(by);
  });
}

/**
 * The source for one tallies answer (ResultsTallies) or a list of them, each checked by
 * readTallies against the page's scale and zone. Throws a RangeError naming the answer and the field when any is bad.
 */
export function talliesSource(input: unknown, choice: TalliesChoice): TalliesSource {
  const list: readonly unknown[] = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new RangeError('tallies is an empty list; expected at least one GET /results answer');
  const answers = list.map((answer, index) => readTallies(answer, choice, Array.isArray(input) ? `tallies[${index}]` : 'tallies'));
  checkTogether(answers);
  const head = answers[0] as ReadTallies;
  const time = answers.find((answer) => isTimeGrouping(answer.by));
  const grouping = time && isTimeGrouping(time.by) ? time.by : null;

  const bySegment = new Map<Dimension, Map<string, Tally>>();
  for (const answer of answers) {
    if (answer.by === null || isTimeGrouping(answer.by)) continue;
    const values = new Map(answer.groups.map(([key, tally]) => [segmentName(key), tally] as const));
    if (answer.ungrouped) values.set(UNGROUPED, answer.ungrouped);
    bySegment.set(answer.by, values);
  }
  const none: DayTallies = { days: [], undated: null };

  return {
    timeZone: head.timeZone,
    scales: [head.scale],
    periods: grouping ? PERIODS_OF[grouping] : [],
    dimensions: [...bySegment.keys()],
    from: head.from,
    to: head.to,
    grouping,
    segments: (dimension) => bySize([...(bySegment.get(dimension) ?? [])].map(([value, tally]) => [value, tallyTotal(tally)] as const)),
    capped: () => false,
    tallies(scale: Scale, segment) {
      if (scale !== head.scale) return none;
      if (segment) {
        const tally = bySegment.get(segment.dimension)?.get(segment.value) ?? null;
        return { days: [], undated: nonEmpty(tally) ? tally : null };
      }
      if (!time) return { days: [], undated: nonEmpty(head.total) ? head.total : null };
      return { days: time.groups.filter(([, tally]) => tallyTotal(tally) > 0), undated: nonEmpty(time.ungrouped) ? time.ungrouped : null };
    },
  };
}
