/** Segments side by side: each one's pooled score, interval and how many more answers it needs. */
import type { NpsResult } from '../../core/nps.js';
import type { MoreResponses } from '../../core/results/sample-size.js';
import type { Numbers } from '../numbers.js';
import { ResultCells, ResultHeads } from './ResultCells.js';

export interface BreakdownRow {
  value: string;
  result: NpsResult;
  more: MoreResponses;
}

/** Percent across a track from -100 to +100. */
const across = (points: number) => `${(points + 100) / 2}%`;

export function Breakdown({ rows, label, margin, capped, f }: { rows: readonly BreakdownRow[]; label: string; margin: number; capped: boolean; f: Numbers }) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-labelledby="breakdown-caption">
      <table class="data breakdown">
        <caption id="breakdown-caption">NPS by {label}, all periods pooled</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <ResultHeads />
            <th scope="col" aria-hidden="true" class="track-head">
              −100 · 0 · +100
            </th>
            <th scope="col">More for ±{f.whole(margin)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ value, result, more }) => (
            <tr key={value}>
              <th scope="row">{value}</th>
              <ResultCells result={result} f={f} />
              <td aria-hidden="true" class="track">
                {result.interval && result.nps !== null && (
                  <span class="range" style={{ left: across(result.interval[0]), width: `${(result.interval[1] - result.interval[0]) / 2}%` }}>
                    <i style={{ left: `${(100 * (result.nps - result.interval[0])) / Math.max(1e-9, result.interval[1] - result.interval[0])}%` }} />
                  </span>
                )}
              </td>
              <td>{more.more === 0 ? 'None' : f.whole(more.more)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {capped && <p class="muted">Only the {f.whole(rows.length - 1)} most common values are named; the rest are pooled as “(other values)”.</p>}
    </div>
  );
}
