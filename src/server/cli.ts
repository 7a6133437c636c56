/**
 * `nps-widget serve`: the receiver as a command. Flags with environment twins, checked before
 * anything opens; a Node HTTP server around createReceiver; a clean stop on SIGINT and SIGTERM
 * (requests in flight finish, then storage closes, exit 0). The parsing is pure and exported;
 * only `main` touches the process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createReceiver, DEFAULT_RATE_LIMIT, MAX_RETENTION_DAYS, type Receiver, type ReceiverOptions } from './receiver.js';
import { RETENTION_SCOPES, type Retention } from './retention.js';
import { DEFAULT_MIN_GROUP_SIZE } from './privacy.js';
import { packageDistFolder } from './package-folder.js';
import { pglite } from './store/pglite.js';
import { postgres } from './store/postgres.js';
import type { Storage } from './store/database.js';

export const DEFAULT_PORT = 5179;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './nps-data';

export interface ServeConfig {
  port: number;
  host: string;
  /** A PostgreSQL connection string, or null for PGlite in `dataDir`. */
  database: string | null;
  dataDir: string;
  token: string | undefined;
  allowedOrigins: string[];
  rateLimit: number;
  trustProxy: boolean;
  /** URLs that get every event (docs/webhooks.md); empty for none. */
  webhooks: string[];
  webhookSecret: string | undefined;
  /** Answers (or their comment and user) older than this are removed hourly; null keeps everything. */
  retention: Retention | null;
  minGroupSize: number;
}

export type Command = { kind: 'serve'; config: ServeConfig } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

export const USAGE = `Usage: nps-widget serve [options]

Receives the widget's answers and keeps them: PGlite (embedded PostgreSQL) in a data folder,
or a PostgreSQL server. Each option has an environment twin; the option wins.

  --port N                PORT                 port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST             HOST                 address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)
  --data-dir DIR          NPS_DATA_DIR         PGlite data folder (default ${DEFAULT_DATA_DIR})
  --database URL          DATABASE_URL         PostgreSQL connection string (postgres://...); then no data folder is used
  --token TOKEN           NPS_TOKEN            bearer token for reading (default: generated once, kept in the store)
  --allowed-origin ORIGIN NPS_ALLOWED_ORIGINS  an origin whose pages may post answers (repeatable; the
                                               variable is comma-separated; * for any). Its own origin always may.
  --rate-limit N          NPS_RATE_LIMIT       POSTs per minute per client address (default ${DEFAULT_RATE_LIMIT}; 0 for none)
  --trust-proxy           NPS_TRUST_PROXY      read client address and scheme from X-Forwarded-For/-Proto
                                               (only behind a proxy you run)
  --webhook URL           NPS_WEBHOOKS         POST signed response.completed and response.detractor events to
                                               this http(s) URL (repeatable; the variable is comma-separated)
  --webhook-secret SECRET NPS_WEBHOOK_SECRET   the key of their X-NPS-Signature (16 characters or more; required
                                               with --webhook)
  --retention-days N      NPS_RETENTION_DAYS   erase answers created more than N days ago (at start, then hourly)
  --retention-scope S     NPS_RETENTION_SCOPE  all (default: the whole answer) or personal (only its comment and user)
  --min-group-size N      NPS_MIN_GROUP_SIZE   answers an eNPS group needs to be shown (default ${DEFAULT_MIN_GROUP_SIZE})
  -h, --help                                   this text
  -v, --version                                the version

Routes: POST /responses, GET /results, GET /responses, DELETE /responses/{id},
DELETE /responses?userId=ID, GET /webhooks/deliveries, POST /webhooks/deliveries/{id}/retry,
and the widget's files (GET /nps-widget.js and the files beside it).
Reference: docs/receiver.md, docs/export-and-erasure.md, docs/webhooks.md.`;

const isTrue = (text: string | undefined) => text !== undefined && ['1', 'true', 'yes', 'on'].includes(text.trim().toLowerCase());

function wholeNumber(name: string, text: string, max: number): number | string {
  const value = Number(text);
  return /^\d+$/.test(text.trim()) && value <= max ? value : `${name} is ${JSON.stringify(text)}; expected a whole number from 0 to ${max}`;
}

/** `--retention-days` and `--retention-scope` (or their twins, empty meaning unset); a sentence when wrong. */
function parseRetention(daysText: string | undefined, scopeText: string | undefined): Retention | null | string {
  const scope = scopeText?.trim() || undefined;
  if (daysText === undefined || daysText.trim() === '') {
    return scope === undefined ? null : `retention scope "${scope}" needs --retention-days N: how old an answer must be to go`;
  }
  if (scope !== undefined && !(RETENTION_SCOPES as readonly string[]).includes(scope)) {
    return `retention scope is ${JSON.stringify(scope)}; expected ${RETENTION_SCOPES.join(' or ')}`;
  }
  const days = wholeNumber('retention days', daysText, MAX_RETENTION_DAYS);
  if (typeof days === 'string') return days;
  if (days === 0) return 'retention days is "0"; expected at least 1 (leave it out to keep answers for ever)';
  return { days, scope: (scope ?? 'all') as Retention['scope'] };
}

/** Reads `nps-widget <argv>` and the environment into a command; pure. */
export function parseCommand(argv: readonly string[], env: Record<string, string | undefined>): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        database: { type: 'string' },
        token: { type: 'string' },
        'allowed-origin': { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        webhook: { type: 'string', multiple: true },
        'webhook-secret': { type: 'string' },
        'retention-days': { type: 'string' },
        'retention-scope': { type: 'string' },
        'min-group-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length === 0) return { kind: 'error', message: 'say what to do: nps-widget serve' };
  if (positionals[0] !== 'serve' || positionals.length > 1)
    return { kind: 'error', message: `unknown command "${positionals.join(' ')}"; the command is: nps-widget serve` };

  const port = wholeNumber('port', values.port ?? env['PORT'] ?? String(DEFAULT_PORT), 65_535);
  if (typeof port === 'string') return { kind: 'error', message: port };
  const rateLimit = wholeNumber('rate limit', values['rate-limit'] ?? env['NPS_RATE_LIMIT'] ?? String(DEFAULT_RATE_LIMIT), 1_000_000);
  if (typeof rateLimit === 'string') return { kind: 'error', message: rateLimit };
  const minGroupSize = wholeNumber('min group size', values['min-group-size'] ?? env['NPS_MIN_GROUP_SIZE'] ?? String(DEFAULT_MIN_GROUP_SIZE), 1_000_000);
  if (typeof minGroupSize === 'string') return { kind: 'error', message: minGroupSize };
  if (minGroupSize < 1) return { kind: 'error', message: 'min group size is 0; expected at least 1 answer' };
  const host = (values.host ?? env['HOST'] ?? DEFAULT_HOST).trim();
  if (host === '') return { kind: 'error', message: 'host is empty; expected an address such as 127.0.0.1 or 0.0.0.0' };
  const database = (values.database ?? env['DATABASE_URL'] ?? '').trim();
  const dataDirGiven = values['data-dir'] ?? env['NPS_DATA_DIR'];
  if (database !== '' && values['data-dir'] !== undefined) {
    return { kind: 'error', message: 'give --database or --data-dir, not both: with a PostgreSQL server no data folder is used' };
  }
  const allowedOrigins = values['allowed-origin'] ?? (env['NPS_ALLOWED_ORIGINS'] ?? '').split(',');
  const webhooks = values.webhook ?? (env['NPS_WEBHOOKS'] ?? '').split(',');
  const retention = parseRetention(values['retention-days'] ?? env['NPS_RETENTION_DAYS'], values['retention-scope'] ?? env['NPS_RETENTION_SCOPE']);
  if (typeof retention === 'string') return { kind: 'error', message: retention };
  return {
    kind: 'serve',
    config: {
      port,
      host,
      database: database === '' ? null : database,
      dataDir: dataDirGiven?.trim() || DEFAULT_DATA_DIR,
      token: values.token ?? (env['NPS_TOKEN'] || undefined),
      allowedOrigins: allowedOrigins.map((origin) => origin.trim()).filter((origin) => origin !== ''),
      rateLimit,
      trustProxy: values['trust-proxy'] ?? isTrue(env['NPS_TRUST_PROXY']),
      webhooks: webhooks.map((url) => url.trim()).filter((url) => url !== ''),
      webhookSecret: values['webhook-secret'] ?? (env['NPS_WEBHOOK_SECRET'] || undefined),
      retention,
      minGroupSize,
    },
  };
}

export function storageFor(config: ServeConfig): Storage {
  return config.database === null ? pglite({ dataDir: config.dataDir }) : postgres({ connectionString: config.database });
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageDistFolder(), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(server.address() as AddressInfo);
    });
  });
}

/** How long requests in flight may take to finish once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * On SIGINT or SIGTERM: stop accepting, let requests in flight finish (closing keep-alive
 * connections as they go idle), close storage, exit 0. A second signal stops at once.
 */
function stopOnSignals(server: Server, receiver: Receiver): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: stopping now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    closed
      .then(() => receiver.close())
      .then(
        () => {
          clearInterval(sweep);
          clearTimeout(deadline);
          console.log('stopped');
          process.exitCode = 0;
        },
        (error: Error) => {
          console.error(`nps-widget: could not close storage cleanly: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function retentionLine(retention: Retention | null): string {
  if (retention === null) return 'answers kept until erased';
  const what = retention.scope === 'all' ? 'answers' : 'comment and user of answers';
  return `${what} older than ${retention.days} days removed at start and hourly`;
}

function printStart(config: ServeConfig, storage: Storage, url: string, token: string): void {
  const listed = config.allowedOrigins.length ? config.allowedOrigins.join(', ') : 'none listed (add sites with --allowed-origin)';
  console.log(`nps-widget receiver ${version()}`);
  console.log(`  storage:         ${storage.description}`);
  console.log(`  read token:      ${config.token === undefined ? token : 'the one given (--token / NPS_TOKEN)'}`);
  console.log(`  allowed origins: ${url} (its own), ${listed}`);
  console.log(`  rate limit:      ${config.rateLimit === 0 ? 'none' : `${config.rateLimit} POSTs per minute per client address`}`);
  console.log(`  webhooks:        ${config.webhooks.length ? `${config.webhooks.join(', ')} (signed; GET /webhooks/deliveries shows failures)` : 'none'}`);
  console.log(`  retention:       ${retentionLine(config.retention)}`);
  console.log(`  on a site:       <script src="${url}/nps-widget.js" data-endpoint="${url}/responses" async></script>`);
  // Last, on a line of its own: what scripts wait for.
  console.log(`listening on ${url}`);
}

async function serve(config: ServeConfig): Promise<void> {
  const storage = storageFor(config);
  const options: ReceiverOptions = {
    storage,
    allowedOrigins: config.allowedOrigins,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    minGroupSize: config.minGroupSize,
  };
  if (config.token !== undefined) options.token = config.token;
  // Without a secret the receiver refuses the webhooks, naming --webhook-secret.
  if (config.webhooks.length > 0) options.webhooks = { urls: config.webhooks, secret: config.webhookSecret ?? '' };
  if (config.retention !== null) options.retention = config.retention;
  const receiver = createReceiver(options);
  const { token } = await receiver.ready;

  const server = createServer(getRequestListener((request, env) => receiver.fetch(request, { clientAddress: env.incoming.socket.remoteAddress })));
  const address = await listen(server, config.port, config.host).catch(async (error: NodeJS.ErrnoException) => {
    await receiver.close();
    throw new Error(error.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is in use; pick another with --port` : error.message, {
      cause: error,
    });
  });
  // Before printing: a signal sent as soon as the address shows must already stop cleanly.
  stopOnSignals(server, receiver);
  printStart(config, storage, `http://${urlHost(config.host)}:${address.port}`, token);
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const command = parseCommand(argv, process.env);
  switch (command.kind) {
    case 'help':
      console.log(USAGE);
      return;
    case 'version':
      console.log(version());
      return;
    case 'error':
      console.error(`nps-widget: ${command.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    case 'serve':
      try {
        await serve(command.config);
      } catch (error) {
        console.error(`nps-widget: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
  }
}
