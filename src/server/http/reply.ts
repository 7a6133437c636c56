/** The receiver's answers: JSON bodies, never cached, errors as `{ "error": reason }`. */

export type Headers = Record<string, string>;

export function json(status: number, value: unknown, headers: Headers = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export const failure = (status: number, reason: string, headers: Headers = {}): Response => json(status, { error: reason }, headers);

export function methodNotAllowed(allow: string, headers: Headers = {}): Response {
  return failure(405, `method not allowed; use ${allow}`, { ...headers, Allow: allow });
}
