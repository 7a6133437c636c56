/**
 * Reads a delivery's body: at most `limit` bytes, as JSON sent as text/plain (the widget's
 * CORS-simple request), application/json or with no type, in UTF-8. Every way a body can be
 * wrong ends in a status and a reason, never an exception.
 */

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; reason: string };

const JSON_TYPES = new Set(['', 'text/plain', 'application/json']);

/** What to say about a Content-Type, or null when the body may be read. */
export function contentTypeProblem(header: string | null): string | null {
  const [mediaType = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (!JSON_TYPES.has(mediaType) && !mediaType.endsWith('+json')) {
    return `content type "${mediaType}" is not supported; send the JSON as text/plain or application/json`;
  }
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return `charset "${charset}" is not supported; send UTF-8`;
  return null;
}

const tooLarge = (limit: number): BodyResult => ({ ok: false, status: 413, reason: `body is larger than ${limit} bytes` });

/** Bytes read past the limit before giving up on a client: enough for it to finish sending and read the 413. */
const DRAIN_FACTOR = 16;

export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const problem = contentTypeProblem(request.headers.get('content-type'));
  if (problem) return { ok: false, status: 415, reason: problem };
  const length = request.headers.get('content-length');
  const declared = length === null ? Number.NaN : Number(length);
  if (declared > limit) return tooLarge(limit);

  // With a declared length within the limit the body cannot grow past it (the HTTP parser holds
  // it to that length), so it is read whole: on Node that skips web streams, a third of the
  // time a delivery takes. Without one (chunked), it is counted as it streams.
  const bytes = Number.isSafeInteger(declared) ? await readWhole(request) : await readAtMost(request, limit);
  if (bytes === TOO_LARGE) return tooLarge(limit);
  if (bytes === CUT_SHORT) return { ok: false, status: 400, reason: 'the body ended before its end (the connection closed)' };
  if (bytes.length === 0) return { ok: false, status: 400, reason: 'body is empty; send one payload v1 response as JSON' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, reason: 'body is not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, status: 400, reason: `body is not valid JSON (${(error as Error).message})` };
  }
}

const TOO_LARGE = Symbol('too large');
/** The client went away mid-body: nothing was stored, and nobody reads the answer. */
const CUT_SHORT = Symbol('cut short');
type Read = Uint8Array | typeof TOO_LARGE | typeof CUT_SHORT;

async function readWhole(request: Request): Promise<Read> {
  try {
    return new Uint8Array(await request.arrayBuffer());
  } catch {
    return CUT_SHORT;
  }
}

/**
 * The body's bytes, counted as they stream, TOO_LARGE once past `limit`: the rest is read and
 * dropped for a while, so the client gets to read the 413 instead of a reset connection, then
 * the stream is cancelled.
 */
async function readAtMost(request: Request, limit: number): Promise<Read> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size <= limit) chunks.push(value);
      else if (size > limit * DRAIN_FACTOR) {
        await reader.cancel();
        return TOO_LARGE;
      }
    }
  } catch {
    return CUT_SHORT;
  }
  if (size > limit) return TOO_LARGE;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
