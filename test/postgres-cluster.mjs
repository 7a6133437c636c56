/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb and pg_ctl in a temp folder,
 * on a free port on 127.0.0.1, as the `postgres` user when run as root (PostgreSQL refuses
 * root). Never skips: without the binaries it throws and says how to install them.
 */
import { execFile } from 'node:child_process';
import { chownSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const INSTALL_HINT =
  'Install PostgreSQL (Debian: `sudo apt-get install -y postgresql`, or run `npm run setup` as root), ' +
  'or set NPS_TEST_PG_BIN to the folder holding initdb and pg_ctl.';

/**
 * The folder holding initdb and pg_ctl: NPS_TEST_PG_BIN, else Debian's newest
 * /usr/lib/postgresql/N/bin, else the PATH.
 * @returns {Promise<string>}
 */
export async function findPostgresBin() {
  const fromEnv = process.env['NPS_TEST_PG_BIN'];
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb'))) throw new Error(`NPS_TEST_PG_BIN is ${fromEnv}, but it holds no initdb. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    const found = versions.map((version) => join(debian, version, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
    if (found) return found;
  }
  const onPath = await run('sh', ['-c', 'command -v initdb']).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );
  if (onPath) return onPath.slice(0, onPath.lastIndexOf('/'));
  throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl) found for the storage tests. ${INSTALL_HINT}`);
}

/**
 * Creates database `name` on the server at `serverUrl`; resolves with its connection string.
 * @param {string} serverUrl
 * @param {string} name a plain lower-case identifier
 * @returns {Promise<string>}
 */
export async function createDatabase(serverUrl, name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} must be a plain lower-case identifier`);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // An identifier cannot be a query parameter; the name was checked above.
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** @returns {Promise<number>} a port nobody listens on right now */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(address.port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Runs a PostgreSQL binary, as `postgres` when we are root.
 * @param {string} binary
 * @param {string[]} args
 */
function runAsOwner(binary, args) {
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
}

/**
 * @typedef {object} PostgresCluster
 * @property {string} url  postgres://nps@127.0.0.1:PORT/postgres (trust authentication)
 * @property {number} port
 * @property {string} folder
 * @property {(name: string) => Promise<string>} createDatabase  a new empty database; its URL
 * @property {() => Promise<void>} crash  stops at once, as a crash would (no checkpoint)
 * @property {() => Promise<void>} start  starts again on the same data (recovering after a crash)
 * @property {() => Promise<void>} stop  stops and removes everything
 */

/**
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<PostgresCluster>}
 */
export async function startPostgres({ log = () => {} } = {}) {
  const bin = await findPostgresBin();
  const folder = mkdtempSync(join(tmpdir(), 'nps-pg-'));
  if (isRoot()) {
    // mkdtemp makes the folder 0700 root; the server runs as postgres and keeps its socket there.
    chmodSync(folder, 0o755);
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error('Running as root, but there is no "postgres" user to run PostgreSQL as. ' + INSTALL_HINT);
    });
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(folder, Number(stdout), Number(group));
  }
  const data = join(folder, 'data');
  await runAsOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'nps', '-E', 'UTF8', '--no-sync']).catch((error) => {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`initdb failed: ${error.stderr || error.message}`);
  });

  let port = 0;
  const start = async () => {
    for (let attempt = 0; ; attempt++) {
      port = port || (await freePort());
      const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
      try {
        await runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', '-t', '60', 'start']);
        return;
      } catch (error) {
        // Another process may have taken the port between the probe and the start.
        if (attempt >= 2) throw new Error(`pg_ctl start failed: ${/** @type {{ stderr?: string }} */ (error).stderr ?? error}`, { cause: error });
        port = 0;
      }
    }
  };
  const pgCtl = (/** @type {string[]} */ ...args) => runAsOwner(join(bin, 'pg_ctl'), ['-D', data, ...args]);

  await start();
  log(`PostgreSQL (${bin}) on 127.0.0.1:${port}, data in ${folder}`);
  const urlFor = (/** @type {string} */ database) => `postgres://nps@127.0.0.1:${port}/${database}`;

  return {
    get url() {
      return urlFor('postgres');
    },
    get port() {
      return port;
    },
    folder,
    createDatabase: (name) => createDatabase(urlFor('postgres'), name),
    async crash() {
      await pgCtl('-m', 'immediate', 'stop');
    },
    start,
    async stop() {
      await pgCtl('-m', 'fast', 'stop').catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
