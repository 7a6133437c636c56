/**
 * Segments: what a response is about (touchpoint), how it was asked (survey type), in which
 * language, which kind of NPS, any metadata key the site sends, and (in a receiver's tallies)
 * any key of the respondent's `user` object.
 */

export type FixedDimension = 'touchpoint' | 'surveyType' | 'locale' | 'kind';
/** `metadata.<key>`: a key of the payload's `metadata` object; `user.<key>`: of its `user` object. */
export type Dimension = FixedDimension | `metadata.${string}` | `user.${string}`;

export const FIXED_DIMENSIONS: readonly FixedDimension[] = ['touchpoint', 'surveyType', 'locale', 'kind'];

/** A response without the field (a relationship survey has no touchpoint) forms a segment of its own. */
export const NO_VALUE = '(none)';

/** The objects whose keys are dimensions of their own, and how a key of each is labelled. */
const NESTED = { metadata: 'metadata', user: 'user' } as const;
type Nested = keyof typeof NESTED;

const LABELS: Record<FixedDimension, string> = { touchpoint: 'Touchpoint', surveyType: 'Survey type', locale: 'Locale', kind: 'Kind (NPS or eNPS)' };

export const metadataDimension = (key: string): Dimension => `metadata.${key}`;

/** The nested object and key of a `metadata.<key>` or `user.<key>` dimension; null for a fixed one. */
function nestedKey(dimension: string): [object: Nested, key: string] | null {
  const dot = dimension.indexOf('.');
  const object = dimension.slice(0, dot);
  return dot > 0 && dot < dimension.length - 1 && object in NESTED ? [object as Nested, dimension.slice(dot + 1)] : null;
}

export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && (FIXED_DIMENSIONS.includes(value as FixedDimension) || nestedKey(value) !== null);
}

export function dimensionLabel(dimension: Dimension): string {
  const nested = nestedKey(dimension);
  return nested ? `${nested[1]} (${NESTED[nested[0]]})` : LABELS[dimension as FixedDimension];
}

/** What a value is written as; anything missing or empty is NO_VALUE. */
export function segmentName(value: unknown): string {
  return value === undefined || value === null || value === '' ? NO_VALUE : String(value);
}

/** The segment of `record` along `dimension`. */
export function segmentOf(record: Partial<Record<FixedDimension | Nested, unknown>>, dimension: Dimension): string {
  const nested = nestedKey(dimension);
  if (!nested) return segmentName(record[dimension as FixedDimension]);
  const object = record[nested[0]];
  return segmentName(typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[nested[1]] : undefined);
}

/** Segment values with their answer counts, most answers first (ties by value), without empty ones. */
export function bySize(counted: Iterable<readonly [value: string, answers: number]>): string[] {
  return [...counted]
    .filter(([, answers]) => answers > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([value]) => value);
}
