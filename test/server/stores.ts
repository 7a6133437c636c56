/**
 * The two stores every storage test runs on: PGlite (in memory, or in a folder) and the run's
 * PostgreSQL server (a new database per call, so tests never see each other's rows).
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from '../postgres-cluster.mjs';
import { pglite } from '../../src/server/store/pglite.js';
import { postgres } from '../../src/server/store/postgres.js';
import type { Storage } from '../../src/server/store/database.js';

/** A new, empty database on the run's PostgreSQL server; its connection string. */
export const newDatabase = (): Promise<string> => createDatabase(inject('postgresUrl'), `nps_test_${randomBytes(6).toString('hex')}`);

export interface StoreKind {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, empty storage of this kind. */
  fresh(): Promise<Storage>;
}

export const STORES: readonly StoreKind[] = [
  { name: 'PGlite', fresh: async () => pglite() },
  { name: 'PostgreSQL', fresh: async () => postgres({ connectionString: await newDatabase() }) },
];
