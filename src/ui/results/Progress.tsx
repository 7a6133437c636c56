/** Shown while a large input is being counted, once that takes longer than a moment. */
import type { Numbers } from '../numbers.js';

export function Progress({ done, total, f }: { done: number; total: number; f: Numbers }) {
  const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
  return (
    <section class="card" lang="en">
      <p id="progress-label">Counting responses…</p>
      <div
        class="progress"
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${f.whole(done)} of ${f.whole(total)} responses`}
      >
        <i style={{ width: `${percent}%` }} />
      </div>
      <p class="muted">
        {f.whole(done)} of {f.whole(total)}
      </p>
    </section>
  );
}
