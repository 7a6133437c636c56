/**
 * The dashboard's only way to data: GETs of the receiver's API with the bearer token, at URLs
 * relative to the page (the receiver serves the dashboard at its root; a site may mount both
 * under a path, as the demo does). It never stores the token (token.ts does) and never
 * computes a figure.
 */

/** The receiver refused the token: the dashboard forgets it and asks again. */
export class TokenRefused extends Error {
  constructor() {
    super('the receiver did not accept this token');
    this.name = 'TokenRefused';
  }
}

/** One page of an answer, and where the next one is (the `Link: <...>; rel="next"` header), if any. */
export interface Page<T> {
  body: T;
  next: string | null;
}

export type Params = Record<string, string | null | undefined>;

/** `path?params` relative to the page, leaving out the parameters without a value. */
export function apiUrl(path: string, params: Params = {}): string {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, value);
  return url.href;
}

/** The `rel="next"` target of a Link header, resolved against the answer's URL. */
export function nextLink(header: string | null, base: string): string | null {
  for (const part of header?.split(',') ?? []) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?next"?/i.test(match[2] ?? '')) return new URL(match[1] ?? '', base).href;
  }
  return null;
}

/** GET `url` with the token; the JSON body and the next page. A 401 throws TokenRefused; any other failure, the receiver's reason. */
export async function readPage<T>(token: string, url: string, signal?: AbortSignal): Promise<Page<T>> {
  const answer = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, cache: 'no-store', signal: signal ?? null });
  if (answer.status === 401) throw new TokenRefused();
  if (!answer.ok) {
    const reason = ((await answer.json().catch(() => ({}))) as { error?: string }).error;
    throw new Error(`${new URL(url).pathname} answered ${answer.status}${reason ? `: ${reason}` : ''}`);
  }
  return { body: (await answer.json()) as T, next: nextLink(answer.headers.get('link'), answer.url || url) };
}

export const readApi = async <T>(token: string, path: string, params: Params = {}, signal?: AbortSignal): Promise<T> =>
  (await readPage<T>(token, apiUrl(path, params), signal)).body;
