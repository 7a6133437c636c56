/**
 * Closing the loop: detractors and passives who agreed to be contacted, newest first, with
 * their comment and who they are (`user`, as the site sent it). GET /responses with
 * category=detractor,passive and consent=true: the receiver picks them, at any volume.
 */
import type { NpsResponse } from '../core/payload.js';
import { plural, type Numbers } from '../ui/numbers.js';
import { CATEGORY_NAMES, timeLabel } from '../ui/results/labels.js';
import type { Asked } from './Overview.js';
import type { Reader } from './reader.js';
import { listParams, MoreButton } from './Reasons.js';
import { usePages } from './usePages.js';

function who(record: NpsResponse): string {
  if (!record.user) return 'not given';
  return Object.entries(record.user)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

export function ClosedLoop({ reader, asked, f }: { reader: Reader; asked: Asked; f: Numbers }) {
  const list = usePages<NpsResponse>(reader, 'responses', { ...listParams(asked), category: 'detractor,passive', consent: 'true' });
  return (
    <section class="panel" aria-labelledby="loop-title">
      <h2 id="loop-title">Closing the loop</h2>
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      <p class="muted" role="status">
        {list.busy
          ? 'Reading…'
          : list.items.length === 0
            ? 'No detractor or passive agreed to be contacted in this span.'
            : `${plural(list.items.length, 'person', f).replace(/persons$/, 'people')} to contact shown, newest first.`}
      </p>
      {list.items.length > 0 && (
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="loop-caption">
          <table class="data">
            <caption id="loop-caption">Detractors and passives who agreed to be contacted, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Score</th>
                <th scope="col">Comment</th>
                <th scope="col">Who</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((record) => (
                <tr key={record.id}>
                  <td>{timeLabel(Date.parse(record.createdAt), asked.timeZone)}</td>
                  <td>
                    {f.whole(record.score)} · {CATEGORY_NAMES[record.category]}
                  </td>
                  <td>{record.comment ?? '–'}</td>
                  <td>{who(record)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MoreButton more={list.more} busy={list.busy} onMore={list.loadMore} what="people to contact" />
    </section>
  );
}
