/** The results preview: a score, how far to trust it, and where it comes from. Renders only. */
import type { ComponentChildren } from 'preact';
import { CATEGORIES, categoryOf, MAX_SCORE, type Category } from '../core/category.js';
import type { NpsResult } from '../core/nps.js';
import { moreResponses } from '../core/results/sample-size.js';
import { scaleLabel, STANDARD_SCALE, type Scale } from '../core/results/scale.js';
import { Interval, numbersFor, plural, Signed, type Numbers } from './numbers.js';

export interface PreviewProps {
  result: NpsResult;
  title?: string | undefined;
  /** Writes numbers as this locale does (digits, grouping, decimals), like the survey's scale. */
  locale?: string | undefined;
  /** The answers' scale; off 0-10 the score is labelled non-standard and no 0-10 ranges are shown. */
  scale?: Scale | undefined;
}

/** Above this margin of error (points) the score is flagged as not to be trusted yet. */
export const TRUSTED_MARGIN = 10;

const SCORES = Array.from({ length: MAX_SCORE + 1 }, (_, score) => score);
const NAMES: Record<Category, string> = { detractor: 'Detractors', passive: 'Passives', promoter: 'Promoters' };
const BAR_HEIGHT = 80;

/** "0–6": derived from categoryOf so the rule stays in one place. */
function rangeOf(category: Category, f: Numbers): string {
  const scores = SCORES.filter((score) => categoryOf(score) === category);
  return `${f.whole(scores[0] ?? 0)}–${f.whole(scores[scores.length - 1] ?? 0)}`;
}

function TooFewNote({ result, interval, f }: { result: NpsResult; interval: [number, number]; f: Numbers }) {
  const { more } = moreResponses(result, TRUSTED_MARGIN);
  return (
    <p class="note">
      Too few responses to trust this score: with {plural(result.total, 'response', f)} the true score could be anywhere from{' '}
      <Interval interval={interval} f={f} />. About {f.whole(more)} more would bring the margin to ±{f.whole(TRUSTED_MARGIN)} points.
    </p>
  );
}

function Shares({ result, f, standard }: { result: NpsResult; f: Numbers; standard: boolean }) {
  const percent = (category: Category) => result[`${category}Percent` as const] ?? 0;
  return (
    <>
      <div class="stack" aria-hidden="true">
        {CATEGORIES.map((category) => (
          <i key={category} class={category} style={{ width: `${percent(category)}%` }} />
        ))}
      </div>
      <ul class="legend">
        {CATEGORIES.map((category) => (
          <li key={category}>
            <i class={category} />
            {NAMES[category]}
            {standard && ` (${rangeOf(category, f)})`}: <b>{f.whole(Math.round(percent(category)))}%</b> ({f.whole(result[`${category}s` as const])})
          </li>
        ))}
      </ul>
    </>
  );
}

function Histogram({ distribution, f }: { distribution: readonly number[]; f: Numbers }) {
  const tallest = Math.max(1, ...distribution);
  // Rounded up so that a single response among thousands still shows as a bar.
  return (
    <>
      <p class="caption" aria-hidden="true">
        Responses by score
      </p>
      <div class="histogram" aria-hidden="true">
        {distribution.map((count, score) => (
          <div key={score} class="column">
            <span>{f.whole(count)}</span>
            <i class={categoryOf(score)} style={{ height: `${Math.ceil((BAR_HEIGHT * count) / tallest)}px` }} />
            <span>{f.whole(score)}</span>
          </div>
        ))}
      </div>
      <table class="sr">
        <caption>Responses by score</caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Responses</th>
            <th scope="col">Category</th>
          </tr>
        </thead>
        <tbody>
          {distribution.map((count, score) => (
            <tr key={score}>
              <th scope="row">{f.whole(score)}</th>
              <td>{f.whole(count)}</td>
              <td>{NAMES[categoryOf(score)]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Card({ title, children }: { title?: string | undefined; children: ComponentChildren }) {
  return (
    // The text is English whatever the host page's language, so screen readers pronounce it right.
    <section class="card" lang="en">
      {title && <h2>{title}</h2>}
      {children}
    </section>
  );
}

export function Preview({ result, title, locale, scale = STANDARD_SCALE }: PreviewProps) {
  const { rounded, marginOfError, interval } = result;
  const f = numbersFor(locale);
  if (rounded === null || marginOfError === null || interval === null) {
    return (
      <Card title={title}>
        <p class="empty">No responses yet</p>
      </Card>
    );
  }
  return (
    <Card title={title}>
      <p class="headline">
        <span class="label">{scaleLabel(scale)}</span>
        <strong class="score">
          <Signed value={rounded} f={f} />
        </strong>
        <span class="margin">±{f.oneDecimal(marginOfError)} points</span>
      </p>
      <p class="muted">
        95% interval <Interval interval={interval} f={f} /> · {plural(result.total, 'response', f)}
      </p>
      {marginOfError > TRUSTED_MARGIN && <TooFewNote result={result} interval={interval} f={f} />}
      <Shares result={result} f={f} standard={scale === STANDARD_SCALE} />
      {result.distribution && <Histogram distribution={result.distribution} f={f} />}
    </Card>
  );
}

/** Shown instead of the preview when its input could not be read. */
export function PreviewError({ title, message }: { title?: string | undefined; message: string }) {
  return (
    <Card title={title}>
      <p class="error">Cannot show this preview: {message}</p>
    </Card>
  );
}
