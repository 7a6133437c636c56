/**
 * NPS over time: each period's score with its 95% interval, an optional benchmark line, and a
 * mark on every change that is more than noise. The chart is one Tab stop; arrow keys, Home
 * and End walk its points, and the focused (or hovered) point describes itself in a tooltip
 * with the change and its p-value. The same numbers are in the table below it.
 */
import { useRef, useState } from 'preact/hooks';
import type { Period } from '../../core/results/period.js';
import type { TrendPoint } from '../../core/results/trend.js';
import { Interval, plural, Signed, signedText, wholePoints, type Numbers } from '../numbers.js';
import { periodLabel } from './labels.js';
import { ResultCells, ResultHeads } from './ResultCells.js';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 16, top: 16, bottom: 24 };
const TIP_ID = 'trend-tip';

const y = (points: number) => PAD.top + ((100 - points) / 200) * (HEIGHT - PAD.top - PAD.bottom);

function ChangeText({ point, previous, period, f }: { point: TrendPoint; previous: TrendPoint | undefined; period: Period; f: Numbers }) {
  if (!previous) return <span>first period shown</span>;
  const { change } = point;
  if (!change)
    return (
      <span>
        no comparison with {periodLabel(previous.key, period)}: {point.result.total === 0 ? 'this period' : 'that period'} has no responses
      </span>
    );
  const verdict = change.significant ? (change.difference > 0 ? '▲ significant rise' : '▼ significant fall') : 'not significant';
  return (
    <span>
      change from {periodLabel(previous.key, period)}: <Signed value={wholePoints(change.difference)} f={f} /> points, {f.pStatement(change.pValue)}, {verdict}
    </span>
  );
}

export interface TrendProps {
  points: readonly TrendPoint[];
  period: Period;
  timeZone: string;
  benchmark: number | null;
  f: Numbers;
}

export function TrendChart({ points, period, timeZone, benchmark, f }: TrendProps) {
  const [active, setActive] = useState(points.length - 1);
  const [shown, setShown] = useState<number | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const current = Math.min(active, points.length - 1);
  const step = points.length > 1 ? (WIDTH - PAD.left - PAD.right) / (points.length - 1) : 0;
  const x = (index: number) => (points.length > 1 ? PAD.left + index * step : (WIDTH + PAD.left - PAD.right) / 2);
  const hit = Math.min(48, Math.max(step, 4));

  const focusPoint = (index: number) => {
    const next = Math.max(0, Math.min(points.length - 1, index));
    setActive(next);
    svg.current?.querySelector<SVGGElement>(`[data-point="${next}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowDown: current + 1,
      ArrowLeft: current - 1,
      ArrowUp: current - 1,
      Home: 0,
      End: points.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusPoint(target);
    } else if (event.key === 'Escape') {
      setShown(null);
    }
  };

  // The line breaks at empty periods: joining across them would invent a score.
  const segments: string[] = [];
  let path = '';
  points.forEach((point, index) => {
    if (point.result.nps === null) {
      if (path) segments.push(path);
      path = '';
      return;
    }
    path += `${path ? 'L' : 'M'}${x(index).toFixed(1)},${y(point.result.nps).toFixed(1)}`;
  });
  if (path) segments.push(path);

  const tipPoint = shown === null ? undefined : points[shown];
  return (
    <div class="chart">
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={`NPS by ${period}, ${points.length} points: use the arrow keys to move between them`}
        onKeyDown={onKeyDown}
      >
        {[-100, -50, 0, 50, 100].map((tick) => (
          <g key={tick} class="grid" aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4}>
              {signedText(tick, f)}
            </text>
          </g>
        ))}
        {benchmark !== null && (
          <g class="benchmark" aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(benchmark)} y2={y(benchmark)} />
            <text x={WIDTH - PAD.right} y={y(benchmark) - 4}>
              Benchmark {signedText(benchmark, f)}
            </text>
          </g>
        )}
        {segments.map((d) => (
          <path key={d} class="line" d={d} aria-hidden="true" />
        ))}
        {points.map((point, index) => {
          const { result, change } = point;
          const label = `${periodLabel(point.key, period)}: ${result.rounded === null ? 'no responses' : `NPS ${signedText(result.rounded, f, '-')}`}${change?.significant ? ', significant change' : ''}`;
          return (
            <g
              key={point.key}
              class="point"
              data-point={index}
              role="img"
              aria-label={label}
              aria-describedby={shown === index ? TIP_ID : undefined}
              // Lower case: on SVG elements attribute names are case-sensitive, and only tabindex counts.
              tabindex={index === current ? 0 : -1}
              onFocus={() => {
                setActive(index);
                setShown(index);
              }}
              onBlur={() => setShown(null)}
              onMouseEnter={() => setShown(index)}
              onMouseLeave={() => setShown(null)}
            >
              <rect class="hit" x={x(index) - hit / 2} y={PAD.top} width={hit} height={HEIGHT - PAD.top - PAD.bottom} />
              {result.interval && result.nps !== null && (
                <>
                  <line class="whisker" x1={x(index)} x2={x(index)} y1={y(result.interval[0])} y2={y(result.interval[1])} />
                  <circle cx={x(index)} cy={y(result.nps)} r={points.length > 60 ? 2 : 4} />
                  {change?.significant && (
                    <text class="mark" x={x(index)} y={y(result.interval[1]) - 5}>
                      {change.difference > 0 ? '▲' : '▼'}
                    </text>
                  )}
                </>
              )}
            </g>
          );
        })}
      </svg>
      <div id={TIP_ID} role="tooltip" class="tip" hidden={!tipPoint} style={tipPoint ? { left: `${(100 * x(shown ?? 0)) / WIDTH}%` } : undefined}>
        {tipPoint && (
          <>
            <b>{periodLabel(tipPoint.key, period)}</b>
            {tipPoint.result.rounded === null ? (
              <span>No responses</span>
            ) : (
              <span>
                NPS <Signed value={tipPoint.result.rounded} f={f} />, 95% interval <Interval interval={tipPoint.result.interval ?? [0, 0]} f={f} />,{' '}
                {plural(tipPoint.result.total, 'response', f)}
              </span>
            )}
            <ChangeText point={tipPoint} previous={points[(shown ?? 0) - 1]} period={period} f={f} />
          </>
        )}
      </div>
      <p class="legend-line">
        ● score, │ 95% interval, ▲▼ a change from the period before that is significant (p &lt; 0.05){benchmark !== null && ', dashed line: benchmark'}. Periods
        in {timeZone} time.
      </p>
    </div>
  );
}

/** The chart's numbers, with each change's p-value and verdict in words. */
export function TrendTable({ points, period, timeZone, f }: Omit<TrendProps, 'benchmark'>) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-labelledby="trend-caption">
      <table class="data">
        <caption id="trend-caption">
          NPS by {period}, {timeZone} time
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <ResultHeads />
            <th scope="col">Change</th>
            <th scope="col">p-value</th>
            <th scope="col">Significant (p &lt; 0.05)</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => {
            const { result, change } = point;
            return (
              <tr key={point.key}>
                <th scope="row">{periodLabel(point.key, period)}</th>
                <ResultCells result={result} f={f} />
                <td>{change ? <Signed value={wholePoints(change.difference)} f={f} /> : '–'}</td>
                <td>{change ? f.pValue(change.pValue) : '–'}</td>
                <td>{change ? (change.significant ? (change.difference > 0 ? '▲ Yes, a rise' : '▼ Yes, a fall') : 'No') : 'Not tested'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
