/**
 * Score with its margin of error, the trend and the segments: the results preview
 * (mountNpsPreview) drawn from GET /results tallies, one answer grouped by time (day, week or
 * month, chosen by the span shown) and one per segment. A segment the receiver does not group
 * by is named and left out; groups an eNPS survey withholds for anonymity are counted.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResultsTallies } from '../core/results/tallies.js';
import { mountNpsPreview, type NpsPreview } from '../preview/mount.js';
import { failureText, type Reader } from './reader.js';
import { groupingFor, type DaySpan } from './span.js';

export const SEGMENTS = ['touchpoint', 'locale', 'surveyType'] as const;
const SEGMENT_NAMES: Record<(typeof SEGMENTS)[number], string> = { touchpoint: 'touchpoint', locale: 'locale', surveyType: 'survey type' };

/** What the receiver adds to an answer of a survey with eNPS answers: its minimum group size and the answers it held back (docs/receiver.md). */
type Answer = ResultsTallies & { minGroupSize?: number; withheld?: number };

interface Shown {
  /** The receiver's minimum group size, when it applied one. */
  minGroupSize: number | null;
  /** Answers withheld for anonymity, per grouping that held any back. */
  withheld: Array<[grouping: string, answers: number]>;
  /** Segments the receiver refused to group by, with its reason. */
  missing: string[];
  error: string | null;
}

export interface Asked {
  surveyId: string;
  span: DaySpan;
  timeZone: string;
  scale: string;
}

/** The query every results call of the dashboard shares. */
export const resultsParams = ({ surveyId, span, timeZone, scale }: Asked) => ({ surveyId, from: span.from, to: span.to, timeZone, scale });

export function Overview({ reader, asked, enps }: { reader: Reader; asked: Asked; enps: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const preview = useRef<NpsPreview | null>(null);
  const [shown, setShown] = useState<Shown>({ minGroupSize: null, withheld: [], missing: [], error: null });
  const [busy, setBusy] = useState(true);

  useEffect(() => () => preview.current?.destroy(), []);
  useEffect(() => {
    const controller = new AbortController();
    const ask = (by: string) => reader.get<Answer>('results', { ...resultsParams(asked), by }, controller.signal);
    setBusy(true);
    void (async () => {
      const time = await ask(groupingFor(asked.span.from, asked.span.to));
      const segments = await Promise.allSettled(SEGMENTS.map(ask));
      const answers = [time];
      const missing: string[] = [];
      segments.forEach((settled, index) => {
        const name = SEGMENT_NAMES[SEGMENTS[index] as (typeof SEGMENTS)[number]];
        if (settled.status === 'fulfilled') answers.push(settled.value);
        else if (!controller.signal.aborted) missing.push(`by ${name} (${settled.reason instanceof Error ? settled.reason.message : String(settled.reason)})`);
      });
      if (controller.signal.aborted || !host.current) return;
      preview.current = mountNpsPreview(host.current, answers, { title: asked.surveyId });
      await preview.current.ready();
      // Under the minimum in all, the total itself is withheld (all counts 0): said once, not per grouping.
      const noTotal = time.total.counts.every((count) => count === 0) && (time.withheld ?? 0) > 0;
      const withheld = noTotal
        ? [['total', time.withheld ?? 0] as [string, number]]
        : answers.filter((answer) => (answer.withheld ?? 0) > 0).map((answer): [string, number] => [answer.by ?? 'total', answer.withheld ?? 0]);
      setShown({ minGroupSize: time.minGroupSize ?? null, withheld, missing, error: null });
    })()
      .catch((error: unknown) => {
        const text = failureText(error);
        if (text) setShown({ minGroupSize: null, withheld: [], missing: [], error: text });
      })
      .finally(() => {
        if (!controller.signal.aborted) setBusy(false);
      });
    return () => controller.abort();
  }, [reader, asked]);

  return (
    <section class="panel" aria-labelledby="overview-title" aria-busy={busy}>
      <h2 id="overview-title">Score, trend and segments</h2>
      {enps && (
        <p class="notice">
          Employee NPS: the receiver shows no group of fewer than {shown.minGroupSize === null ? 'its minimum of' : shown.minGroupSize} answers; smaller
          segments are merged into “(other)”, and smaller periods withheld for anonymity.
        </p>
      )}
      {shown.withheld.map(([grouping, answers]) => (
        <p class="notice" key={grouping}>
          {grouping === 'total' ? 'No score shown' : `By ${grouping}`}: {answers} {answers === 1 ? 'answer' : 'answers'} withheld for anonymity
          {grouping === 'total' ? ', fewer than the minimum group size.' : '.'}
        </p>
      ))}
      {shown.missing.length > 0 && <p class="muted">Not shown, as the receiver does not group them: {shown.missing.join('; ')}.</p>}
      {shown.error && (
        <p class="error" role="alert">
          {shown.error}
        </p>
      )}
      <div ref={host} class="preview" />
    </section>
  );
}
