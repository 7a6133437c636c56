/**
 * Storage in a PostgreSQL server through node-postgres: the same schema and SQL as PGlite, for
 * answers that must survive a power cut, and for several receivers sharing one database
 * behind a load balancer (the receiver keeps no state of its own).
 */
import type { PoolConfig } from 'pg';
import type { Database, Queryable, Storage } from './database.js';

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: object[] }>;
}

/** The part of a node-postgres Pool the receiver uses (so the package's types need no @types/pg). */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgQueryable & { release(destroy?: boolean): void }>;
  end(): Promise<void>;
  readonly totalCount: number;
}

export type PostgresOptions =
  | {
      /** postgres://user:password@host:5432/database (any form node-postgres takes). */
      connectionString: string;
      /** Connections this receiver opens at most; 10 by default. */
      maxConnections?: number;
    }
  | {
      /** A pool the application already has; the receiver never ends it. */
      pool: PgPool;
    };

const DEFAULT_MAX_CONNECTIONS = 10;

export function postgres(options: PostgresOptions): Storage {
  if ('pool' in options) {
    return { description: 'PostgreSQL (a pool given by the application)', open: async () => wrap(options.pool, false) };
  }
  const { connectionString, maxConnections = DEFAULT_MAX_CONNECTIONS } = options;
  return {
    description: `PostgreSQL at ${describeConnection(connectionString)}`,
    async open() {
      // Loaded here, not at import: importing nps-widget/server stays cheap for PGlite users.
      const { Pool } = await import('pg');
      const config: PoolConfig = { connectionString, max: maxConnections, application_name: 'nps-widget receiver' };
      const pool = new Pool(config);
      // An idle connection that dies (the server restarted) is replaced on the next query; without
      // a listener its error would end the process.
      pool.on('error', (error) => console.warn(`nps-widget: an idle PostgreSQL connection failed (${error.message}); it will be replaced`));
      // Fail at start, with the server's own reason, rather than at the first answer.
      const client = await pool.connect().catch(async (error: Error) => {
        await pool.end();
        throw new Error(`cannot connect to ${describeConnection(connectionString)}: ${error.message}`, { cause: error });
      });
      client.release();
      return wrap(pool as unknown as PgPool, true);
    },
  };
}

/** Whether `value` looks like a node-postgres Pool (passed straight as the storage option). */
export function isPool(value: unknown): value is PgPool {
  const candidate = value as Partial<PgPool> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.connect === 'function' &&
    typeof candidate.query === 'function' &&
    'totalCount' in candidate
  );
}

/** host:port/database, never the password. */
export function describeConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return 'the given connection string';
  }
}

const on =
  (client: PgQueryable): Queryable['query'] =>
  async (text, params = []) =>
    (await client.query(text, [...params])).rows as never;

function wrap(pool: PgPool, owned: boolean): Database {
  return {
    query: on(pool),
    async session(work) {
      const client = await pool.connect();
      try {
        const result = await work({ query: on(client) });
        client.release();
        return result;
      } catch (error) {
        // The connection may be mid-transaction or broken: close it rather than hand it on.
        client.release(true);
        throw error;
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };
}
