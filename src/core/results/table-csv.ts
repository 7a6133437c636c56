/**
 * The aggregated table as CSV: for each scale, every answer and each segment of the chosen
 * dimension, one row per period (empty ones too) and one for all periods together. From raw
 * records or from a receiver's tallies alike.
 */
import type { NpsResult } from '../nps.js';
import { formatCsv, type CsvValue } from './csv.js';
import { daysOfPeriod, periodOfDay, type Period } from './period.js';
import { STANDARD_SCALE, type Scale } from './scale.js';
import { dimensionLabel, type Dimension } from './segment.js';
import type { TallySource } from './source.js';
import { tallyResult } from './tally.js';
import { pooledTally, trendOf } from './trend.js';

export const TABLE_COLUMNS = [
  'scale',
  'segmentBy',
  'segment',
  'period',
  'from',
  'to',
  'responses',
  'promoters',
  'passives',
  'detractors',
  'nps',
  'npsRounded',
  'marginOfError',
  'intervalLow',
  'intervalHigh',
  'changeFromPrevious',
  'pValue',
  'significant',
  ...Array.from({ length: 11 }, (_, score) => `score${score}`),
] as const;

/** Exact figures are kept to 4 decimals: enough to recompute, short enough to read. */
const decimals = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value.toFixed(4)));
const significant = (value: number): number => Number(value.toPrecision(4));

const figures = (result: NpsResult): CsvValue[] => [
  result.total,
  result.promoters,
  result.passives,
  result.detractors,
  decimals(result.nps),
  result.rounded,
  decimals(result.marginOfError),
  decimals(result.interval?.[0]),
  decimals(result.interval?.[1]),
];

const distribution = (result: NpsResult, scale: Scale): CsvValue[] =>
  Array.from({ length: 11 }, (_, score) => (scale === STANDARD_SCALE ? (result.distribution?.[score] ?? 0) : null));

export function aggregateToCsv(aggregate: TallySource, period: Period, dimension: Dimension | null): string {
  const rows: CsvValue[][] = [[...TABLE_COLUMNS]];
  // The days a tally covers: one for records, a whole week or month for tallies grouped so.
  const finest = aggregate.periods[0] ?? 'day';
  const spanOf = (day: string) => daysOfPeriod(periodOfDay(day, finest), finest);
  for (const scale of aggregate.scales) {
    const segments: Array<{ dimension: Dimension; value: string } | null> = [
      null,
      ...(dimension ? aggregate.segments(dimension).map((value) => ({ dimension, value })) : []),
    ];
    for (const segment of segments) {
      const tallies = aggregate.tallies(scale, segment);
      const label: CsvValue[] = [scale, segment ? dimensionLabel(segment.dimension) : 'all', segment ? segment.value : 'all'];
      for (const point of trendOf(tallies, period, scale)) {
        const [from, to] = daysOfPeriod(point.key, period);
        const change = point.change;
        rows.push([
          ...label,
          point.key,
          from,
          to,
          ...figures(point.result),
          decimals(change?.difference),
          change ? significant(change.pValue) : null,
          change ? change.significant : null,
          ...distribution(point.result, scale),
        ]);
      }
      const pooled = tallyResult(pooledTally(tallies), scale);
      const first = tallies.days[0]?.[0];
      const last = tallies.days[tallies.days.length - 1]?.[0];
      rows.push([
        ...label,
        'all',
        first ? spanOf(first)[0] : null,
        last ? spanOf(last)[1] : null,
        ...figures(pooled),
        null,
        null,
        null,
        ...distribution(pooled, scale),
      ]);
    }
  }
  return formatCsv(rows);
}
