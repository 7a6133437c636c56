/**
 * `nps-widget serve` as an operator runs it: what it prints, its flags and their environment
 * twins, a clean stop on SIGTERM and SIGINT that lets requests in flight finish, and a data
 * folder kept to one process.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../src/core/payload.js';
import { signatureHeader } from '../../src/server/webhooks/signature.js';
import { BIN, scoreOnly, startCommand, submitted, TOKEN, type RunningCommand } from './receivers.js';
import { eventually, reserveTarget } from './webhook-target.js';

if (!existsSync(new URL('../../dist/server/cli.js', import.meta.url))) {
  throw new Error('dist/server/cli.js is missing: run npm run build first (npm test builds before running vitest).');
}

const run = promisify(execFile);
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'nps-cli-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function stop(running: RunningCommand, signal: NodeJS.Signals = 'SIGTERM') {
  running.child.kill(signal);
  return running.exited;
}

/** Runs the command to its end; its exit code and what it printed. */
async function runToEnd(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('nps-widget serve', () => {
  it('prints where it listens and a read token it generated once and keeps in the store', async () => {
    const dataDir = join(folder, 'token');
    const first = await startCommand(['--port', '0', '--data-dir', dataDir]);
    const token = /read token: +(\S+)/.exec(first.output())?.[1] as string;
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(first.output()).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(first.output()).toContain(`PGlite in ${dataDir}`);
    const results = await fetch(`${first.url}/results?surveyId=nps`, { headers: { Authorization: `Bearer ${token}` } });
    expect(results.status).toBe(200);
    expect(await stop(first)).toBe(0);

    const again = await startCommand(['--port', '0', '--data-dir', dataDir]);
    expect(again.output()).toContain(`read token:      ${token}`);
    expect(await stop(again, 'SIGINT')).toBe(0);
  });

  it('takes every setting from its environment twin too', async () => {
    const running = await startCommand([], {
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        NPS_DATA_DIR: join(folder, 'env'),
        NPS_TOKEN: TOKEN,
        NPS_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        NPS_RATE_LIMIT: '2',
      },
    });
    try {
      expect(running.output()).toContain('read token:      the one given (--token / NPS_TOKEN)');
      expect(running.output()).not.toContain(TOKEN);
      expect(running.output()).toContain('https://a.example, https://b.example');
      expect(running.output()).toContain('2 POSTs per minute per client address');
      const post = (origin: string) => fetch(`${running.url}/responses`, { method: 'POST', headers: { Origin: origin }, body: JSON.stringify(scoreOnly(9)) });
      expect((await post('https://b.example')).status).toBe(201);
      expect((await post('https://c.example')).status).toBe(403);
      expect((await post('https://a.example')).status).toBe(201);
      expect((await post('https://a.example')).status).toBe(429);
      expect((await fetch(`${running.url}/results?surveyId=nps`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await stop(running);
    }
  });

  it('finishes a request in flight on SIGTERM, stores it, and exits 0', async () => {
    const dataDir = join(folder, 'graceful');
    const args = ['--port', '0', '--data-dir', dataDir, '--token', TOKEN];
    const running = await startCommand(args);
    const payload = submitted(10, 'Sent slowly, while the receiver stops');
    const body = JSON.stringify(payload);
    const { port } = new URL(running.url);
    const answered = new Promise<number>((done, fail) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/responses', method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (answer) => {
        answer.resume();
        done(answer.statusCode ?? 0);
      });
      request.on('error', fail);
      // Half the body now, the rest after the stop was asked for.
      request.write(body.slice(0, 100));
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(100)), 300);
      }, 300);
    });
    expect(await answered).toBe(201);
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('SIGTERM: finishing requests in flight, then stopping');

    const again = await startCommand(args);
    try {
      const stored: NpsResponse[] = await (await fetch(`${again.url}/responses`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
      expect(stored).toEqual([payload]);
    } finally {
      await stop(again);
    }
  });

  it('posts signed events to the webhooks of its environment', async () => {
    const target = await reserveTarget();
    await target.start();
    const secret = 'cli-webhook-secret-0123456789';
    const running = await startCommand(['--port', '0', '--data-dir', join(folder, 'webhooks')], {
      env: { NPS_WEBHOOKS: target.url, NPS_WEBHOOK_SECRET: secret },
    });
    try {
      expect(running.output()).toContain(`webhooks:        ${target.url} (signed`);
      const detractor = submitted(2, 'Too slow');
      const post = await fetch(`${running.url}/responses`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(detractor) });
      expect(post.status).toBe(201);
      await eventually('both events', () => target.received.length === 2);
      expect(target.received.map((seen) => seen.type).sort()).toEqual(['response.completed', 'response.detractor']);
      for (const seen of target.received) {
        const seconds = Number(/^t=(\d+),/.exec(seen.signature)?.[1]);
        expect(seen.signature).toBe(signatureHeader(secret, seen.body, seconds));
        expect(seen.responseId).toBe(detractor.id);
      }
    } finally {
      expect(await stop(running)).toBe(0);
      await target.stop();
    }
    // A new data folder is created (initdb): slow on a busy machine.
  }, 300_000);

  it('refuses to open a data folder another receiver has open', async () => {
    const dataDir = join(folder, 'shared');
    const first = await startCommand(['--port', '0', '--data-dir', dataDir]);
    try {
      const second = await runToEnd(['serve', '--port', '0', '--data-dir', dataDir]);
      expect(second.code).toBe(1);
      expect(second.output).toContain(`is in use by process ${first.child.pid}`);
      expect((await fetch(`${first.url}/results`)).status).toBe(401);
    } finally {
      await stop(first);
    }
  });

  it.each([
    [['serve', '--port', 'eighty'], 2, 'port is "eighty"; expected a whole number from 0 to 65535'],
    [['serve', '--rate-limit=-1'], 2, 'rate limit is "-1"'],
    [['serve', '--colour', 'red'], 2, "Unknown option '--colour'"],
    [['start'], 2, 'unknown command "start"'],
    [['serve', '--database', 'postgres://x@127.0.0.1:1/x', '--data-dir', 'here'], 2, 'give --database or --data-dir, not both'],
    [['serve', '--token', 'short'], 1, 'token: the token has 5 characters; use at least 16'],
    [['serve', '--allowed-origin', 'shop.example'], 1, 'allowed origin "shop.example" is not an origin'],
    [['serve', '--database', 'postgres://nps@127.0.0.1:1/none', '--port', '0'], 1, 'cannot connect to 127.0.0.1:1/none'],
    [
      ['serve', '--webhook', 'https://crm.example/hooks'],
      1,
      'the webhook secret has 0 characters; give one of at least 16 (--webhook-secret or NPS_WEBHOOK_SECRET)',
    ],
    [['serve', '--webhook', 'crm.example/hooks', '--webhook-secret', TOKEN], 1, 'webhook "crm.example/hooks" is not a URL'],
  ])('refuses %j, saying why (exit %i)', async (args, code, message) => {
    const result = await runToEnd(args, { NPS_DATA_DIR: join(folder, 'refused') });
    expect(result.code).toBe(code);
    expect(result.output).toContain(message);
  });

  it('answers --help and --version', async () => {
    const help = await runToEnd(['--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--data-dir',
      '--database',
      '--token',
      '--allowed-origin',
      '--rate-limit',
      '--trust-proxy',
      '--webhook',
      '--webhook-secret',
    ])
      expect(help.output).toContain(flag);
    const version = await runToEnd(['--version']);
    expect(version.output.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
