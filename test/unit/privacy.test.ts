/**
 * The minimum group size of eNPS results (src/server/privacy.ts): whatever the groups, no figure
 * shown, and no difference between the total and the shown groups, covers fewer than N answers.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OTHER_GROUP, protectSmallGroups, withoutIdentity } from '../../src/server/privacy.js';
import type { NpsResponse } from '../../src/core/payload.js';

const answers = (counts: readonly number[]) => counts.reduce((sum, count) => sum + count, 0);
const sum = (groups: ReadonlyArray<{ counts: number[] }>) =>
  groups.reduce((all, group) => all.map((count, score) => count + (group.counts[score] ?? 0)), Array<number>(11).fill(0));

const groupsOf = fc
  .uniqueArray(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', OTHER_GROUP), counts: fc.array(fc.nat(4), { minLength: 11, maxLength: 11 }) }), {
    selector: (group) => group.key,
    maxLength: 7,
  })
  .map((groups) => [...groups].sort((a, b) => (a.key < b.key ? -1 : 1)));

const counts = (n: number) => [n, ...Array<number>(10).fill(0)];

describe('the minimum group size', () => {
  it('shows no group, and leaves no remainder, of fewer than N answers, and loses no answer it shows', () => {
    fc.assert(
      fc.property(groupsOf, fc.integer({ min: 1, max: 12 }), fc.boolean(), (groups, min, merge) => {
        const total = sum(groups);
        const shown = protectSmallGroups(total, groups, min, merge);
        for (const group of shown.groups) expect(answers(group.counts)).toBeGreaterThanOrEqual(min);
        expect(new Set(shown.groups.map((group) => group.key)).size).toBe(shown.groups.length);
        expect(shown.groups.map((group) => group.key)).toEqual(shown.groups.map((group) => group.key).sort());
        if (answers(total) < min) {
          expect(shown).toEqual({ total: Array(11).fill(0), groups: [], withheld: answers(total) });
          return;
        }
        expect(shown.total).toEqual(total);
        // What the total holds beyond the shown groups is nothing, or at least N answers.
        const remainder = answers(total) - answers(sum(shown.groups));
        expect(remainder === 0 || remainder >= min).toBe(true);
        expect(shown.withheld).toBe(remainder);
        if (merge) expect(remainder).toBe(0);
      }),
      { seed: 5 },
    );
  });

  it('merges small segments into "(other)", taking the smallest shown one along when they are too few', () => {
    const groups = [
      { key: 'legal', counts: counts(1) },
      { key: 'sales', counts: counts(9) },
      { key: 'support', counts: counts(2) },
      { key: 'hr', counts: counts(6) },
    ].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(protectSmallGroups(counts(18), groups, 5, true).groups).toEqual([
      { key: OTHER_GROUP, counts: counts(9) },
      { key: 'sales', counts: counts(9) },
    ]);
    expect(protectSmallGroups(counts(18), groups, 5, false)).toMatchObject({ groups: [{ key: 'sales' }], withheld: 9 });
  });
});

describe('eNPS records as they leave the receiver', () => {
  it('carry no user; NPS records keep theirs', () => {
    const record = { kind: 'enps', user: { id: 'u-1' } } as unknown as NpsResponse;
    expect(withoutIdentity(record)).toEqual({ kind: 'enps', user: null });
    const nps = { kind: 'nps', user: { id: 'u-1' } } as unknown as NpsResponse;
    expect(withoutIdentity(nps)).toBe(nps);
  });
});
