/**
 * Storage in PGlite: PostgreSQL compiled to WebAssembly, running inside the receiver's process
 * on a data folder (or in memory). Nothing to install or run beside it; the same SQL as a
 * PostgreSQL server. The database runs on a thread of its own (pglite-worker.js), so HTTP and
 * SQL use two cores instead of taking turns on one. One process at a time may open a folder:
 * a lock file in it says who has it.
 *
 * Durability: PGlite writes each commit to the operating system before the query returns, so
 * an answer acknowledged with 2xx survives the receiver being killed; it does not fsync, so a
 * power cut or an operating-system crash can lose the last moments. PostgreSQL (postgres.ts)
 * is the store for that guarantee.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable, Storage } from './database.js';
import { lockFolder } from './folder-lock.js';
import { packageDistFolder } from '../package-folder.js';

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
        // Creating a database (initdb) leaves about 400 MB of WebAssembly memory that an opened
        // one never needs; a thread that ends takes it along (first-start RSS 800 MB against 470).
        if (folder !== null && !existsSync(join(folder, DATABASE_MARKER))) await startWorker(folder, true);
        return wrap(await startWorker(folder, false), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
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

/** The worker's file: beside this module in the source, in dist/server/ once built (this module is then in a chunk). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(here, '..', 'pglite-worker.js') : join(packageDistFolder(), 'server', 'pglite-worker.js');
}

interface WorkerError {
  message: string;
  code?: string;
}

/** An Error as PGlite threw it in the worker, SQLSTATE `code` included (sqlState reads it). */
const rebuild = ({ message, code }: WorkerError) => Object.assign(new Error(message), code === undefined ? {} : { code });

/** Starts the database thread; resolves once PGlite is open (or, with createOnly, created and gone). */
function startWorker(folder: string | null, createOnly: boolean): Promise<Worker> {
  const worker = new Worker(workerFile(), { workerData: { dataDir: folder, createOnly } });
  return new Promise((done, fail) => {
    const failed = (error: Error) => {
      void worker.terminate();
      fail(new Error(`could not open PGlite${folder ? ` in ${folder}` : ''}: ${error.message}`, { cause: error }));
    };
    worker.once('error', failed);
    worker.once('message', (message: { ready?: boolean; error?: WorkerError }) => {
      worker.off('error', failed);
      if (message.error) return failed(rebuild(message.error));
      if (createOnly) void worker.terminate();
      done(worker);
    });
  });
}

function wrap(worker: Worker, release: () => void): Database {
  const pending = new Map<number, { done: (rows: never[]) => void; fail: (error: Error) => void }>();
  let next = 0;
  let broken: Error | null = null;
  worker.on('message', (message: { id: number; rows?: never[]; error?: WorkerError }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.fail(rebuild(message.error));
    else waiting?.done(message.rows ?? []);
  });
  // The thread died (out of memory, a WebAssembly trap): every query waiting, and every later one, fails with why.
  const die = (error: Error) => {
    broken ??= new Error(`the PGlite thread stopped: ${error.message}`, { cause: error });
    for (const { fail } of pending.values()) fail(broken);
    pending.clear();
  };
  worker.on('error', die);
  worker.on('exit', (code) => die(new Error(`exit code ${code}`)));

  const send = (message: { text?: string; params?: readonly unknown[]; close?: true }) =>
    new Promise<never[]>((done, fail) => {
      if (broken) return fail(broken);
      const id = next++;
      pending.set(id, { done, fail });
      // A worker thread, not a window: there is no target origin.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      worker.postMessage({ id, ...message });
    });
  const query: Queryable['query'] = (text, params = []) => send({ text, params });
  return {
    query,
    // One connection only: the thread runs queries one at a time, in order. Work that needs the
    // connection to itself (migrations) runs before the receiver serves, so nothing interleaves.
    session: (work) => work({ query }),
    async close() {
      try {
        if (!broken) await send({ close: true });
        await worker.terminate();
      } finally {
        release();
      }
    },
  };
}
