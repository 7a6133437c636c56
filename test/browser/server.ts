/**
 * A real HTTP server on 127.0.0.1 for browser tests: serves the built script and test pages,
 * and receives deliveries at /collect, recording each one and answering with the statuses a
 * test scripts (201 when none is scripted).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readFile } from 'node:fs/promises';
import { listenOnLoopback } from '../chromium.mjs';

export interface Delivery {
  method: string;
  /** Path and query the delivery was posted to. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
  receivedAt: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The same server under another origin (localhost), for cross-origin requests. */
  crossOrigin: string;
  deliveries: Delivery[];
  preflights: number;
  /** Answers for the next deliveries, in order. */
  answer(...answers: ScriptedAnswer[]): void;
  /** Serves `html` at `path`, with extra response headers (a Content-Security-Policy, say). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  /** Resolves once `count` deliveries arrived (or rejects after `timeoutMs`). */
  waitForDeliveries(count: number, timeoutMs?: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

const DIST = new URL('../../dist/', import.meta.url);

export async function startTestServer(): Promise<TestServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const scripted: ScriptedAnswer[] = [];
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  let preflights = 0;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };

    if (url.pathname === '/collect') {
      if (request.method === 'OPTIONS') {
        preflights += 1;
        response.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST' }).end();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          // recorded as is; the test decides whether that is a failure
        }
        deliveries.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, json, receivedAt: Date.now() });
        for (const wake of waiters) wake();
        const { status, headers } = scripted.shift() ?? { status: 201 };
        response.writeHead(status, { ...cors, ...headers, 'Content-Type': 'application/json' }).end('{}');
      });
      return;
    }

    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
      return;
    }
    if (/^\/(locales\/)?[\w.-]+\.js$/.test(url.pathname)) {
      readFile(new URL(`.${url.pathname}`, DIST)).then(
        (file) => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file),
        () => response.writeHead(404).end(),
      );
      return;
    }
    response.writeHead(404).end();
  });

  const { origin, port, close } = await listenOnLoopback(server);

  return {
    origin,
    crossOrigin: `http://localhost:${port}`,
    deliveries,
    get preflights() {
      return preflights;
    },
    answer: (...answers) => void scripted.push(...answers),
    page: (path, html, headers = {}) => void pages.set(path, { html, headers }),
    waitForDeliveries(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (deliveries.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(deliveries.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} deliveries within ${timeoutMs} ms, got ${deliveries.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close,
  };
}
