/**
 * Segments: what a response is about (touchpoint), how it was asked (survey type), in which
 * language, which kind of NPS, and any metadata key the site sends.
 */

export type FixedDimension = 'touchpoint' | 'surveyType' | 'locale' | 'kind';
/** `metadata.<key>`: a key of the payload's `metadata` object. */
export type Dimension = FixedDimension | `metadata.${string}`;

export const FIXED_DIMENSIONS: readonly FixedDimension[] = ['touchpoint', 'surveyType', 'locale', 'kind'];

/** A response without the field (a relationship survey has no touchpoint) forms a segment of its own. */
export const NO_VALUE = '(none)';

const METADATA = 'metadata.';

const LABELS: Record<FixedDimension, string> = { touchpoint: 'Touchpoint', surveyType: 'Survey type', locale: 'Locale', kind: 'Kind (NPS or eNPS)' };

export const metadataDimension = (key: string): Dimension => `${METADATA}${key}`;

export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && (FIXED_DIMENSIONS.includes(value as FixedDimension) || (value.startsWith(METADATA) && value.length > METADATA.length));
}

export function dimensionLabel(dimension: Dimension): string {
  return dimension.startsWith(METADATA) ? `${dimension.slice(METADATA.length)} (metadata)` : LABELS[dimension as FixedDimension];
}

/** What a value is written as; anything missing or empty is NO_VALUE. */
export function segmentName(value: unknown): string {
  return value === undefined || value === null || value === '' ? NO_VALUE : String(value);
}

/** The segment of `record` along `dimension`. */
export function segmentOf(record: { metadata?: unknown } & Partial<Record<FixedDimension, unknown>>, dimension: Dimension): string {
  if (!dimension.startsWith(METADATA)) return segmentName(record[dimension as FixedDimension]);
  const metadata = record.metadata;
  return segmentName(typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[dimension.slice(METADATA.length)] : undefined);
}
