/**
 * A 2xx means stored: the receiver command is killed with SIGKILL while answers pour in, then
 * started again on the same data, and every answer it acknowledged is there, in at least the
 * state acknowledged. On PGlite (a data folder, whose lock the dead process still holds) and on
 * PostgreSQL (crashed at the same moment, without a checkpoint).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isNewerState, type NpsResponse } from '../../src/core/payload.js';
import { startPostgres } from '../postgres-cluster.mjs';
import { scoreOnly, startCommand, submitted, TOKEN, type RunningCommand } from './receivers.js';

if (!existsSync(new URL('../../dist/server/cli.js', import.meta.url))) {
  throw new Error('dist/server/cli.js is missing: run npm run build first (npm test builds before running vitest).');
}

const SENDERS = 32;
/** Acknowledgements to wait for before the kill: enough that the kill lands mid-stream. */
const ACKNOWLEDGED_BEFORE_KILL = 150;

/**
 * Sends score-only then submitted deliveries of new responses from several senders until the
 * receiver dies; returns the latest acknowledged state of each response.
 */
async function loadUntilKilled(running: RunningCommand, kill: () => Promise<void>): Promise<Map<string, NpsResponse>> {
  const acknowledged = new Map<string, NpsResponse>();
  let count = 0;
  const state = { killed: false };
  let killing: Promise<void> | null = null;
  const post = async (payload: NpsResponse) => {
    const answer = await fetch(`${running.url}/responses`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(payload) });
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`answered ${answer.status}: ${await answer.text()}`);
    acknowledged.set(payload.id, payload);
    if (++count >= ACKNOWLEDGED_BEFORE_KILL && !killing) killing = kill().then(() => void (state.killed = true));
  };
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let n = 0; !state.killed && n < 100_000; n++) {
        const first = scoreOnly(n % 11, { surveyId: `crash-${sender}` });
        try {
          await post(first);
          await post(submitted(n % 11, `sender ${sender} answer ${n}`, { id: first.id, surveyId: `crash-${sender}` }));
        } catch (error) {
          // Refused connections and resets once the process is gone; anything else is a failure.
          if (!killing) throw error;
        }
      }
    }),
  );
  await killing;
  return acknowledged;
}

/** Starts the command again on the same data, checks what it holds, and stops it cleanly. */
async function expectKeptAfterRestart(args: string[], acknowledged: Map<string, NpsResponse>): Promise<void> {
  const second = await startCommand(args);
  try {
    expectEveryAcknowledgedStored(acknowledged, await storedIn(second));
  } finally {
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }
}

async function storedIn(running: RunningCommand): Promise<Map<string, NpsResponse>> {
  const answer = await fetch(`${running.url}/responses?format=ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(answer.status).toBe(200);
  const records = (await answer.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NpsResponse);
  return new Map(records.map((record) => [record.id, record]));
}

function expectEveryAcknowledgedStored(acknowledged: Map<string, NpsResponse>, stored: Map<string, NpsResponse>): void {
  const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
  expect(missing, `${missing.length} of ${acknowledged.size} acknowledged answers are missing`).toEqual([]);
  const older = [...acknowledged.values()].filter((sent) => {
    const kept = stored.get(sent.id) as NpsResponse;
    return kept.sentAt !== sent.sentAt && !isNewerState(kept, sent);
  });
  expect(older, 'answers stored in a state older than the one acknowledged').toEqual([]);
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('killed with SIGKILL mid-load, restarted on the same data', () => {
  it('keeps every acknowledged answer on PGlite', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nps-crash-'));
    folders.push(folder);
    const args = ['--port', '0', '--data-dir', join(folder, 'data'), '--token', TOKEN, '--rate-limit', '0'];
    const first = await startCommand(args);
    const acknowledged = await loadUntilKilled(first, async () => {
      first.child.kill('SIGKILL');
      await first.exited;
    });
    expect(await first.exited).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL / 2);

    // The dead process's lock is stale: the restart takes it over.
    await expectKeptAfterRestart(args, acknowledged);
  });

  it('keeps every acknowledged answer on PostgreSQL, the server crashing at the same moment', async () => {
    const cluster = await startPostgres();
    try {
      const database = await cluster.createDatabase('crash');
      const args = ['--port', '0', '--database', database, '--token', TOKEN, '--rate-limit', '0'];
      const first = await startCommand(args);
      const acknowledged = await loadUntilKilled(first, async () => {
        first.child.kill('SIGKILL');
        // Immediate stop: no checkpoint, recovery from the write-ahead log at the next start.
        await Promise.all([first.exited, cluster.crash()]);
      });
      expect(acknowledged.size).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL / 2);

      await cluster.start();
      await expectKeptAfterRestart(args, acknowledged);
    } finally {
      await cluster.stop();
    }
  });
});
