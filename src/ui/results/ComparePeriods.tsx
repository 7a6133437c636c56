/**
 * Two periods side by side, and whether their difference is more than noise: compareNps's
 * adjusted-Wald test at 95% (changeBetween). By default the latest period with responses
 * against the one before it; the viewer picks any two. Renders only.
 */
import { useState } from 'preact/hooks';
import type { Period } from '../../core/results/period.js';
import { changeBetween } from '../../core/results/significance.js';
import type { TrendPoint } from '../../core/results/trend.js';
import { plural, Signed, wholePoints, type Numbers } from '../numbers.js';
import { periodLabel } from './labels.js';
import { ResultCells, ResultHeads } from './ResultCells.js';
import { SelectField } from './SelectField.js';

export function ComparePeriods({ points, period, f }: { points: readonly TrendPoint[]; period: Period; f: Numbers }) {
  const [firstKey, setFirst] = useState('');
  const [secondKey, setSecond] = useState('');
  // Only periods with responses have a score to compare.
  const answered = points.filter((point) => point.result.total > 0);
  const latest = answered[answered.length - 1];
  const before = answered[answered.length - 2];
  if (!latest || !before) return <p class="muted">A comparison needs two periods with responses.</p>;
  // A choice the data no longer offers (another period length, an update) falls back to the default.
  const first = answered.find((point) => point.key === firstKey) ?? latest;
  const second = answered.find((point) => point.key === secondKey) ?? before;
  const options = answered.map((point) => [point.key, periodLabel(point.key, period)] as const);
  const change = first === second ? null : changeBetween(second.result, first.result);

  return (
    <>
      <div class="fields">
        <SelectField id="field-compare-first" label="This period" value={first.key} onChange={setFirst} options={options} />
        <SelectField id="field-compare-second" label="Against" value={second.key} onChange={setSecond} options={options} />
      </div>
      <div class="scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
        <table class="data">
          <caption id="compare-caption">Two periods compared</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <ResultHeads />
            </tr>
          </thead>
          <tbody>
            {[first, second].map(({ key, result }, row) => (
              <tr key={row}>
                <th scope="row">{periodLabel(key, period)}</th>
                <ResultCells result={result} f={f} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="answer" aria-live="polite">
        {change === null ? (
          'Choose two different periods.'
        ) : (
          <>
            Difference <Signed value={wholePoints(change.difference)} f={f} /> points ({plural(first.result.total, 'response', f)} against{' '}
            {f.whole(second.result.total)}), {f.pStatement(change.pValue)}:{' '}
            {change.significant
              ? `${change.difference > 0 ? '▲ a significant rise' : '▼ a significant fall'} (p < 0.05).`
              : 'not significant: a difference this size can be chance (p ≥ 0.05).'}
          </>
        )}
      </p>
    </>
  );
}
