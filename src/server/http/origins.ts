/**
 * Which browser origins may post answers (and read with a token): the receiver's own origin
 * always, those listed, or any when the list holds "*". A request without an Origin header is
 * not a cross-origin browser request (a server, curl) and is let through: CORS restrains
 * browsers, not clients that could send any header they like.
 */

export interface OriginPolicy {
  /** The origins listed, normalised ("https://shop.example"), or ['*']. */
  readonly listed: readonly string[];
  allows(origin: string, ownOrigin: string): boolean;
}

/** Normalises each entry to an origin; throws naming an entry that is none. */
export function originPolicy(entries: readonly string[]): OriginPolicy {
  const listed = entries
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(normaliseOrigin);
  const any = listed.includes('*');
  const set = new Set(listed);
  return {
    listed: any ? ['*'] : [...set],
    allows: (origin, ownOrigin) => any || origin === ownOrigin || set.has(origin),
  };
}

function normaliseOrigin(entry: string): string {
  if (entry === '*') return entry;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new RangeError(`allowed origin ${JSON.stringify(entry)} is not an origin; expected one like https://shop.example (scheme, host and any port), or *`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`allowed origin ${JSON.stringify(entry)} must be http: or https:`);
  if (url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new RangeError(`allowed origin ${JSON.stringify(entry)} has more than an origin; give scheme, host and port only (${url.origin})`);
  }
  return url.origin;
}
