/**
 * Aggregates received responses once into tallies per (scale, local day, segment); every view
 * (periods, segments, the headline) is then added up from those tallies, never from the
 * records again. Days roll up into weeks, months and quarters because they are local days of
 * one time zone. The work is resumable, so a shell can spread a million records over several
 * tasks and keep the page responsive.
 */
import type { Category } from '../category.js';
import { isNewerState } from '../payload.js';
import { createDayIndexer, PERIODS } from './period.js';
import { readRecord, type ResultRecord } from './record.js';
import { SCALES } from './scale.js';
import { bySize, FIXED_DIMENSIONS, metadataDimension, NO_VALUE, segmentName, segmentOf, type Dimension, type FixedDimension } from './segment.js';
import type { DayTallies, TallySource } from './source.js';
import { addTally, countAnswer, newTally, tallyTotal, type Tally } from './tally.js';

export interface AggregateOptions {
  /** IANA zone the days are local to. */
  timeZone: string;
  /** Most segments named per dimension; later values pool into OTHER_VALUES (an order id is not a segment). */
  maxSegments?: number;
}

/** Where values past `maxSegments` are pooled. */
export const OTHER_VALUES = '(other values)';
const DEFAULT_MAX_SEGMENTS = 50;

export interface ResultsAggregate extends TallySource {
  /** The latest state of each response id, in the order they were given. */
  readonly records: readonly ResultRecord[];
  /** Records given, before keeping the latest state per id. */
  readonly received: number;
  /** The fixed dimensions, then every metadata key found (sorted). Values past `maxSegments` are OTHER_VALUES. */
  readonly dimensions: readonly Dimension[];
  /** The segment `records[index]` was counted in along `dimension`. */
  segmentAt(index: number, dimension: Dimension): string;
  /** Epoch ms of `records[index]`, NaN when undated. */
  timeAt(index: number): number;
  /** Indexes into `records` of answers with a comment, newest first. */
  readonly commented: readonly number[];
  /** Indexes into `records` of detractors, newest first. */
  readonly detractors: readonly number[];
  /** Category per index into `records`. */
  categoryAt(index: number): Category;
}

/** Whether a source holds the records themselves (reasons, detractors, the records' CSV), not only tallies. */
export const hasRecords = (source: TallySource): source is ResultsAggregate => 'records' in source;

export interface Aggregator {
  /** Records aggregated so far. */
  readonly done: number;
  readonly total: number;
  /** Aggregates up to `count` more records; true once all are. Throws on a bad record, naming it. */
  advance(count: number): boolean;
  /** The aggregate, once every record is in. */
  result(): ResultsAggregate;
}

/** One segment's tallies, indexed by dayScaleSlot. */
interface Segment {
  count: number;
  slots: Array<Tally | undefined>;
}

interface DimensionState {
  values: Map<string, Segment>;
  capped: boolean;
}

const CATEGORY_CODES: readonly Category[] = ['detractor', 'passive', 'promoter'];
const newSegment = (): Segment => ({ count: 0, slots: [] });

function count(segment: Segment, slot: number, score: number, category: Category, delta: 1 | -1): void {
  segment.count += delta;
  countAnswer((segment.slots[slot] ??= newTally()), score, category, delta);
}

export function createAggregator(input: readonly unknown[], options: AggregateOptions): Aggregator {
  const records = input as readonly Partial<ResultRecord>[];
  const maxSegments = options.maxSegments ?? DEFAULT_MAX_SEGMENTS;
  const indexer = createDayIndexer(options.timeZone);
  const total = records.length;
  // Per record: its (day, scale) slot, category code and time; whether a later state replaced it.
  const dayScale = new Int32Array(total);
  const categoryCode = new Uint8Array(total);
  const times = new Float64Array(total);
  const replaced = new Uint8Array(total);
  const latestById = new Map<string, number>();
  const everything = newSegment();
  const fixed = new Map<Dimension, DimensionState>(FIXED_DIMENSIONS.map((d) => [d, { values: new Map(), capped: false }]));
  const metadata = new Map<Dimension, DimensionState>();
  const metadataByKey = new Map<string, DimensionState>();
  let done = 0;

  const segmentFor = (state: DimensionState, value: string): Segment => {
    let segment = state.values.get(value);
    if (segment) return segment;
    if (state.values.size >= maxSegments) {
      state.capped = true;
      segment = state.values.get(OTHER_VALUES);
      value = OTHER_VALUES;
    }
    if (!segment) state.values.set(value, (segment = newSegment()));
    return segment;
  };

  /** Adds (or, with -1, takes back) one record in every segment it belongs to. Runs once per record: no allocation. */
  const contribute = (position: number, delta: 1 | -1) => {
    const record = records[position] as Partial<ResultRecord>;
    const slot = dayScale[position] ?? 0;
    const score = record.score as number;
    const category = CATEGORY_CODES[categoryCode[position] ?? 0] as Category;
    count(everything, slot, score, category, delta);
    for (const [dimension, state] of fixed) count(segmentFor(state, segmentName(record[dimension as FixedDimension])), slot, score, category, delta);
    const data = record.metadata;
    if (typeof data !== 'object' || data === null) return;
    for (const key in data) {
      const value = segmentName((data as Record<string, unknown>)[key]);
      // Answers without the key are NO_VALUE: derived at the end as everything minus the rest.
      if (value === NO_VALUE) continue;
      let state = metadataByKey.get(key);
      if (!state) {
        state = { values: new Map(), capped: false };
        metadataByKey.set(key, state);
        metadata.set(metadataDimension(key), state);
      }
      count(segmentFor(state, value), slot, score, category, delta);
    }
  };

  const read = (position: number) => {
    const { scale, category, time } = readRecord(records[position], position);
    times[position] = time;
    categoryCode[position] = CATEGORY_CODES.indexOf(category);
    const day = Number.isNaN(time) ? 0 : indexer.indexOf(time) + 1;
    dayScale[position] = day * SCALES.length + SCALES.indexOf(scale);
  };

  /** Delivery is at least once: of several records with one id only the latest state counts. */
  const take = (position: number) => {
    read(position);
    const id = records[position]?.id;
    if (typeof id !== 'string') return contribute(position, 1);
    const earlier = latestById.get(id);
    if (earlier !== undefined) {
      if (!isNewerState(records[position] as ResultRecord, records[earlier] as ResultRecord)) {
        replaced[position] = 1;
        return;
      }
      contribute(earlier, -1);
      replaced[earlier] = 1;
    }
    latestById.set(id, position);
    contribute(position, 1);
  };

  return {
    get done() {
      return done;
    },
    total,
    advance(batch) {
      for (const end = Math.min(total, done + batch); done < end; done++) take(done);
      return done === total;
    },
    result() {
      if (done < total) throw new Error(`the aggregate is not ready: ${done} of ${total} records counted`);
      return finish();
    },
  };

  function finish(): ResultsAggregate {
    const kept: number[] = [];
    for (let position = 0; position < total; position++) if (!replaced[position]) kept.push(position);
    const latest = kept.map((position) => records[position] as ResultRecord);
    const timeAt = (index: number) => times[kept[index] ?? 0] ?? Number.NaN;
    const categoryAt = (index: number) => CATEGORY_CODES[categoryCode[kept[index] ?? 0] ?? 0] as Category;

    for (const state of metadata.values()) {
      const none = newSegment();
      everything.slots.forEach((tally, slot) => {
        if (!tally) return;
        const rest = addTally(newTally(), tally);
        for (const segment of state.values.values()) {
          const named = segment.slots[slot];
          if (named) addTally(rest, named, -1);
        }
        if (tallyTotal(rest) > 0) none.slots[slot] = rest;
        none.count += tallyTotal(rest);
      });
      if (none.count > 0) state.values.set(NO_VALUE, none);
    }

    const dimensions = new Map<Dimension, DimensionState>([...fixed, ...[...metadata].sort(([a], [b]) => (a < b ? -1 : 1))]);
    const ordered = new Map<Dimension, string[]>();
    for (const [dimension, state] of dimensions) ordered.set(dimension, bySize([...state.values].map(([value, segment]) => [value, segment.count] as const)));

    const dayOrder = indexer.days.map((day, index) => [day, index + 1] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    const scales = SCALES.filter((_, scaleIndex) =>
      everything.slots.some((tally, slot) => tally !== undefined && slot % SCALES.length === scaleIndex && tallyTotal(tally) > 0),
    );

    // Undated answers go last; among equal times the one given later comes first.
    const sortKey = (index: number) => (Number.isNaN(timeAt(index)) ? -Infinity : timeAt(index));
    const newestFirst = (indexes: number[]) => indexes.sort((a, b) => sortKey(b) - sortKey(a) || b - a);
    const commented: number[] = [];
    const detractors: number[] = [];
    latest.forEach((record, index) => {
      if (typeof record.comment === 'string' && record.comment.trim() !== '') commented.push(index);
      if (categoryAt(index) === 'detractor') detractors.push(index);
    });

    const segmentAt = (index: number, dimension: Dimension) => {
      const value = segmentOf(latest[index] ?? {}, dimension);
      const state = dimensions.get(dimension);
      return !state || state.values.has(value) ? value : state.capped ? OTHER_VALUES : NO_VALUE;
    };

    return {
      timeZone: options.timeZone,
      periods: PERIODS,
      records: latest,
      received: total,
      scales,
      dimensions: [...dimensions.keys()],
      segments: (dimension) => ordered.get(dimension) ?? [],
      capped: (dimension) => dimensions.get(dimension)?.capped ?? false,
      tallies(scale, segment) {
        const scaleIndex = SCALES.indexOf(scale);
        const source = segment ? dimensions.get(segment.dimension)?.values.get(segment.value) : everything;
        const at = (day: number) => source?.slots[day * SCALES.length + scaleIndex];
        const days: DayTallies['days'] = [];
        for (const [day, index] of dayOrder) {
          const tally = at(index);
          if (tally && tallyTotal(tally) > 0) days.push([day, tally]);
        }
        const undated = at(0);
        return { days, undated: undated && tallyTotal(undated) > 0 ? undated : null };
      },
      segmentAt,
      timeAt,
      categoryAt,
      commented: newestFirst(commented),
      detractors: newestFirst(detractors),
    };
  }
}

/** Aggregates in one go; fine up to some tens of thousands of records. */
export function aggregateResults(records: readonly unknown[], options: AggregateOptions): ResultsAggregate {
  const aggregator = createAggregator(records, options);
  aggregator.advance(records.length);
  return aggregator.result();
}
