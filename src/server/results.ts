/**
 * The answer of GET /results, shaped from tally rows: `{ surveyId, scale, total: { counts },
 * groups: [{ key, counts }] }`, counts indexed by score (11 of them on every scale, as
 * calculateNps and mountNpsPreview take them). Pure. Results on different scales are never
 * added together (src/core/results/scale.ts), so one answer holds one scale.
 */
import { MAX_SCORE } from '../core/category.js';
import type { ResultsTallies } from '../core/results/tallies.js';
import { isScale, STANDARD_SCALE, type Scale } from '../core/scale.js';
import type { Parsed, ResultsQuery } from './http/query.js';
import type { TallyRow } from './store/responses.js';

/**
 * What GET /results answers: the type `mountNpsPreview` draws from (`ResultsTallies`), with the
 * grouping, zone and span it was asked for, so the preview labels it as counted.
 */
export type ResultsBody = ResultsTallies;

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

/** The query as asked: its grouping, zone and span (as given) go into the answer. */
export function shapeResults(asked: ResultsQuery, rows: readonly TallyRow[]): Parsed<ResultsBody> {
  const scale = chooseScale(rows, asked.scale);
  if (!scale.ok) return scale;
  const total = emptyCounts();
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    if (row.scale !== scale.value) continue;
    total[row.score] = (total[row.score] ?? 0) + row.responses;
    if (row.day === undefined) continue;
    let counts = groups.get(row.day);
    if (!counts) groups.set(row.day, (counts = emptyCounts()));
    counts[row.score] = (counts[row.score] ?? 0) + row.responses;
  }
  const keys = [...groups.keys()].sort();
  return {
    ok: true,
    value: {
      surveyId: asked.surveyId,
      scale: scale.value,
      ...(asked.byDay ? { by: 'day' as const } : {}),
      timeZone: asked.span.timeZone,
      ...(asked.from === null ? {} : { from: asked.from }),
      ...(asked.to === null ? {} : { to: asked.to }),
      total: { counts: total },
      groups: keys.map((key) => ({ key, counts: groups.get(key) as number[] })),
    },
  };
}
