/**
 * The results: the headline score, its trend with honest comparisons, two periods compared,
 * segments side by side, how many more answers a margin needs, and CSV exports; from received
 * responses also the reasons given and the detractors to follow up with. Everything is added
 * up from one tally source (raw records aggregated, or a receiver's tallies); the viewer's
 * choices (period, segment, margin, benchmark) are this component's state and never re-read
 * the records.
 */
import { useState } from 'preact/hooks';
import { hasRecords } from '../core/results/aggregate.js';
import type { Period } from '../core/results/period.js';
import { recordsToCsv } from '../core/results/records-csv.js';
import { moreResponses } from '../core/results/sample-size.js';
import { describeScale, STANDARD_SCALE, type Scale } from '../core/results/scale.js';
import { dimensionLabel, type Dimension } from '../core/results/segment.js';
import type { TallySource } from '../core/results/source.js';
import { aggregateToCsv } from '../core/results/table-csv.js';
import { isTalliesSource } from '../core/results/tallies-source.js';
import { tallyResult } from '../core/results/tally.js';
import { pooledTally, trendOf } from '../core/results/trend.js';
import { Preview } from './Preview.js';
import { Breakdown } from './results/Breakdown.js';
import { ComparePeriods } from './results/ComparePeriods.js';
import { PERIOD_NAMES } from './results/labels.js';
import { MoreResponses } from './results/MoreResponses.js';
import { RecordPanels } from './results/RecordPanels.js';
import { SelectField } from './results/SelectField.js';
import { TrendChart, TrendTable } from './results/TrendChart.js';
import { Interval, numbersFor, plural, Signed, type Numbers } from './numbers.js';
import type { NpsResult } from '../core/nps.js';

export interface ResultsChoices {
  /** The first period; tallies that cannot be rolled up into it start with their own. */
  period: Period | null;
  segmentBy: Dimension;
  margin: number;
  benchmark: number | null;
}

export interface ResultsProps {
  /** Received responses aggregated (aggregate.ts: every panel) or a receiver's tallies (talliesSource: no reasons, follow-up list or records). */
  aggregate: TallySource;
  choices: ResultsChoices;
  title?: string | undefined;
  locale?: string | undefined;
  /** Hands a finished CSV to the shell, which saves it. */
  onDownload(fileName: string, csv: string): void;
}

const readBenchmark = (text: string): number | null | 'invalid' => {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= -100 && value <= 100 ? value : 'invalid';
};

function BenchmarkNote({ result, benchmark, f }: { result: NpsResult; benchmark: number; f: Numbers }) {
  const { interval } = result;
  if (!interval) return null;
  const [low, high] = interval;
  const verdict =
    low > benchmark
      ? 'above it: your whole 95% interval lies above the benchmark.'
      : high < benchmark
        ? 'below it: your whole 95% interval lies below the benchmark.'
        : 'not distinguishable from it: the benchmark lies inside your 95% interval.';
  return (
    <p class="answer">
      Against the benchmark of <Signed value={benchmark} f={f} />, your score (95% interval <Interval interval={interval} f={f} />) is {verdict}
    </p>
  );
}

/** Where the figures come from: the zone of the periods, and for tallies the span the receiver counted. */
function SourceNote({ source }: { source: TallySource }) {
  const periods = (
    <>
      Periods are local to <b>{source.timeZone}</b>; weeks are ISO weeks starting on Monday; quarters are calendar quarters.
    </>
  );
  if (!isTalliesSource(source)) return <p class="muted">{periods}</p>;
  const { from, to, grouping } = source;
  const span = from && to ? ` from ${from} to ${to}` : from ? ` from ${from} on` : to ? ` up to ${to}` : '';
  return (
    <p class="muted">
      Tallies counted by the receiver{span}
      {grouping ? `, by ${grouping}` : ''}. {grouping && periods}
    </p>
  );
}

function TrendMessage({ source, points }: { source: TallySource; points: number }) {
  if (source.periods.length === 0) return <p class="muted">No trend: these tallies are not grouped by day, week or month.</p>;
  return points === 0 ? <p class="muted">No dated responses, so there is no trend to show.</p> : null;
}
export function Results({ aggregate: source, choices, title, locale, onDownload }: ResultsProps) {
  const [scaleChoice, setScale] = useState<Scale>(STANDARD_SCALE);
  const [periodChoice, setPeriod] = useState<Period | null>(choices.period);
  const [dimensionChoice, setDimension] = useState<Dimension>(choices.segmentBy);
  const [valueChoice, setValue] = useState<string>('');
  const [margin, setMargin] = useState(choices.margin);
  const [benchmarkText, setBenchmarkText] = useState(choices.benchmark === null ? '' : String(choices.benchmark));
  const f = numbersFor(locale);
  const records = hasRecords(source) ? source : null;

  // Choices that the data no longer offers (after update()) fall back instead of showing nothing.
  const scale = source.scales.includes(scaleChoice) ? scaleChoice : (source.scales[0] ?? STANDARD_SCALE);
  const period = periodChoice !== null && source.periods.includes(periodChoice) ? periodChoice : (source.periods[0] ?? 'month');
  const dimension = source.dimensions.includes(dimensionChoice) ? dimensionChoice : (source.dimensions[0] ?? null);
  const values = dimension ? source.segments(dimension) : [];
  // Only records can be filtered to one segment: tallies hold each grouping on its own.
  const value = records && values.includes(valueChoice) ? valueChoice : '';
  const segment = dimension && value !== '' ? { dimension, value } : null;
  const label = dimension ? dimensionLabel(dimension) : '';
  const benchmark = readBenchmark(benchmarkText);

  const tallies = source.tallies(scale, segment);
  const headline = tallyResult(pooledTally(tallies), scale);
  const points = source.periods.length > 0 ? trendOf(tallies, period, scale) : [];
  const breakdown =
    dimension === null
      ? []
      : values
          .map((v) => {
            const result = tallyResult(pooledTally(source.tallies(scale, { dimension, value: v })), scale);
            return { value: v, result, more: moreResponses(result, margin) };
          })
          .filter((row) => row.result.total > 0);
  const kinds = records ? records.segments('kind') : [];
  // Always a heading: the panels below are level 3 under it, whatever the page around them.
  const heading = [title, segment && `${label}: ${segment.value}`].filter(Boolean).join(' · ') || 'Results';

  return (
    <div class="results" lang="en">
      <Preview result={headline} title={heading} locale={locale} scale={scale} />

      <section class="panel" aria-labelledby="view-title">
        <h3 id="view-title">View</h3>
        <div class="fields">
          {source.scales.length > 1 && (
            <SelectField<Scale>
              id="field-scale"
              label="Scale"
              value={scale}
              onChange={setScale}
              options={source.scales.map((s) => [s, describeScale(s)] as const)}
            />
          )}
          {source.periods.length > 1 && (
            <SelectField<Period>
              id="field-period"
              label="Period"
              value={period}
              onChange={setPeriod}
              options={source.periods.map((p) => [p, PERIOD_NAMES[p]] as const)}
            />
          )}
          {dimension && (records || source.dimensions.length > 1) && (
            <SelectField<Dimension>
              id="field-break-down-by"
              label="Break down by"
              value={dimension}
              onChange={setDimension}
              options={source.dimensions.map((d) => [d, dimensionLabel(d)] as const)}
            />
          )}
          {records && (
            <SelectField
              id="field-segment"
              label="Segment"
              value={value}
              onChange={setValue}
              options={[['', 'All responses'] as const, ...values.map((v) => [v, v] as const)]}
            />
          )}
          <div class="field">
            <label for="field-benchmark">Benchmark (industry NPS)</label>
            <input
              id="field-benchmark"
              type="number"
              min={-100}
              max={100}
              step={1}
              value={benchmarkText}
              aria-describedby="benchmark-hint"
              aria-invalid={benchmark === 'invalid'}
              onInput={(event) => setBenchmarkText(event.currentTarget.value)}
            />
          </div>
        </div>
        <p id="benchmark-hint" class={benchmark === 'invalid' ? 'error' : 'muted'}>
          {benchmark === 'invalid' ? 'A benchmark is a score from −100 to +100.' : 'Optional: the score your industry reaches, drawn as a line on the trend.'}
        </p>
        <SourceNote source={source} />
        {scale !== STANDARD_SCALE && (
          <p class="notice">
            Non-standard NPS: these answers were given on a {scale} scale and are counted in the category the survey recorded for each. They are never pooled
            with 0-10 answers and are not comparable with published NPS figures.
          </p>
        )}
        {source.scales.length > 1 && (
          <p class="notice">This data holds answers on {source.scales.length} scales; each is shown on its own (choose the scale above).</p>
        )}
        {kinds.includes('nps') && kinds.includes('enps') && !(segment && dimension === 'kind') && (
          <p class="notice">These responses mix customer NPS and employee eNPS: break down by kind and choose one segment to see each alone.</p>
        )}
        {source.periods.length > 0 && tallies.undated && (
          <p class="notice">
            {plural(tallyResult(tallies.undated, scale).total, 'response', f)} {records ? 'without a date' : 'in no period of the tallies'}: counted in the
            totals, in no period.
          </p>
        )}
      </section>

      <section class="panel" aria-labelledby="trend-title">
        <h3 id="trend-title">NPS over time</h3>
        {typeof benchmark === 'number' && <BenchmarkNote result={headline} benchmark={benchmark} f={f} />}
        <TrendMessage source={source} points={points.length} />
        {points.length > 0 && (
          <>
            <TrendChart points={points} period={period} timeZone={source.timeZone} benchmark={typeof benchmark === 'number' ? benchmark : null} f={f} />
            <TrendTable points={points} period={period} timeZone={source.timeZone} f={f} />
          </>
        )}
      </section>

      {points.length > 0 && (
        <section class="panel" aria-labelledby="compare-title">
          <h3 id="compare-title">Compare two periods</h3>
          <ComparePeriods points={points} period={period} f={f} />
        </section>
      )}

      <section class="panel" aria-labelledby="breakdown-title">
        <h3 id="breakdown-title">{dimension ? `By ${label.toLowerCase()}` : 'By segment'}</h3>
        {dimension ? (
          <Breakdown rows={breakdown} label={label} margin={margin} capped={source.capped(dimension)} f={f} />
        ) : (
          <p class="muted">No breakdown: these tallies are not grouped by a segment (touchpoint, survey type, locale, or a metadata or user key).</p>
        )}
      </section>

      <MoreResponses result={headline} margin={margin} onMargin={setMargin} f={f} />

      {records && dimension && <RecordPanels aggregate={records} scale={scale} dimension={dimension} value={value} label={label} f={f} />}

      <section class="panel" aria-labelledby="export-title">
        <h3 id="export-title">Export</h3>
        <div class="fields">
          <button type="button" onClick={() => onDownload(`nps-by-${period}.csv`, aggregateToCsv(source, period, dimension))}>
            Download the aggregated table (CSV)
          </button>
          {records && (
            <button type="button" onClick={() => onDownload('nps-records.csv', recordsToCsv(records.records))}>
              Download the raw records (CSV)
            </button>
          )}
        </div>
        <p class="muted">
          The table has each scale’s periods for all responses{dimension && ` and for each ${label.toLowerCase()} segment`}
          {records ? `; the records are the latest state of all ${f.whole(records.records.length)} responses` : ''}. Text that a spreadsheet would run as a
          formula starts with an apostrophe.
        </p>
      </section>
    </div>
  );
}

/** Scores or counts without dates or segments: the score card and how many more answers a margin needs. */
export function ScoreResults({
  result,
  title,
  locale,
  margin: initialMargin,
}: {
  result: NpsResult;
  title?: string | undefined;
  locale?: string | undefined;
  margin: number;
}) {
  const [margin, setMargin] = useState(initialMargin);
  const f = numbersFor(locale);
  return (
    <div class="results" lang="en">
      <Preview result={result} title={title} locale={locale} scale={result.scale} />
      {result.total > 0 && <MoreResponses result={result} margin={margin} onMargin={setMargin} f={f} />}
    </div>
  );
}
