/** "How many more responses" for a chosen margin of error, in words. */
import type { NpsResult } from '../../core/nps.js';
import { moreResponses } from '../../core/results/sample-size.js';
import { plural, type Numbers } from '../numbers.js';
import { SelectField } from './SelectField.js';

export const MARGINS = [1, 2, 3, 5, 10];

export function MoreResponses({ result, margin, onMargin, f }: { result: NpsResult; margin: number; onMargin(margin: number): void; f: Numbers }) {
  const more = moreResponses(result, margin);
  const margins = MARGINS.includes(margin) ? MARGINS : [...MARGINS, margin].sort((a, b) => a - b);
  const target = `±${f.whole(margin)} points`;
  return (
    <section class="panel" aria-labelledby="more-title">
      <h3 id="more-title">How many more responses</h3>
      <SelectField
        id="field-margin"
        label="Margin of error wanted (95%)"
        value={String(margin)}
        onChange={(chosen) => onMargin(Number(chosen))}
        options={margins.map((m) => [String(m), `±${f.whole(m)} points`] as const)}
      />
      <p class="answer" aria-live="polite">
        {result.total === 0
          ? `For ${target}: about ${plural(more.worstCase, 'response', f)}, judged by the worst case, as there are no answers yet to judge the spread by.`
          : more.more === 0
            ? `Already within ${target}: the margin is ±${f.oneDecimal(result.marginOfError ?? 0)} with ${plural(result.total, 'response', f)}.`
            : `For ${target}: about ${plural(more.needed, 'response', f)} in all, so ${f.whole(more.more)} more than the ${f.whole(result.total)} so far, judged by how the answers have spread; ` +
              `${f.whole(more.worstCaseMore)} more in the worst case.`}
      </p>
    </section>
  );
}
