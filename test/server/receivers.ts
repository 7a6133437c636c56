/**
 * What the receiver tests share: payloads as the widget builds them, receivers in this
 * process (called as a fetch handler, or served over real HTTP on 127.0.0.1), and the
 * command started as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { toPayload, type NpsResponse } from '../../src/core/payload.js';
import { completeResponse, startResponse } from '../../src/core/response.js';
import { createReceiver, type Receiver, type ReceiverOptions } from '../../src/server/receiver.js';
import { relationshipContext } from '../fixtures.js';

export const TOKEN = 'test-token-0123456789abcdef';

const chosenAt = new Date('2026-11-22T10:00:00.000Z');
const later = (seconds: number) => new Date(chosenAt.getTime() + seconds * 1000);

/** The score-only delivery the widget sends first. */
export function scoreOnly(score: number, { id = randomUUID() as string, sentAfter = 1, surveyId = 'nps' } = {}): NpsResponse {
  return toPayload(startResponse({ ...relationshipContext, surveyId }, score, id, chosenAt), later(sentAfter));
}

/** The delivery a submit sends: the same id, complete, with the comment. */
export function submitted(score: number, comment: string, { id = randomUUID() as string, sentAfter = 5, surveyId = 'nps' } = {}): NpsResponse {
  return toPayload(completeResponse(startResponse({ ...relationshipContext, surveyId }, score, id, chosenAt), comment), later(sentAfter));
}

export interface TestReceiver {
  receiver: Receiver;
  /** A request to the handler, as from 127.0.0.1. */
  call(path: string, init?: RequestInit & { address?: string }): Promise<Response>;
  post(body: unknown, init?: RequestInit & { address?: string }): Promise<Response>;
  /** GET with the token. */
  read(path: string): Promise<Response>;
  close(): Promise<void>;
}

const ORIGIN = 'http://127.0.0.1:5179';

export async function startReceiver(options: ReceiverOptions): Promise<TestReceiver> {
  const receiver = createReceiver({ token: TOKEN, onError: () => {}, ...options });
  await receiver.ready;
  const call: TestReceiver['call'] = (path, { address = '127.0.0.1', ...init } = {}) =>
    receiver.fetch(new Request(new URL(path, ORIGIN), init), { clientAddress: address });
  return {
    receiver,
    call,
    post: (body, init = {}) =>
      call('/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
      }),
    read: (path) => call(path, { headers: { Authorization: `Bearer ${TOKEN}` } }),
    close: () => receiver.close(),
  };
}

/** The receiver behind a real Node HTTP server on 127.0.0.1 (port 0), as the command serves it. */
export async function serveOverHttp(receiver: Receiver): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(getRequestListener((request, env) => receiver.fetch(request, { clientAddress: env.incoming.socket.remoteAddress })));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export const BIN = fileURLToPath(new URL('../../bin/nps-widget.js', import.meta.url));

export interface RunningCommand {
  child: ChildProcess;
  url: string;
  /** Everything printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) of the process started. */
  exited: Promise<number | string>;
  /** Resolves once the output is closed: the command and anything it started are gone. */
  closed: Promise<void>;
  /** Sends `signal` to the command and anything it started. */
  stop(signal?: NodeJS.Signals): void;
}

/**
 * Starts `nps-widget serve ARGS` (the built command) and waits for its "listening on" line.
 * Rejects with what it printed if it exits first.
 */
export function startCommand(
  args: readonly string[],
  { env = {}, command = [process.execPath, BIN], cwd }: { env?: Record<string, string>; command?: string[]; cwd?: string } = {},
): Promise<RunningCommand> {
  const [program, ...prefix] = command as [string, ...string[]];
  // A group of its own: a launcher such as npx does not pass signals on, so stop() signals the group.
  const child = spawn(program, [...prefix, 'serve', ...args], { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let printed = '';
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')));
  // Once every process of the group that holds its output is gone.
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no "listening on" line within 90 s; printed:\n${printed}`)), 90_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const match = /^listening on (http:\/\/\S+)$/m.exec(printed);
      if (match) {
        clearTimeout(timer);
        done({
          child,
          url: match[1] as string,
          output: () => printed,
          exited,
          closed,
          stop: (signal = 'SIGTERM') => process.kill(-(child.pid as number), signal),
        });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`nps-widget serve exited (${code}) before listening; printed:\n${printed}`));
    });
  });
}
