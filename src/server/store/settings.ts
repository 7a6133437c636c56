/**
 * Every statement on nps_settings: values the receiver keeps for itself. Today the read
 * token, generated once and shared by every receiver on the same database.
 */
import type { Queryable } from './database.js';

export const INSERT_SETTING = `INSERT INTO nps_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`;
export const SELECT_SETTING = `SELECT value FROM nps_settings WHERE name = $1`;

/**
 * The stored value of `name`, storing `candidate` first when there is none. Two receivers
 * starting at once both end with the value that committed first: the read is a statement of
 * its own, so it sees the other's insert once that has committed.
 */
export async function settingOrInsert(db: Queryable, name: string, candidate: () => string): Promise<string> {
  await db.query(INSERT_SETTING, [name, candidate()]);
  const [row] = await db.query<{ value: string }>(SELECT_SETTING, [name]);
  if (!row) throw new Error(`setting ${name} was stored but cannot be read back`);
  return row.value;
}
