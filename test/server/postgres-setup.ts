/**
 * Global setup of the server tests: one throwaway PostgreSQL server for the whole run (each
 * test file makes its own databases on it), stopped and removed at the end. Without the
 * binaries the run fails here, saying how to install them: storage tests never skip.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../postgres-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://nps@127.0.0.1:PORT/postgres: the run's server, trust authentication. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
