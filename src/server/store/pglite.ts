/**
 * Storage in PGlite: PostgreSQL compiled to WebAssembly, running in this process on a data
 * folder (or in memory). Nothing to install or run beside the receiver; the same SQL as a
 * PostgreSQL server. One process at a time may open a folder: a lock file in it says who has it.
 *
 * Durability: PGlite writes each commit to the operating system before the query returns, so
 * an answer acknowledged with 2xx survives the receiver being killed; it does not fsync, so a
 * power cut or an operating-system crash can lose the last moments. PostgreSQL (postgres.ts)
 * is the store for that guarantee.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable, Storage } from './database.js';
import { lockFolder } from './folder-lock.js';

export interface PgliteOptions {
  /** The data folder; created on first use. Without one, the data lives in memory and is gone at close. */
  dataDir?: string;
}

/** PGlite's marker that a folder holds a database; a folder with other files and without it is someone else's. */
const DATABASE_MARKER = 'PG_VERSION';
export const LOCK_FILE = 'nps-receiver.lock';

export function pglite({ dataDir }: PgliteOptions = {}): Storage {
  return {
    description: dataDir === undefined ? 'PGlite in memory' : `PGlite in ${dataDir}`,
    async open() {
      const folder = dataDir === undefined ? null : resolve(dataDir);
      if (folder !== null) checkFolder(folder);
      const release = folder === null ? () => {} : lockFolder(folder, LOCK_FILE);
      try {
        // Loaded here, not at import: importing nps-widget/server stays cheap for PostgreSQL users.
        const { PGlite } = await import('@electric-sql/pglite');
        if (folder !== null && !existsSync(join(folder, DATABASE_MARKER))) await createInWorker(folder);
        const db = await PGlite.create(folder ?? 'memory://');
        return wrap(db, release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/**
 * Creates the database (initdb) in a worker thread that ends with it: creating one leaves about
 * 400 MB of WebAssembly memory that the database, once opened, never needs, and only a thread's
 * end gives it back at once (RSS 800 MB when created in place, 300-400 MB this way).
 */
function createInWorker(folder: string): Promise<void> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module)
      .then(async ({ PGlite }) => (await PGlite.create(workerData.folder)).close())
      .then(() => parentPort.postMessage(null), (error) => parentPort.postMessage(String(error && error.message || error)));`;
  const worker = new Worker(source, { eval: true, workerData: { folder, module: import.meta.resolve('@electric-sql/pglite') } });
  return new Promise((done, fail) => {
    worker.once('message', (problem: string | null) => {
      void worker.terminate();
      if (problem === null) done();
      else fail(new Error(`could not create a database in ${folder}: ${problem}`));
    });
    worker.once('error', fail);
  });
}

function checkFolder(folder: string): void {
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    return;
  }
  const entries = readdirSync(folder).filter((name) => name !== LOCK_FILE && !name.startsWith('.'));
  if (entries.length > 0 && !entries.includes(DATABASE_MARKER)) {
    throw new Error(`${folder} holds files but no database (no ${DATABASE_MARKER}); give an empty or new folder as the data folder`);
  }
}

type PGliteInstance = Awaited<ReturnType<typeof import('@electric-sql/pglite').PGlite.create>>;

function wrap(db: PGliteInstance, release: () => void): Database {
  const query: Queryable['query'] = async (text, params = []) => (await db.query(text, [...params])).rows as never;
  return {
    query,
    // One connection only: PGlite queues every query on it. Work that needs the connection to
    // itself (migrations) runs before the receiver serves, so nothing interleaves.
    session: (work) => work({ query }),
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
