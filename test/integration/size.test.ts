/**
 * The size budget of the script-tag file, and what the ESM package costs a bundle that uses
 * only the calculator.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'vite';
import { BUDGET, measure } from '../bench/budget.mjs';

const root = new URL('../../', import.meta.url);

describe('dist/nps-widget.js', async () => {
  const size = await measure(readFileSync(new URL('dist/nps-widget.js', root)));

  it('stays under the ceiling, and says where it stands against the target', () => {
    console.log(
      `nps-widget.js: ${size.gzip} B gzip (target ${BUDGET.gzip.target}, ceiling ${BUDGET.gzip.ceiling}), ` +
        `${size.brotli} B brotli (target ${BUDGET.brotli.target}, ceiling ${BUDGET.brotli.ceiling})`,
    );
    expect(size.gzip).toBeLessThanOrEqual(BUDGET.gzip.ceiling);
    expect(size.brotli).toBeLessThanOrEqual(BUDGET.brotli.ceiling);
  });

  it('leaves what only some configurations use to a small extras file', async () => {
    const extras = await measure(readFileSync(new URL('dist/nps-widget-extras.js', root)));
    console.log(`nps-widget-extras.js: ${extras.gzip} B gzip (cap ${BUDGET.extrasGzip})`);
    expect(extras.gzip).toBeLessThanOrEqual(BUDGET.extrasGzip);
  });

  it('is stated in the README as the build measures it', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const stated = /<!-- size -->\*\*([\d,]+) bytes gzip, ([\d,]+) bytes brotli\*\*<!-- \/size -->/.exec(readme);
    expect(stated, 'README needs its size line; run npm run size -- --write').not.toBeNull();
    expect(Number(stated?.[1]?.replaceAll(',', '')), 'README size is stale: run npm run size -- --write').toBe(size.gzip);
    expect(Number(stated?.[2]?.replaceAll(',', ''))).toBe(size.brotli);
  });
});

describe('the ESM package tree-shakes', () => {
  it('gives a bundle that imports only calculateNps no Preact and no floating-ui', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nps-treeshake-'));
    const entry = join(folder, 'consumer.js');
    writeFileSync(entry, `import { calculateNps } from ${JSON.stringify(new URL('dist/index.js', root).pathname)};\nconsole.log(calculateNps([9, 10, 3]).rounded);\n`);
    try {
      const output = await build({
        configFile: false,
        logLevel: 'silent',
        root: folder,
        resolve: { alias: { preact: new URL('node_modules/preact', root).pathname } },
        build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'consumer' }, rolldownOptions: { treeshake: true } },
      });
      const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
      const code = chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
      const { gzip } = await measure(code);
      console.log(`a bundle using only calculateNps: ${code.length} B, ${gzip} B gzip`);
      expect(code).toContain('calculateNps');
      expect(code).not.toMatch(/computePosition|__k|createElement|options\.vnode|jsx/);
      expect(gzip).toBeLessThan(3000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
