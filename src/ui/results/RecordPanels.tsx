/**
 * What only raw records can show: the reasons people gave, filtered by category and by the
 * segment chosen under View, and the detractors to follow up with. Tallies have no such panels.
 */
import { useMemo, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../core/category.js';
import type { ResultsAggregate } from '../../core/results/aggregate.js';
import { scaleOf, type Scale } from '../../core/results/scale.js';
import type { Dimension } from '../../core/results/segment.js';
import type { Numbers } from '../numbers.js';
import { CATEGORY_NAMES } from './labels.js';
import { DetractorList, ReasonList } from './Reasons.js';
import { SelectField } from './SelectField.js';

export interface RecordPanelsProps {
  aggregate: ResultsAggregate;
  scale: Scale;
  /** The breakdown chosen under View, and the segment of it looked at alone ('' for all). */
  dimension: Dimension;
  value: string;
  label: string;
  f: Numbers;
}

export function RecordPanels({ aggregate, scale, dimension, value, label, f }: RecordPanelsProps) {
  const [category, setCategory] = useState<Category | ''>('');
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

  return (
    <>
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
        <p class="muted">From {value === '' ? 'all responses' : `the segment ${label}: ${value}`} (change it under View).</p>
        <ReasonList aggregate={aggregate} indexes={reasons} segmentLabel={label} segmentOf={segmentOf} f={f} />
      </section>

      <section class="panel" aria-labelledby="follow-up-title">
        <h3 id="follow-up-title">Follow up with detractors</h3>
        <DetractorList aggregate={aggregate} indexes={detractors} segmentLabel={label} segmentOf={segmentOf} f={f} />
      </section>
    </>
  );
}
