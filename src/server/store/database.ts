/**
 * What the receiver needs of PostgreSQL, met alike by PGlite (embedded, in this process) and
 * by node-postgres (a server): parameterised queries, and one connection held for a piece of
 * work. It never builds SQL; each table's statements live in that table's module.
 */

export interface Queryable {
  /** One statement, its values passed as parameters ($1, $2...), never spliced into the text. */
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /**
   * Runs `work` on one connection, the same for each of its queries, so BEGIN, COMMIT and
   * session advisory locks mean what they say (migrations use it).
   */
  session<T>(work: (connection: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where answers are kept: `pglite(...)` or `postgres(...)`. Opened once by the receiver. */
export interface Storage {
  /** For the start-up lines, without secrets: "PGlite in ./nps-data", "PostgreSQL at db.example:5432/nps". */
  readonly description: string;
  open(): Promise<Database>;
}

/** A PostgreSQL error's SQLSTATE, when the error carries one (both drivers set `code`). */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}
