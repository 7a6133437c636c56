/**
 * A webhook target for the tests: a real HTTP server on 127.0.0.1 that answers each request as
 * the test says (a status, or hanging until the request gives up), records every request it
 * got, and counts requests for one event that overlap in time. It can also stand for a target
 * that is down: a port reserved but not listening refuses connections until start().
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  eventId: string;
  type: string;
  responseId: string;
  body: string;
  signature: string;
  /** Which request for this event id this was, from 1. */
  attempt: number;
}

/** What to do with a request: answer with a status (after `delayMs`), or never answer. */
export type Answer = { status: number; delayMs?: number } | 'hang';

export interface Target {
  url: string;
  received: Received[];
  /** The most requests for one event id in flight at once, over the whole run. */
  maxOverlap(): number;
  /** Listens (again) on the reserved port; before, connections are refused. */
  start(): Promise<void>;
  /** Requests that hang are answered 503 and the server stops: connections are refused again. */
  stop(): Promise<void>;
  answer: (received: Received) => Answer;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/** A target on a reserved port, not listening yet: start() it to have it answer. */
export async function reserveTarget(answer: Target['answer'] = () => ({ status: 200 })): Promise<Target> {
  const inFlight = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  let overlap = 0;
  const target: Target = {
    url: '',
    received: [],
    maxOverlap: () => overlap,
    answer,
    start: () => new Promise((done, fail) => server.listen(port, '127.0.0.1', () => done()).once('error', fail)),
    stop: () =>
      new Promise((done) => {
        for (const response of hanging) response.writeHead(503).end();
        hanging.clear();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const event = JSON.parse(body) as { id: string; type: string; response: { id: string } };
    const attempt = target.received.filter((seen) => seen.eventId === event.id).length + 1;
    const received: Received = {
      eventId: event.id,
      type: event.type,
      responseId: event.response.id,
      body,
      signature: String(request.headers['x-nps-signature']),
      attempt,
    };
    target.received.push(received);
    const now = (inFlight.get(event.id) ?? 0) + 1;
    inFlight.set(event.id, now);
    overlap = Math.max(overlap, now);
    const finished = () => inFlight.set(event.id, (inFlight.get(event.id) ?? 1) - 1);
    response.once('close', finished);
    const what = target.answer(received);
    if (what === 'hang') return void hanging.add(response);
    setTimeout(() => response.writeHead(what.status, { 'Content-Type': 'text/plain' }).end('answered'), what.delayMs ?? 0);
  });
  // The port is taken from the system once, then released: until start(), nothing listens on it.
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  target.url = `http://127.0.0.1:${port}/hooks/nps`;
  return target;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | null | false> | T | null | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
