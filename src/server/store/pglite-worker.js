/**
 * PGlite on a thread of its own (store/pglite.ts starts it): the database's WebAssembly work
 * runs beside the receiver's HTTP work instead of taking turns with it on one thread, and a
 * long query (a year of results) never holds up reading the next request. It only runs the
 * queries it is sent, one at a time, in order, and answers each with its rows or its error.
 * Plain JavaScript, so Node runs it as it is from the source and from the build alike.
 *
 * workerData: { dataDir: string | null, createOnly: boolean }. With createOnly it creates the
 * database (initdb), closes it and ends, taking initdb's memory with it.
 * Messages in: { id, text, params } or { id, close: true }. Out: { ready } or { error } once,
 * then { id, rows } or { id, error: { message, code } } per message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @typedef {{ message: string, code?: string }} WorkerError */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { dataDir, createOnly } = /** @type {{ dataDir: string | null, createOnly: boolean }} */ (workerData);

/** @param {unknown} error @returns {WorkerError} */
function describe(error) {
  const { message, code } = /** @type {{ message?: unknown, code?: unknown }} */ (error ?? {});
  return { message: typeof message === 'string' ? message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

try {
  const db = await PGlite.create(dataDir ?? 'memory://');
  if (createOnly) {
    await db.close();
    port.postMessage({ ready: true });
  } else {
    port.on('message', async (/** @type {{ id: number, text?: string, params?: unknown[], close?: boolean }} */ message) => {
      if (message.close) {
        await db.close().catch(() => {});
        port.postMessage({ id: message.id, rows: [] });
        port.close();
        return;
      }
      try {
        const result = await db.query(/** @type {string} */ (message.text), message.params ?? []);
        port.postMessage({ id: message.id, rows: result.rows });
      } catch (error) {
        port.postMessage({ id: message.id, error: describe(error) });
      }
    });
    port.postMessage({ ready: true });
  }
} catch (error) {
  port.postMessage({ error: describe(error) });
}
