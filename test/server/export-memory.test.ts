/**
 * A streamed export holds memory flat, on PGlite and on PostgreSQL: `nps-widget serve` (the
 * built command) runs with its JavaScript heap capped well below the size of the CSV it sends
 * for 200,000 stored responses, so an export that held the rows or the text at once would end
 * the process out of memory and cut the download. Needs `npm run build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrations.js';
import { pglite } from '../../src/server/store/pglite.js';
import { postgres } from '../../src/server/store/postgres.js';
import type { Storage } from '../../src/server/store/database.js';
import { seedResponses } from '../seed-responses.mjs';
import { startCommand, TOKEN } from './receivers.js';
import { newDatabase } from './stores.js';

const ROWS = 200_000;
/** The serve process's heap cap; the CSV of ROWS responses is about 66 MB, the rows as objects several times that. */
const HEAP_MB = 48;

interface Seeded {
  args: string[];
  remove(): void;
}

const STORES: Array<{ name: string; prepare(): Promise<{ storage: Storage } & Seeded> }> = [
  {
    name: 'PGlite',
    async prepare() {
      const dataDir = mkdtempSync(join(tmpdir(), 'nps-export-'));
      return { storage: pglite({ dataDir }), args: ['--data-dir', dataDir], remove: () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async prepare() {
      const url = await newDatabase();
      return { storage: postgres({ connectionString: url }), args: ['--database', url], remove: () => {} };
    },
  },
];

describe.each(STORES)('a CSV export of 200,000 responses on $name', ({ prepare }) => {
  it(`streams every row from a receiver whose heap is capped at ${HEAP_MB} MB`, { timeout: 900_000 }, async () => {
    const { storage, args, remove } = await prepare();
    const db = await storage.open();
    try {
      await migrate(db);
      await seedResponses((text, params) => db.query(text, params), { rows: ROWS });
    } finally {
      await db.close();
    }
    const command = await startCommand([...args, '--port', '0', '--token', TOKEN], { env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } });
    try {
      const answer = await fetch(`${command.url}/responses?format=csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(200);
      let bytes = 0;
      let lines = 0;
      let head = '';
      for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        if (head.length < 4096) head += new TextDecoder().decode(chunk.subarray(0, 4096));
      }
      expect(lines).toBe(ROWS + 1);
      expect(bytes / 2 ** 20).toBeGreaterThan(HEAP_MB);
      // The export's own formula cells (every seventh comment) went out as text.
      expect(head).toContain(`"'=HYPERLINK(""http://evil.example"",""click 7"")"`);
      // Still serving after it: not out of memory, not restarting.
      expect((await fetch(`${command.url}/responses?limit=1`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      command.stop();
      await command.closed;
      remove();
    }
  });
});
