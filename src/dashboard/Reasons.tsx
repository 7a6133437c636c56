/**
 * The reasons: comments per category, newest first, with a search (GET /responses with
 * comment=true, category= and q=; the receiver searches, so every stored comment is found, not
 * only those on screen). For an eNPS survey a comment is not shown with its segment, so that
 * a small team's comment cannot be told apart.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Category } from '../core/category.js';
import type { NpsResponse } from '../core/payload.js';
import { plural, type Numbers } from '../ui/numbers.js';
import { CATEGORY_NAMES, timeLabel } from '../ui/results/labels.js';
import type { Asked } from './Overview.js';
import type { Reader } from './reader.js';
import { usePages } from './usePages.js';

/** Comments per page; "Show more" reads the next. */
export const PAGE_SIZE = 20;
/** The search waits for a pause in typing. */
const SEARCH_DELAY_MS = 250;

const CATEGORIES: ReadonlyArray<[Category | '', string]> = [
  ['', 'All categories'],
  ['detractor', 'Detractors (0-6)'],
  ['passive', 'Passives (7-8)'],
  ['promoter', 'Promoters (9-10)'],
];

/** The common query of the comment lists: one survey over the span shown, newest first. */
export const listParams = ({ surveyId, span }: Asked) => ({ surveyId, from: span.from, to: span.to, order: 'newest', limit: String(PAGE_SIZE) });

export function MoreButton({ more, busy, onMore, what }: { more: boolean; busy: boolean; onMore(): void; what: string }) {
  if (!more) return null;
  return (
    <button type="button" disabled={busy} onClick={onMore}>
      Show more {what}
    </button>
  );
}

export function Reasons({ reader, asked, enps, f }: { reader: Reader; asked: Asked; enps: boolean; f: Numbers }) {
  const [category, setCategory] = useState<Category | ''>('');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const list = usePages<NpsResponse>(reader, 'responses', { ...listParams(asked), comment: 'true', category, q: search });

  return (
    <section class="panel" aria-labelledby="reasons-title">
      <h2 id="reasons-title">Reasons</h2>
      <form role="search" class="fields" aria-label="Comments" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="reasons-category">Category</label>
          <select id="reasons-category" value={category} onChange={(event) => setCategory(event.currentTarget.value as Category | '')}>
            {CATEGORIES.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="reasons-search">Search the comments</label>
          <input id="reasons-search" type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
      </form>
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      <p class="muted" role="status">
        {list.busy ? 'Reading comments…' : list.items.length === 0 ? 'No comments match.' : `${plural(list.items.length, 'comment', f)} shown, newest first.`}
      </p>
      <ul class="reasons" aria-busy={list.busy}>
        {list.items.map((record) => (
          <li key={record.id}>
            <span class={`badge ${record.category}`}>
              {f.whole(record.score)} · {CATEGORY_NAMES[record.category]}
            </span>
            <q>{record.comment}</q>
            <span class="muted">
              {timeLabel(Date.parse(record.createdAt), asked.timeZone)}
              {!enps && record.touchpoint ? ` · ${record.touchpoint}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <MoreButton more={list.more} busy={list.busy} onMore={list.loadMore} what="comments" />
    </section>
  );
}
