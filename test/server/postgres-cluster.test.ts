/** The test PostgreSQL: found where Debian puts it, and never skipped quietly when missing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBin } from '../postgres-cluster.mjs';

describe('the storage tests without PostgreSQL', () => {
  const saved = process.env['NPS_TEST_PG_BIN'];
  afterEach(() => {
    if (saved === undefined) delete process.env['NPS_TEST_PG_BIN'];
    else process.env['NPS_TEST_PG_BIN'] = saved;
  });

  it('fail, saying how to install it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nps-no-pg-'));
    try {
      process.env['NPS_TEST_PG_BIN'] = empty;
      await expect(findPostgresBin()).rejects.toThrow(
        /holds no initdb\. Install PostgreSQL \(Debian: `sudo apt-get install -y postgresql`, or run `npm run setup` as root\)/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('find the binaries this machine has', async () => {
    delete process.env['NPS_TEST_PG_BIN'];
    expect(await findPostgresBin()).toMatch(/bin$/);
  });
});
