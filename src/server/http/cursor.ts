/**
 * The `cursor` of GET /responses: where the last page ended, opaque to clients (base64url of
 * the last record's createdAt to the microsecond and its id). Pure. A cursor is a position, not
 * a snapshot: the filters travel in the query string beside it.
 */
import type { PageCursor } from '../store/responses.js';

const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor({ createdAt, id }: PageCursor): string {
  return btoa(`${createdAt} ${id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The position a cursor names, or null when it is not one this receiver wrote. */
export function decodeCursor(text: string): PageCursor | null {
  let decoded: string;
  try {
    decoded = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
  const match = POSITION.exec(decoded);
  if (!match) return null;
  const createdAt = match[1] as string;
  // A time that exists (the database would refuse February 30th with an error, not an answer).
  const ms = Date.parse(createdAt);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== createdAt.slice(0, 19)) return null;
  return { createdAt, id: match[2] as string };
}
