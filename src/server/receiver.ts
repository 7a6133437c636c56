/**
 * createReceiver: the receiver as a fetch-standard handler, `(request) => Promise<Response>`,
 * for a Node server, Hono, a Next.js route handler, Bun or Deno. It opens the storage, brings
 * its schema up to date and settles the read token once, at creation; requests that arrive
 * before that wait for it. It composes: routes are in http/app.ts, SQL in store/.
 */
import { migrate } from './store/migrations.js';
import { isPool, postgres, type PgPool } from './store/postgres.js';
import type { Storage } from './store/database.js';
import { settingOrInsert } from './store/settings.js';
import { setWebhookTargets } from './store/webhooks.js';
import { policyOf, webhookOptionsProblem, type WebhookOptions } from './webhooks/policy.js';
import { startWebhookWorker, type WebhookWorker } from './webhooks/worker.js';
import { createApp, type Connection, type Opened } from './http/app.js';
import { newToken, tokenProblem } from './http/auth.js';
import { widgetFiles } from './http/files.js';
import { originPolicy } from './http/origins.js';
import { createRateLimiter } from './http/rate-limit.js';
import { RETENTION_INTERVAL_MS, RETENTION_SCOPES, scheduleRetention, type RetentionJob, type RetentionScope } from './retention.js';
import { DEFAULT_MIN_GROUP_SIZE } from './privacy.js';

/** POSTs per minute per client address unless told otherwise (see docs/receiver.md). */
export const DEFAULT_RATE_LIMIT = 600;
/** A payload is well under 2 KB; the limit stops accidents and abuse, not answers. */
export const MAX_BODY_BYTES = 64 * 1024;
/** A hundred years: more is a typo, not a policy. */
export const MAX_RETENTION_DAYS = 36_500;

export interface ReceiverOptions {
  /** Where answers are kept: `pglite({ dataDir })`, `postgres({ connectionString })`, or a node-postgres Pool. */
  storage: Storage | PgPool;
  /** The bearer token for reading; without one, a token is generated once and kept in the store. */
  token?: string;
  /** Origins whose pages may post (and read with the token), e.g. https://shop.example; "*" for any. The receiver's own origin always may. */
  allowedOrigins?: readonly string[];
  /** POSTs per minute per client address; 0 for none. */
  rateLimit?: number;
  /**
   * Answers a group of an eNPS survey needs before results show it (default 5): smaller
   * segments are merged into "(other)", smaller periods left out, a smaller total not shown.
   */
  minGroupSize?: number;
  /** Client addresses and scheme from X-Forwarded-For / -Proto: only behind a proxy you run, which sets them. */
  trustProxy?: boolean;
  /** Serve the widget's files (GET /nps-widget.js and the files beside it); true by default. */
  serveWidget?: boolean;
  /**
   * Erase answers older than `days` (scope "all", the default), or only their comment and
   * user ("personal"), at start and every `intervalMs` (an hour by default). See docs/export-and-erasure.md.
   */
  retention?: { days: number; scope?: RetentionScope; intervalMs?: number };
  /** Unexpected errors go here; console.error by default. */
  onError?: (message: string, error: unknown) => void;
  /**
   * POST response.completed and response.detractor events, signed, to these URLs (docs/webhooks.md).
   * Every receiver on one database should be given the same: the last one started decides which URLs get events.
   */
  webhooks?: WebhookOptions;
  /** Lines an operator should see (a webhook delivery given up); console.warn by default. */
  onNotice?: (line: string) => void;
  /** What the receiver has done on its own (a retention run); console.log by default. */
  onLog?: (line: string) => void;
}

export interface Receiver {
  /** The handler. `connection.clientAddress` lets the rate limit tell clients apart. */
  fetch(request: Request, connection?: Connection): Promise<Response>;
  /** Resolves once storage is open and migrated, with the read token; rejects with the reason it could not be. */
  readonly ready: Promise<{ token: string }>;
  /** Closes the storage (a pool given by the application stays open). Finish serving first. */
  close(): Promise<void>;
}

/** Checks every option before anything opens, so a mistake is one clear error at start. */
function checkOptions(options: ReceiverOptions): void {
  if (options.token !== undefined) {
    const problem = tokenProblem(options.token);
    if (problem) throw new RangeError(`token: ${problem}`);
  }
  const rate = options.rateLimit;
  if (rate !== undefined && !(Number.isInteger(rate) && rate >= 0)) {
    throw new RangeError(`rateLimit is ${rate}; expected a whole number of POSTs per minute per client address, 0 for no limit`);
  }
  const retention = options.retention;
  if (retention !== undefined) {
    if (!(Number.isInteger(retention.days) && retention.days >= 1 && retention.days <= MAX_RETENTION_DAYS)) {
      throw new RangeError(`retention.days is ${retention.days}; expected a whole number of days from 1 to ${MAX_RETENTION_DAYS}`);
    }
    if (retention.scope !== undefined && !RETENTION_SCOPES.includes(retention.scope)) {
      throw new RangeError(`retention.scope is ${JSON.stringify(retention.scope)}; expected ${RETENTION_SCOPES.map((scope) => `"${scope}"`).join(' or ')}`);
    }
    const interval = retention.intervalMs;
    if (interval !== undefined && !(Number.isInteger(interval) && interval >= 1))
      throw new RangeError(`retention.intervalMs is ${interval}; expected a whole number of milliseconds`);
  }
  const min = options.minGroupSize;
  if (min !== undefined && !(Number.isInteger(min) && min >= 1)) {
    throw new RangeError(`minGroupSize is ${min}; expected a whole number of answers, at least 1`);
  }
  const webhooks = options.webhooks && webhookOptionsProblem(options.webhooks);
  if (webhooks) throw new RangeError(webhooks);
}

/** Makes the stored webhook targets match the options, and starts delivering when there are any. */
async function startWebhooks(db: Opened['db'], options: ReceiverOptions, report: (message: string, error: unknown) => void): Promise<WebhookWorker | null> {
  const webhooks = options.webhooks;
  const urls = webhooks?.urls ?? [];
  await setWebhookTargets(db, urls);
  if (!webhooks || urls.length === 0) return null;
  const log = options.onNotice ?? ((line: string) => console.warn(line));
  return startWebhookWorker({ db, targets: urls, secret: webhooks.secret, policy: policyOf(webhooks), report, log });
}

export function createReceiver(options: ReceiverOptions): Receiver {
  checkOptions(options);
  const storage = isPool(options.storage) ? postgres({ pool: options.storage }) : options.storage;
  const origins = originPolicy(options.allowedOrigins ?? []);
  const report = options.onError ?? ((message: string, error: unknown) => console.error(`nps-widget receiver: ${message}:`, error));

  let worker: WebhookWorker | null = null;
  const opening: Promise<Opened> = (async () => {
    const db = await storage.open();
    try {
      await migrate(db);
      const token = options.token ?? (await settingOrInsert(db, 'read_token', newToken));
      worker = await startWebhooks(db, options, report);
      return { db, token };
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
  })();
  // Requests see the failure as a 503 with its reason; `ready` tells whoever awaits it.
  opening.catch(() => {});

  const { retention } = options;
  const retaining: Promise<RetentionJob | null> = opening.then(
    ({ db }) =>
      retention === undefined
        ? null
        : scheduleRetention(
            db,
            { days: retention.days, scope: retention.scope ?? 'all' },
            {
              intervalMs: retention.intervalMs ?? RETENTION_INTERVAL_MS,
              now: Date.now,
              log: options.onLog ?? ((line) => console.log(line)),
              report,
            },
          ),
    () => null,
  );

  const app = createApp({
    opened: () => opening,
    origins,
    limiter: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    files: options.serveWidget === false ? null : widgetFiles(),
    trustProxy: options.trustProxy ?? false,
    maxBodyBytes: MAX_BODY_BYTES,
    minGroupSize: options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    now: Date.now,
    report,
  });

  const ready = opening.then(({ token }) => ({ token }));
  ready.catch(() => {});
  return {
    fetch: async (request, connection) => app.fetch(request, connection ?? {}),
    ready,
    async close() {
      await (await retaining)?.stop();
      const opened = await opening.catch(() => null);
      // Before the database closes: cut-short deliveries hand their claims back through it.
      await worker?.stop();
      await opened?.db.close();
    },
  };
}
