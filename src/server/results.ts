/**
 * The answer of GET /results, shaped from tally rows: `{ surveyId, scale, total: { counts },
 * groups: [{ key, counts }] }`, counts indexed by score (11 of them on every scale, as
 * calculateNps and mountNpsPreview take them). Pure. Results on different scales are never
 * added together (src/core/results/scale.ts), so one answer holds one scale.
 */
import { MAX_SCORE } from '../core/category.js';
import type { ResultsTallies, TallyGrouping } from '../core/results/tallies.js';
import { isScale, STANDARD_SCALE, type Scale } from '../core/scale.js';
import type { Parsed, ResultsQuery } from './http/query.js';
import { protectSmallGroups } from './privacy.js';
import type { TallyRow } from './store/tallies.js';

/**
 * What GET /results answers: the type `mountNpsPreview` draws from (`ResultsTallies`), with the
 * grouping, zone and span it was asked for, so the preview labels it as counted. For a survey
 * with eNPS answers, `minGroupSize` and `withheld` say what the minimum group size hid.
 */
export type ResultsBody = Omit<ResultsTallies, 'by'> & {
  /** Also `category`, which the API groups by and the preview does not draw. */
  by?: TallyGrouping | 'category';
  minGroupSize?: number;
  withheld?: number;
};

const emptyCounts = () => Array<number>(MAX_SCORE + 1).fill(0);

/**
 * The scale to answer on: the one asked for; else the only one the survey has answers on
 * (0-10 when it has none). A survey with answers on several scales (it moved from 1-5 to
 * 0-10, say) must be asked about one of them.
 */
export function chooseScale(rows: readonly TallyRow[], asked: Scale | null): Parsed<Scale> {
  if (asked !== null) return { ok: true, value: asked };
  const found = [...new Set(rows.map((row) => row.scale))].filter(isScale).sort();
  if (found.length > 1) {
    return { ok: false, reason: `this survey has answers on the scales ${found.join(' and ')}, which are never added together; ask for one with scale=` };
  }
  return { ok: true, value: found[0] ?? STANDARD_SCALE };
}

const add = (into: number[], counts: readonly number[]) => counts.forEach((count, score) => (into[score] = (into[score] ?? 0) + count));

/**
 * The query as asked: its grouping, zone and span (as given) go into the answer. Rows are one
 * per group and scale, counted by the database; this only picks the scale and orders keys.
 * With `minGroupSize` (a survey with eNPS answers), small groups are merged or withheld
 * (privacy.ts).
 */
export function shapeResults(asked: ResultsQuery, rows: readonly TallyRow[], minGroupSize: number | null = null): Parsed<ResultsBody> {
  const scale = chooseScale(rows, asked.scale);
  if (!scale.ok) return scale;
  const total = emptyCounts();
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    if (row.scale !== scale.value) continue;
    add(total, row.counts);
    if (row.key === null) continue;
    let counts = groups.get(row.key);
    if (!counts) groups.set(row.key, (counts = emptyCounts()));
    add(counts, row.counts);
  }
  const keys = [...groups.keys()].sort();
  const listed = keys.map((key) => ({ key, counts: groups.get(key) as number[] }));
  const shown = minGroupSize === null ? null : protectSmallGroups(total, listed, minGroupSize, asked.grouping === null || !('time' in asked.grouping));
  return {
    ok: true,
    value: {
      surveyId: asked.surveyId,
      scale: scale.value,
      ...(asked.by === null ? {} : { by: asked.by as TallyGrouping | 'category' }),
      timeZone: asked.span.timeZone,
      ...(asked.from === null ? {} : { from: asked.from }),
      ...(asked.to === null ? {} : { to: asked.to }),
      total: { counts: shown?.total ?? total },
      groups: shown?.groups ?? listed,
      ...(shown === null || minGroupSize === null ? {} : { minGroupSize, withheld: shown.withheld }),
    },
  };
}
