/**
 * Retention (`--retention-days N`): answers created more than N days ago are erased (scope
 * `all`), or lose only their `comment` and `user` (scope `personal`: the scores still count).
 * A job runs at start and then every hour. Several receivers may share one PostgreSQL: each
 * run takes an advisory lock without waiting, so one receiver works and the others skip that
 * round; the work goes in batches of one statement each, so no transaction is long and a run
 * cut short is finished by the next. It decides when and how much; the SQL is in store/.
 */
import type { Database } from './store/database.js';
import { retentionBatch } from './store/responses.js';

export type RetentionScope = 'all' | 'personal';
export const RETENTION_SCOPES: readonly RetentionScope[] = ['all', 'personal'];

export interface Retention {
  /** Answers whose createdAt is more than this many days before now. */
  days: number;
  scope: RetentionScope;
}

export const RETENTION_INTERVAL_MS = 3_600_000;
/** Rows per statement: a few milliseconds of locks each, and a run of a million old rows still ends in seconds. */
export const RETENTION_BATCH = 1000;
/** An arbitrary constant (the migration lock's neighbour): the advisory lock of a retention run. */
const RETENTION_LOCK = 7_236_915_302;
const DAY_MS = 86_400_000;

export interface RetentionRun {
  /** Responses erased or stripped; null when another receiver was running it. */
  changed: number | null;
  /** The cut-off: answers created before it were concerned. */
  before: Date;
}

/** One run: every batch until none is left (or `signal` asks to stop between two). */
export async function applyRetention(
  db: Database,
  { days, scope }: Retention,
  now: number,
  { batch = RETENTION_BATCH, signal }: { batch?: number; signal?: AbortSignal } = {},
): Promise<RetentionRun> {
  const before = new Date(now - days * DAY_MS);
  const changed = await db.session(async (connection) => {
    const [lock] = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RETENTION_LOCK]);
    if (!lock?.locked) return null;
    try {
      let total = 0;
      for (;;) {
        const count = await retentionBatch(connection, scope, before, batch);
        total += count;
        if (count < batch || signal?.aborted) return total;
      }
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
    }
  });
  return { changed, before };
}

export function describeRun({ days, scope }: Retention, { changed, before }: RetentionRun): string {
  const what = scope === 'all' ? `erased ${changed} responses` : `removed comment and user from ${changed} responses`;
  return `retention: ${what} created before ${before.toISOString()} (older than ${days} days)`;
}

export interface RetentionJob {
  /** Stops the schedule and waits for a run in progress (it stops after its current batch). */
  stop(): Promise<void>;
}

export interface RetentionSchedule {
  intervalMs: number;
  now: () => number;
  log: (line: string) => void;
  report: (message: string, error: unknown) => void;
}

/** Runs at once and then every `intervalMs`; a run still going when the next is due makes that one skip. */
export function scheduleRetention(db: Database, retention: Retention, { intervalMs, now, log, report }: RetentionSchedule): RetentionJob {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  const run = () => {
    if (running || stopping.signal.aborted) return;
    running = applyRetention(db, retention, now(), { signal: stopping.signal })
      .then(
        (result) => {
          if (result.changed !== null) log(describeRun(retention, result));
        },
        (error: unknown) => report('retention run failed (the next one retries)', error),
      )
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  // The schedule alone never keeps the process alive.
  timer.unref();
  return {
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
