/**
 * Two spans of days compared: each one's total from its own GET /results (from, to), and
 * whether the difference is more than noise (compareNps through changeBetween: the adjusted-Wald
 * test, p < 0.05).
 * By default the last 30 days shown against the 30 before them.
 */
import { useEffect, useState } from 'preact/hooks';
import { calculateNps, type NpsResult } from '../core/nps.js';
import { changeBetween, type Change } from '../core/results/significance.js';
import type { ResultsTallies } from '../core/results/tallies.js';
import type { Scale } from '../core/scale.js';
import { plural, Signed, wholePoints, type Numbers } from '../ui/numbers.js';
import { ResultCells, ResultHeads } from '../ui/results/ResultCells.js';
import { resultsParams, type Asked } from './Overview.js';
import { failureText, type Reader } from './reader.js';
import { defaultComparison, isDay, type DaySpan } from './span.js';

type Side = 'current' | 'previous';
const SIDES: ReadonlyArray<[Side, string]> = [
  ['current', 'This period'],
  ['previous', 'Against'],
];

interface Compared {
  results: Record<Side, NpsResult>;
  /** compareNps of the two (changeBetween), or null when either has no responses. */
  comparison: Change | null;
}

const spanText = ({ from, to }: DaySpan) => (from === to ? from : `${from} to ${to}`);

function Verdict({ compared, spans, f }: { compared: Compared; spans: Record<Side, DaySpan>; f: Numbers }) {
  const { comparison, results } = compared;
  if (comparison === null) return <>A comparison needs responses in both periods.</>;
  return (
    <>
      {spanText(spans.current)} against {spanText(spans.previous)}: difference <Signed value={wholePoints(comparison.difference)} f={f} /> points (
      {plural(results.current.total, 'response', f)} against {f.whole(results.previous.total)}), {f.pStatement(comparison.pValue)}:{' '}
      {comparison.significant
        ? `${comparison.difference > 0 ? '▲ a significant rise' : '▼ a significant fall'} (p < 0.05).`
        : 'not significant: a difference this size can be chance (p ≥ 0.05).'}
    </>
  );
}

export function PeriodComparison({ reader, asked, f }: { reader: Reader; asked: Asked; f: Numbers }) {
  const [spans, setSpans] = useState<Record<Side, DaySpan>>(() => defaultComparison(asked.span.to));
  const [compared, setCompared] = useState<Compared | null>(null);
  const [error, setError] = useState<string | null>(null);
  const complete = Object.values(spans).every((span) => isDay(span.from) && isDay(span.to) && span.from <= span.to);

  useEffect(() => {
    if (!complete) return;
    const controller = new AbortController();
    const totalOf = async (span: DaySpan) => (await reader.get<ResultsTallies>('results', resultsParams({ ...asked, span }), controller.signal)).total;
    void Promise.all([totalOf(spans.current), totalOf(spans.previous)])
      .then(([current, previous]) => {
        const choice = { scale: asked.scale as Scale };
        const results = { current: calculateNps(current, choice), previous: calculateNps(previous, choice) };
        setCompared({ results, comparison: changeBetween(results.previous, results.current) });
        setError(null);
      })
      .catch((failure: unknown) => setError(failureText(failure)));
    return () => controller.abort();
  }, [reader, asked, spans, complete]);

  const change = (side: Side, end: keyof DaySpan, value: string) => setSpans({ ...spans, [side]: { ...spans[side], [end]: value } });
  return (
    <section class="panel" aria-labelledby="periods-title">
      <h2 id="periods-title">Compare date ranges</h2>
      <div class="fields">
        {SIDES.map(([side, legend]) => (
          <fieldset key={side}>
            <legend>{legend}</legend>
            {(['from', 'to'] as const).map((end) => (
              <div class="field" key={end}>
                <label for={`compare-${side}-${end}`}>{end === 'from' ? 'From' : 'To'}</label>
                <input
                  id={`compare-${side}-${end}`}
                  type="date"
                  value={spans[side][end]}
                  required
                  onChange={(event) => change(side, end, event.currentTarget.value)}
                />
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      {!complete && <p class="error">Each period needs a first and a last day, in that order.</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {compared && complete && (
        <>
          <div class="scroll" tabIndex={0} role="region" aria-labelledby="periods-caption">
            <table class="data">
              <caption id="periods-caption">Two date ranges compared</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <ResultHeads />
                </tr>
              </thead>
              <tbody>
                {SIDES.map(([side, legend]) => (
                  <tr key={side} data-side={side}>
                    <th scope="row">
                      {legend}: {spanText(spans[side])}
                    </th>
                    <ResultCells result={compared.results[side]} f={f} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="answer" aria-live="polite" data-verdict>
            <Verdict compared={compared} spans={spans} f={f} />
          </p>
        </>
      )}
    </section>
  );
}
