/**
 * The results of received responses: the headline score, its trend with honest comparisons,
 * segments side by side, how many more answers a margin needs, the reasons given, the
 * detractors to follow up with, and CSV exports. Everything is added up from one aggregate;
 * the viewer's choices (period, segment, margin, benchmark, filters) are this component's
 * state and never re-read the records.
 */
import { useMemo, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../core/category.js';
import type { ResultsAggregate } from '../core/results/aggregate.js';
import { PERIODS, type Period } from '../core/results/period.js';
import { recordsToCsv } from '../core/results/records-csv.js';
import { moreResponses } from '../core/results/sample-size.js';
import { describeScale, scaleOf, STANDARD_SCALE, type Scale } from '../core/results/scale.js';
import { dimensionLabel, type Dimension } from '../core/results/segment.js';
import { aggregateToCsv } from '../core/results/table-csv.js';
import { tallyResult } from '../core/results/tally.js';
import { pooledTally, trendOf } from '../core/results/trend.js';
import { Preview } from './Preview.js';
import { Breakdown } from './results/Breakdown.js';
import { CATEGORY_NAMES, PERIOD_NAMES } from './results/labels.js';
import { MoreResponses } from './results/MoreResponses.js';
import { SelectField } from './results/SelectField.js';
import { DetractorList, ReasonList } from './results/Reasons.js';
import { TrendChart, TrendTable } from './results/TrendChart.js';
import { Interval, numbersFor, plural, Signed, type Numbers } from './numbers.js';
import type { NpsResult } from '../core/nps.js';

export interface ResultsChoices {
  period: Period;
  segmentBy: Dimension;
  margin: number;
  benchmark: number | null;
}

export interface ResultsProps {
  aggregate: ResultsAggregate;
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

export function Results({ aggregate, choices, title, locale, onDownload }: ResultsProps) {
  const [scaleChoice, setScale] = useState<Scale>(STANDARD_SCALE);
  const [period, setPeriod] = useState<Period>(choices.period);
  const [dimensionChoice, setDimension] = useState<Dimension>(choices.segmentBy);
  const [valueChoice, setValue] = useState<string>('');
  const [margin, setMargin] = useState(choices.margin);
  const [benchmarkText, setBenchmarkText] = useState(choices.benchmark === null ? '' : String(choices.benchmark));
  const [category, setCategory] = useState<Category | ''>('');
  const f = numbersFor(locale);

  // Choices that the data no longer offers (after update()) fall back instead of showing nothing.
  const scale = aggregate.scales.includes(scaleChoice) ? scaleChoice : (aggregate.scales[0] ?? STANDARD_SCALE);
  const dimension = aggregate.dimensions.includes(dimensionChoice) ? dimensionChoice : (aggregate.dimensions[0] ?? 'touchpoint');
  const values = aggregate.segments(dimension);
  const value = values.includes(valueChoice) ? valueChoice : '';
  const segment = value === '' ? null : { dimension, value };
  const label = dimensionLabel(dimension);
  const benchmark = readBenchmark(benchmarkText);

  const tallies = aggregate.tallies(scale, segment);
  const headline = tallyResult(pooledTally(tallies), scale);
  const points = trendOf(tallies, period, scale);
  const breakdown = values
    .map((v) => {
      const result = tallyResult(pooledTally(aggregate.tallies(scale, { dimension, value: v })), scale);
      return { value: v, result, more: moreResponses(result, margin) };
    })
    .filter((row) => row.result.total > 0);

  // Memoised on what filters the lists, so switching the period or the breakdown alone does not
  // walk a few hundred thousand comments again.
  const filterDimension = value === '' ? null : dimension;
  const inView = useMemo(() => {
    const oneScale = aggregate.scales.length <= 1;
    return (index: number) =>
      (oneScale || scaleOf(aggregate.records[index] ?? {}) === scale) && (filterDimension === null || aggregate.segmentAt(index, filterDimension) === value);
  }, [aggregate, scale, filterDimension, value]);
  const reasons = useMemo(
    () => aggregate.commented.filter((index) => inView(index) && (category === '' || aggregate.categoryAt(index) === category)),
    [aggregate, inView, category],
  );
  const detractors = useMemo(() => aggregate.detractors.filter(inView), [aggregate, inView]);
  const segmentOf = (index: number) => aggregate.segmentAt(index, dimension);
  const kinds = aggregate.segments('kind');
  const heading = [title, segment && `${label}: ${segment.value}`].filter(Boolean).join(' · ') || undefined;

  return (
    <div class="results" lang="en">
      <Preview result={headline} title={heading} locale={locale} scale={scale} />

      <section class="panel" aria-labelledby="view-title">
        <h3 id="view-title">View</h3>
        <div class="fields">
          {aggregate.scales.length > 1 && (
            <SelectField<Scale> id="field-scale" label="Scale" value={scale} onChange={setScale} options={aggregate.scales.map((s) => [s, describeScale(s)] as const)} />
          )}
          <SelectField<Period> id="field-period" label="Period" value={period} onChange={setPeriod} options={PERIODS.map((p) => [p, PERIOD_NAMES[p]] as const)} />
          <SelectField<Dimension>
            id="field-break-down-by"
            label="Break down by"
            value={dimension}
            onChange={setDimension}
            options={aggregate.dimensions.map((d) => [d, dimensionLabel(d)] as const)}
          />
          <SelectField id="field-segment" label="Segment" value={value} onChange={setValue} options={[['', 'All responses'] as const, ...values.map((v) => [v, v] as const)]} />
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
        <p class="muted">
          Periods are local to <b>{aggregate.timeZone}</b>; weeks are ISO weeks starting on Monday; quarters are calendar quarters.
        </p>
        {scale !== STANDARD_SCALE && (
          <p class="notice">
            Non-standard NPS: these answers were given on a {scale} scale and are counted in the category the survey recorded for each. They are
            never pooled with 0-10 answers and are not comparable with published NPS figures.
          </p>
        )}
        {aggregate.scales.length > 1 && (
          <p class="notice">This data holds answers on {aggregate.scales.length} scales; each is shown on its own (choose the scale above).</p>
        )}
        {kinds.includes('nps') && kinds.includes('enps') && !(segment && dimension === 'kind') && (
          <p class="notice">These responses mix customer NPS and employee eNPS: break down by kind and choose one segment to see each alone.</p>
        )}
        {tallies.undated && <p class="notice">{plural(tallyResult(tallies.undated, scale).total, 'response', f)} without a date: counted in the totals, in no period.</p>}
      </section>

      <section class="panel" aria-labelledby="trend-title">
        <h3 id="trend-title">NPS over time</h3>
        {typeof benchmark === 'number' && <BenchmarkNote result={headline} benchmark={benchmark} f={f} />}
        {points.length === 0 ? (
          <p class="muted">No dated responses, so there is no trend to show.</p>
        ) : (
          <>
            <TrendChart points={points} period={period} timeZone={aggregate.timeZone} benchmark={typeof benchmark === 'number' ? benchmark : null} f={f} />
            <TrendTable points={points} period={period} timeZone={aggregate.timeZone} f={f} />
          </>
        )}
      </section>

      <section class="panel" aria-labelledby="breakdown-title">
        <h3 id="breakdown-title">By {label.toLowerCase()}</h3>
        <Breakdown rows={breakdown} label={label} margin={margin} capped={aggregate.capped(dimension)} f={f} />
      </section>

      <MoreResponses result={headline} margin={margin} onMargin={setMargin} f={f} />

      <section class="panel" aria-labelledby="reasons-title">
        <h3 id="reasons-title">Reasons</h3>
        <div class="fields">
          <SelectField<Category | ''>
            id="field-category"
            label="Category"
            value={category}
            onChange={setCategory}
            options={[['', 'All categories'], ...CATEGORIES.map((c) => [c, `${CATEGORY_NAMES[c]}s`] as const)]}
          />
        </div>
        <p class="muted">From {segment ? `the segment ${label}: ${segment.value}` : 'all responses'} (change it under View).</p>
        <ReasonList aggregate={aggregate} indexes={reasons} segmentLabel={label} segmentOf={segmentOf} f={f} />
      </section>

      <section class="panel" aria-labelledby="follow-up-title">
        <h3 id="follow-up-title">Follow up with detractors</h3>
        <DetractorList aggregate={aggregate} indexes={detractors} segmentLabel={label} segmentOf={segmentOf} f={f} />
      </section>

      <section class="panel" aria-labelledby="export-title">
        <h3 id="export-title">Export</h3>
        <div class="fields">
          <button type="button" onClick={() => onDownload(`nps-by-${period}.csv`, aggregateToCsv(aggregate, period, dimension))}>
            Download the aggregated table (CSV)
          </button>
          <button type="button" onClick={() => onDownload('nps-records.csv', recordsToCsv(aggregate.records))}>
            Download the raw records (CSV)
          </button>
        </div>
        <p class="muted">
          The table has each scale’s periods for all responses and for each {label.toLowerCase()} segment; the records are the latest state of all{' '}
          {f.whole(aggregate.records.length)} responses. Text that a spreadsheet would run as a formula starts with an apostrophe.
        </p>
      </section>
    </div>
  );
}

/** Scores or counts without dates or segments: the score card and how many more answers a margin needs. */
export function ScoreResults({ result, title, locale, margin: initialMargin }: { result: NpsResult; title?: string | undefined; locale?: string | undefined; margin: number }) {
  const [margin, setMargin] = useState(initialMargin);
  const f = numbersFor(locale);
  return (
    <div class="results" lang="en">
      <Preview result={result} title={title} locale={locale} scale={result.scale} />
      {result.total > 0 && <MoreResponses result={result} margin={margin} onMargin={setMargin} f={f} />}
    </div>
  );
}
