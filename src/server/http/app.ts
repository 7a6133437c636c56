/**
 * The receiver's routes, as a fetch-standard handler: which request goes where, and the rules
 * every route shares (origins, the token, the rate limit, answers when storage is down). It
 * composes; each route's work is a function below or in its own module. Never touches a socket:
 * the Node adapter (cli.ts) or the host application does.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { validateResponse } from '../../core/validate.js';
import { exportStream, EXPORT_TYPES } from '../export.js';
import { mayExport, withoutIdentity } from '../privacy.js';
import { shapeResults } from '../results.js';
import { sqlState, type Database } from '../store/database.js';
import {
  ANY_RESPONSE,
  countEnpsMatching,
  deleteResponse,
  deleteUserResponses,
  listSurveys,
  pageOfResponses,
  refreshStatistics,
  saveResponse,
} from '../store/responses.js';
import { isEnpsSurvey, tallyResponses } from '../store/tallies.js';
import { bearerOf, tokensMatch } from './auth.js';
import { readJsonBody } from './body.js';
import { deliveriesRoute, retryRoute } from './deliveries.js';
import type { WidgetFiles } from './files.js';
import type { OriginPolicy } from './origins.js';
import { encodeCursor } from './cursor.js';
import { parseEraseQuery, parseExportQuery, parseResultsQuery, type ExportQuery } from './query.js';
import type { RateLimiter } from './rate-limit.js';
import { failure, json, methodNotAllowed } from './reply.js';

/** What the adapter knows about the connection a request came on. */
export interface Connection {
  /** The peer's IP address; without it (and without a trusted proxy header) no rate limit applies. */
  clientAddress?: string | undefined;
}

export interface Opened {
  db: Database;
  token: string;
}

export interface AppOptions {
  /** The store and token once migrations ran; rejects when storage could not be opened. */
  opened: () => Promise<Opened>;
  origins: OriginPolicy;
  limiter: RateLimiter;
  files: WidgetFiles | null;
  /** Read the client's address and scheme from X-Forwarded-For / -Proto (behind a proxy you run). */
  trustProxy: boolean;
  maxBodyBytes: number;
  /** Answers a group of an eNPS survey needs to be shown (privacy.ts). */
  minGroupSize: number;
  now: () => number;
  /** Where unexpected errors are reported. */
  report: (message: string, error: unknown) => void;
}

type Env = { Bindings: Connection; Variables: { opened: Opened } };

const EXPORT_PAGE_SIZE = 1000;
/** The build's dashboard page (vite.config.ts, mode dashboard), answered at `/`. */
const DASHBOARD_PAGE = '/dashboard/index.html';
/** What a client hears when storage is down: try again soon (the widget retries 5xx anyway). */
const STORAGE_RETRY_SECONDS = '5';

/** The CORS answer to a preflight: what an allowed page may send here. */
const PREFLIGHT = {
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Max-Age': '86400',
};

export function createApp(options: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const api = ['/responses', '/responses/*', '/results', '/surveys', '/webhooks/*'];
  for (const path of api) app.use(path, crossOrigin(options), opened(options));

  app.post('/responses', (c) => ingest(c, options));
  app.get('/responses', requireToken, (c) => exportResponses(c, options));
  app.get('/results', requireToken, (c) => results(c, options));
  app.delete('/responses', requireToken, (c) => eraseUser(c));
  app.delete('/responses/:id', requireToken, (c) => erase(c));
  app.all('/responses', () => methodNotAllowed('GET, POST, DELETE, OPTIONS'));
  app.all('/responses/:id', () => methodNotAllowed('DELETE, OPTIONS'));
  app.all('/results', () => methodNotAllowed('GET, OPTIONS'));
  app.get('/webhooks/deliveries', requireToken, (c) => deliveriesRoute(c.get('opened').db, new URL(c.req.url).searchParams));
  app.post('/webhooks/deliveries/:id/retry', requireToken, (c) => retryRoute(c.get('opened').db, c.req.param('id') ?? ''));
  app.all('/webhooks/deliveries', () => methodNotAllowed('GET, OPTIONS'));
  app.all('/webhooks/deliveries/:id/retry', () => methodNotAllowed('POST, OPTIONS'));
  app.get('/surveys', requireToken, async (c) => json(200, { surveys: await listSurveys(c.get('opened').db) }));
  app.all('/surveys', () => methodNotAllowed('GET, OPTIONS'));
  // The dashboard (docs/dashboard.md): a page with no data in it; it asks for the token and reads the API above.
  app.on(['GET', 'HEAD'], '/', async (c) => (await options.files?.serve(c.req.raw, DASHBOARD_PAGE)) ?? notFound(c.req.path));

  app.on(['GET', 'HEAD'], '*', async (c) => (await options.files?.serve(c.req.raw, new URL(c.req.url).pathname)) ?? notFound(c.req.path));
  app.all('*', (c) => notFound(c.req.path));
  app.onError((error, c) => {
    if (isStorageFailure(error)) {
      options.report(`storage failed during ${c.req.method} ${c.req.path}`, error);
      return failure(503, `storage unavailable: ${(error as Error).message}`, { 'Retry-After': STORAGE_RETRY_SECONDS });
    }
    options.report(`unexpected error during ${c.req.method} ${c.req.path}`, error);
    return failure(500, 'internal error');
  });
  return app;
}

const notFound = (path: string) =>
  failure(
    404,
    `nothing at ${path}; the receiver answers POST /responses, GET /results, GET /responses, GET /surveys, DELETE /responses/{id}, ` +
      `DELETE /responses?userId=, GET /webhooks/deliveries, POST /webhooks/deliveries/{id}/retry, the dashboard at / and the widget's files`,
  );

/** The origin this receiver is reached at, as a browser on it would send it. */
function ownOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  if (!trustProxy) return url.origin;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? url.host;
  return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host}`;
}

/** The client's address: the peer, or the last hop of X-Forwarded-For (the one the proxy added) behind a trusted proxy. */
export function clientAddressOf(request: Request, connection: Connection | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    const hops = request.headers.get('x-forwarded-for')?.split(',');
    const last = hops?.at(-1)?.trim();
    if (last) return last;
  }
  return connection?.clientAddress ?? null;
}

/**
 * Browsers on allowed origins get the CORS headers they need (the exact origin, so the
 * widget's `credentials: 'include'` works too; Retry-After exposed, so it can honour a 429, and
 * Link, so a dashboard on another origin can page through GET /responses);
 * any other origin gets 403 before anything is read or stored.
 */
function crossOrigin({ origins, trustProxy }: AppOptions): MiddlewareHandler<Env> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.allows(origin, ownOrigin(c.req.raw, trustProxy))) {
      // The page may read the refusal (nothing else): the widget then reports it once and stops
      // retrying, instead of seeing a network error and trying again for days.
      return failure(403, `origin ${origin} is not allowed to use this receiver; start it with --allowed-origin ${origin}`, {
        'Access-Control-Allow-Origin': origin,
        Vary: 'Origin',
      });
    }
    const headers: Record<string, string> =
      origin === undefined
        ? { Vary: 'Origin' }
        : {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Expose-Headers': 'Retry-After, Link',
            Vary: 'Origin',
          };
    if (c.req.method === 'OPTIONS') return new Response(null, { status: 204, headers: { ...headers, ...PREFLIGHT } });
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

/** Waits until storage is open and migrated; 503 with the reason when it could not be. */
function opened({ opened: open }: AppOptions): MiddlewareHandler<Env> {
  return async (c, next) => {
    let value: Opened;
    try {
      value = await open();
    } catch (error) {
      return failure(503, `storage unavailable: ${(error as Error).message}`, { 'Retry-After': STORAGE_RETRY_SECONDS });
    }
    c.set('opened', value);
    await next();
  };
}

const requireToken: MiddlewareHandler<Env> = async (c, next) => {
  if (!tokensMatch(bearerOf(c.req.raw), c.get('opened').token)) {
    return failure(401, 'send the read token as Authorization: Bearer TOKEN (printed when the receiver starts)', {
      'WWW-Authenticate': 'Bearer realm="nps-widget"',
    });
  }
  await next();
};

/** POST /responses: one delivery of payload v1. 201 first delivery, 200 a repeat; 2xx only once committed. */
async function ingest(c: Context<Env>, options: AppOptions): Promise<Response> {
  const address = clientAddressOf(c.req.raw, c.env, options.trustProxy);
  if (address !== null) {
    const verdict = options.limiter.take(address, options.now());
    if (!verdict.ok) {
      return failure(429, `too many answers from ${address}; try again in ${verdict.retryAfterSeconds} s`, {
        'Retry-After': String(verdict.retryAfterSeconds),
      });
    }
  }
  const body = await readJsonBody(c.req.raw, options.maxBodyBytes);
  if (!body.ok) return failure(body.status, body.reason);
  const checked = validateResponse(body.value);
  if (!checked.ok) return failure(400, checked.reason);
  const outcome = await saveResponse(c.get('opened').db, checked.response);
  return json(outcome === 'created' ? 201 : 200, { ok: true, id: checked.response.id, outcome });
}

/** GET /results: tallies of one survey, in total and per group, counted by the database. */
async function results(c: Context<Env>, { minGroupSize }: AppOptions): Promise<Response> {
  const query = parseResultsQuery(new URL(c.req.url).searchParams);
  if (!query.ok) return failure(400, query.reason);
  const { surveyId, span, grouping } = query.value;
  const { db } = c.get('opened');
  const rows = await zoneChecked(span.timeZone, () => tallyResponses(db, surveyId, span, grouping));
  if (rows instanceof Response) return rows;
  const shaped = shapeResults(query.value, rows, (await isEnpsSurvey(db, surveyId)) ? minGroupSize : null);
  return shaped.ok ? json(200, shaped.value) : failure(400, shaped.reason);
}

/**
 * Runs a query that reads local times in `timeZone`: Intl and the database each know IANA
 * zones, and one may lack a zone the other has. That is the client's 400, not a 503.
 */
async function zoneChecked<T>(timeZone: string, query: () => Promise<T>): Promise<T | Response> {
  try {
    return await query();
  } catch (error) {
    if (sqlState(error) === '22023') return failure(400, `timeZone "${timeZone}" is not known to the database; pick another name for the same zone`);
    throw error;
  }
}

/**
 * GET /responses: the stored records that pass the filters, streamed page by page. With
 * `limit`, one page of at most that many and, when more remain, `Link: <...>; rel="next"`
 * carrying the cursor after its last record.
 */
async function exportResponses(c: Context<Env>, { minGroupSize }: AppOptions): Promise<Response> {
  const url = new URL(c.req.url);
  const query = parseExportQuery(url.searchParams);
  if (!query.ok) return failure(400, query.reason);
  const { filter, order, limit, cursor, format } = query.value;
  const { db } = c.get('opened');
  // Once, before the pages: keyset pages walk the index only when the planner knows the table's size.
  await refreshStatistics(db);
  // Employee NPS: one survey's span with fewer eNPS answers than a group needs is a group small enough
  // to single someone out. Category, consent and comment filters pick reasons, not people, and stay
  // allowed; so does an export of every survey (the operator's copy), without `user` as always.
  const inSpan = { ...ANY_RESPONSE, surveyId: filter.surveyId, span: filter.span };
  const enps = filter.surveyId === null ? 0 : await zoneChecked(filter.span.timeZone, () => countEnpsMatching(db, inSpan, minGroupSize));
  if (enps instanceof Response) return enps;
  if (enps > 0 && !mayExport(enps, minGroupSize)) {
    return failure(
      403,
      `this span holds ${enps} eNPS answers, fewer than the minimum group size of ${minGroupSize} (--min-group-size): withheld so that no one can be singled out`,
    );
  }
  const pageAfter = (after: ExportQuery['cursor'], size: number) => pageOfResponses(db, filter, order, after, size);
  // The first page is read before answering, so a database that is down gives a 503, not a cut stream.
  const read = await zoneChecked(filter.span.timeZone, () => pageAfter(cursor, limit ?? EXPORT_PAGE_SIZE));
  if (read instanceof Response) return read;
  const first = read;
  async function* pages() {
    // eNPS records leave without `user`, whatever the site sent (docs/receiver.md, "Employee NPS").
    yield first.records.map(withoutIdentity);
    let next = limit === null ? first.next : null;
    while (next !== null) {
      const page = await pageAfter(next, EXPORT_PAGE_SIZE);
      yield page.records.map(withoutIdentity);
      next = page.next;
    }
  }
  const headers: Record<string, string> = { 'Content-Type': EXPORT_TYPES[format], 'Cache-Control': 'no-store' };
  if (format === 'csv')
    headers['Content-Disposition'] = `attachment; filename="nps-responses${filter.surveyId ? `-${filter.surveyId.replace(/[^\w.-]+/g, '_')}` : ''}.csv"`;
  if (limit !== null && first.next !== null) {
    url.searchParams.set('cursor', encodeCursor(first.next));
    // Origin-relative: right behind a proxy too, which the request's own host may not be.
    headers['Link'] = `<${url.pathname}${url.search}>; rel="next"`;
  }
  return new Response(exportStream(format, pages()), { status: 200, headers });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** DELETE /responses/{id}: erases one response (a respondent's request, say). */
async function erase(c: Context<Env>): Promise<Response> {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) return failure(400, `id ${JSON.stringify(id)} is not a UUID; response ids are UUIDs`);
  const deleted = await deleteResponse(c.get('opened').db, id.toLowerCase());
  return deleted === 0 ? json(404, { error: `no response with id ${id}`, deleted: 0 }) : json(200, { deleted });
}

/**
 * DELETE /responses?userId=ID: erases every response of one person (the right to be
 * forgotten), all in one transaction. Always 200 with the count: 0 means nothing was left.
 */
async function eraseUser(c: Context<Env>): Promise<Response> {
  const userId = parseEraseQuery(new URL(c.req.url).searchParams);
  if (!userId.ok) return failure(400, userId.reason);
  return json(200, { deleted: await deleteUserResponses(c.get('opened').db, userId.value) });
}

/** Errors from the database or the connection to it, as opposed to bugs: anything carrying a SQLSTATE or a socket error code. */
function isStorageFailure(error: unknown): boolean {
  if (sqlState(error) !== null) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
