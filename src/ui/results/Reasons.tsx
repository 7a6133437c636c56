/**
 * Closing the loop: the latest reasons people gave, and the detractors to follow up with,
 * with whether each agreed to be contacted.
 */
import type { Category } from '../../core/category.js';
import type { ResultsAggregate } from '../../core/results/aggregate.js';
import type { ResultRecord } from '../../core/results/record.js';
import { plural, type Numbers } from '../numbers.js';
import { CATEGORY_NAMES, timeLabel } from './labels.js';

/** How many of the newest are listed; the CSV export has them all. */
export const LISTED = 20;

function Score({ record, category, f }: { record: ResultRecord; category: Category; f: Numbers }) {
  return (
    <span class={`badge ${category}`}>
      {f.whole(record.score)} · {CATEGORY_NAMES[category]}
    </span>
  );
}

function consentText(record: ResultRecord): string {
  return record.consentToContact === true ? 'Yes' : record.consentToContact === false ? 'No' : 'Not asked';
}

function userText(record: ResultRecord): string {
  if (!record.user) return 'anonymous';
  return Object.entries(record.user)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
}

export interface ListProps {
  aggregate: ResultsAggregate;
  /** Indexes into aggregate.records, newest first, already filtered. */
  indexes: readonly number[];
  segmentLabel: string;
  segmentOf(index: number): string;
  f: Numbers;
}

export function ReasonList({ aggregate, indexes, segmentLabel, segmentOf, f }: ListProps) {
  if (indexes.length === 0) return <p class="muted">No comments match these filters.</p>;
  return (
    <>
      <p class="muted" aria-live="polite">
        {plural(indexes.length, 'comment', f)} match{indexes.length === 1 ? 'es' : ''}; the {f.whole(Math.min(LISTED, indexes.length))} latest:
      </p>
      <ul class="reasons">
        {indexes.slice(0, LISTED).map((index) => {
          const record = aggregate.records[index] as ResultRecord;
          return (
            <li key={index}>
              <Score record={record} category={aggregate.categoryAt(index)} f={f} />
              <q>{record.comment}</q>
              <span class="muted">
                {segmentLabel}: {segmentOf(index)} · {timeLabel(aggregate.timeAt(index), aggregate.timeZone)}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function DetractorList({ aggregate, indexes, segmentLabel, segmentOf, f }: ListProps) {
  if (indexes.length === 0) return <p class="muted">No detractors here.</p>;
  const consenting = indexes.filter((index) => aggregate.records[index]?.consentToContact === true).length;
  return (
    <>
      <p class="muted">
        {plural(indexes.length, 'detractor', f)}, {f.whole(consenting)} agreed to be contacted; the {f.whole(Math.min(LISTED, indexes.length))} latest:
      </p>
      <div class="scroll" tabIndex={0} role="region" aria-labelledby="detractor-caption">
        <table class="data">
          <caption id="detractor-caption">Detractors to follow up with, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Score</th>
              <th scope="col">Reason</th>
              <th scope="col">May contact</th>
              <th scope="col">Who</th>
              <th scope="col">{segmentLabel}</th>
            </tr>
          </thead>
          <tbody>
            {indexes.slice(0, LISTED).map((index) => {
              const record = aggregate.records[index] as ResultRecord;
              return (
                <tr key={index}>
                  <td>{timeLabel(aggregate.timeAt(index), aggregate.timeZone)}</td>
                  <td>{f.whole(record.score)}</td>
                  <td>{record.comment ?? '–'}</td>
                  <td>{consentText(record)}</td>
                  <td>{userText(record)}</td>
                  <td>{segmentOf(index)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
