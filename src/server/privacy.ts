/**
 * The minimum group size of employee NPS: what results, the export and the dashboard may show
 * of a survey with eNPS answers, so that no one can be singled out (docs/receiver.md, "Employee
 * NPS"). Pure: it takes counts and records and never queries.
 *
 * The rule, for a minimum N:
 * - a total of fewer than N answers is not shown at all (groups neither);
 * - a group of fewer than N answers is not shown on its own. Segments are merged into one group,
 *   "(other)"; periods (day, week, month) are left out of the groups, their answers staying in
 *   the total. When what was set aside holds fewer than N answers, the smallest shown groups
 *   join it until it holds N: otherwise the total minus the shown groups would give it away.
 */
import type { NpsResponse } from '../core/payload.js';

/** Answers a group of an eNPS survey needs to be shown; `--min-group-size` changes it. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** The key of the merged small segments; parenthesised like "(none)", so no site value is likely to collide. */
export const OTHER_GROUP = '(other)';

export interface CountedGroup {
  key: string;
  /** 11 counts, index = score. */
  counts: number[];
}

export interface Protected {
  total: number[];
  groups: CountedGroup[];
  /** Answers shown in no group (and, when the total is under the minimum, in no total either). */
  withheld: number;
}

const answersIn = (counts: readonly number[]) => counts.reduce((sum, count) => sum + count, 0);
const added = (a: readonly number[], b: readonly number[]) => a.map((count, score) => count + (b[score] ?? 0));

/**
 * Applies the rule to one answer's total and groups (in key order; the order is kept). With
 * `merge`, set-aside groups become one "(other)" group (in key order too); without (periods), they are
 * only counted in `withheld`.
 */
export function protectSmallGroups(total: readonly number[], groups: readonly CountedGroup[], minGroupSize: number, merge: boolean): Protected {
  const all = answersIn(total);
  if (all < minGroupSize) return { total: total.map(() => 0), groups: [], withheld: all };
  // A site's own segment named "(other)" joins the merged one, so the key appears once.
  const setAside = new Set(groups.filter((group) => answersIn(group.counts) < minGroupSize || (merge && group.key === OTHER_GROUP)));
  let aside = [...setAside].reduce((sum, group) => sum + answersIn(group.counts), 0);
  // Smallest first (ties: the later key), so the fewest answers leave the shown groups.
  const shown = groups.filter((group) => !setAside.has(group)).sort((a, b) => answersIn(a.counts) - answersIn(b.counts));
  while (aside > 0 && aside < minGroupSize && shown.length > 0) {
    const smallest = shown.shift() as CountedGroup;
    setAside.add(smallest);
    aside += answersIn(smallest.counts);
  }
  const kept = groups.filter((group) => !setAside.has(group));
  if (!merge || aside === 0) return { total: [...total], groups: kept, withheld: merge ? 0 : aside };
  const other = [...setAside].reduce(
    (counts, group) => added(counts, group.counts),
    total.map(() => 0),
  );
  const merged = [...kept, { key: OTHER_GROUP, counts: other }].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { total: [...total], groups: merged, withheld: 0 };
}

/** Whether an export of `answers` eNPS answers may be given: the same minimum as any group. */
export const mayExport = (answers: number, minGroupSize: number): boolean => answers >= minGroupSize;

/** An eNPS record as it may leave the receiver: never with `user`, whatever the site sent. */
export function withoutIdentity(record: NpsResponse): NpsResponse {
  return record.kind === 'enps' && record.user !== null ? { ...record, user: null } : record;
}
