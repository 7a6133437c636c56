/**
 * The demo receiver's storage: one record per response id, the latest state winning, kept in a
 * JSON file so answers survive a restart. A real receiver would use a database; the rules
 * (validate, then keep the newer state) are the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('../src/core/payload.js').NpsResponse} NpsResponse */
/**
 * @typedef {{ status: 200 | 201, response: NpsResponse, stored: boolean }} Accepted
 *   201: first delivery of this id; 200: a repeat. `stored` is false when the record already
 *   held an equal or newer state, which still counts as success: the sender must not retry.
 * @typedef {{ status: 400, reason: string }} Rejected
 * @typedef {Accepted | Rejected} AcceptResult
 */

export const DEFAULT_DATA_FILE = fileURLToPath(new URL('./data/responses.json', import.meta.url));

const DIST_INDEX = new URL('../dist/index.js', import.meta.url);

/**
 * Node cannot run the TypeScript source, so the rules come from the build. The specifier is a
 * variable on purpose: `npm run check` type-checks this file before anything is built, and a
 * literal '../dist/index.js' would fail there; the types come from the source instead.
 * @returns {Promise<Pick<typeof import('../src/core/payload.js'), 'validateResponse' | 'isNewerState'>>}
 */
async function loadPayloadRules() {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(`${fileURLToPath(DIST_INDEX)} is missing: run npm run build first (or npm run demo).`);
  }
  return import(DIST_INDEX.href);
}

const { validateResponse, isNewerState } = await loadPayloadRules();

/**
 * @param {{ file?: string }} [options]
 */
export function createCollector({ file = DEFAULT_DATA_FILE } = {}) {
  /** @type {Map<string, NpsResponse>} */
  const records = loadRecords(file);
  const save = serialize(() => writeAtomically(file, JSON.stringify([...records.values()], null, 2)));

  return {
    file,

    /**
     * Resolves once the outcome is on disk, so a 2xx answer really means stored.
     * @param {unknown} body the parsed request body
     * @returns {Promise<AcceptResult>}
     */
    async accept(body) {
      const result = validateResponse(body);
      if (!result.ok) return { status: 400, reason: result.reason };
      const { response } = result;
      const existing = records.get(response.id);
      const stored = !existing || isNewerState(response, existing);
      if (stored) {
        records.set(response.id, response);
        await save();
      }
      return { status: existing ? 200 : 201, response, stored };
    },

    /** @returns {NpsResponse[]} in order of each id's first arrival */
    list() {
      return [...records.values()];
    },

    /** @returns {Promise<void>} */
    async clear() {
      records.clear();
      await save();
    },
  };
}

/**
 * Read synchronously so the collector is ready the moment it exists. A file that is not what
 * this collector writes stops the start rather than being overwritten: it is someone's data.
 * @param {string} file
 * @returns {Map<string, NpsResponse>}
 */
function loadRecords(file) {
  /** @type {Map<string, NpsResponse>} */
  const records = new Map();
  if (!existsSync(file)) return records;
  const stored = parseDataFile(file);
  stored.forEach((entry, index) => {
    const result = validateResponse(entry);
    if (!result.ok) throw new Error(`${file}: record ${index} is not payload v1 (${result.reason}); fix or delete the file.`);
    const existing = records.get(result.response.id);
    if (!existing || isNewerState(result.response, existing)) records.set(result.response.id, result.response);
  });
  return records;
}

/**
 * @param {string} file
 * @returns {unknown[]}
 */
function parseDataFile(file) {
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const detail = /** @type {Error} */ (error).message;
    throw new Error(`${file} is not valid JSON (${detail}); fix or delete the file.`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`${file} should hold a JSON array of responses; fix or delete the file.`);
  return parsed;
}

/**
 * Readers see the old file or the new one, never half of one: rename replaces atomically on the
 * same file system, so a crash or Ctrl-C mid-write cannot corrupt the data.
 * @param {string} file
 * @param {string} contents
 */
async function writeAtomically(file, contents) {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents, 'utf8');
  await rename(temporary, file);
}

/**
 * Runs `task` one call at a time, in call order. Each run snapshots the state when it starts, so
 * the last write always holds every change made before it; a failed write rejects its own
 * caller and does not block the ones after it.
 * @param {() => Promise<void>} task
 * @returns {() => Promise<void>}
 */
function serialize(task) {
  /** @type {Promise<void>} */
  let queue = Promise.resolve();
  return () => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };
}
