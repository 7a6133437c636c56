/**
 * The size budget of what pages download (test/bench/budget.mjs), measured from the build:
 * the loader every page runs, what a corner survey needs in all, the extras; and what the ESM
 * package costs an app: a real Vite app build, whose main chunk gets only the loader's part.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
import { BUDGET, FILES, measure, pageViews } from '../bench/budget.mjs';

const root = new URL('../../', import.meta.url);
const sizes = Object.fromEntries(
  await Promise.all(Object.entries(FILES).map(async ([key, file]) => [key, await measure(readFileSync(new URL(`dist/${file}`, root)))])),
) as Record<keyof typeof FILES, Awaited<ReturnType<typeof measure>>>;
const views = pageViews(sizes);

describe('what a page downloads', () => {
  it('the loader every page runs stays under its ceiling, and says where it stands against the target', () => {
    const { loader } = BUDGET;
    console.log(`nps-widget.js: ${sizes.loader.gzip} B gzip (target ${loader.target}, ceiling ${loader.ceiling}), ${sizes.loader.brotli} B brotli`);
    expect(sizes.loader.gzip).toBeLessThanOrEqual(loader.ceiling);
  });

  it('a corner survey in all, the loader included, stays under its ceiling', () => {
    const corner = views['a corner survey shows'];
    console.log(
      `a corner survey (${corner.files.join(' + ')}): ${corner.gzip} B gzip (target ${BUDGET.corner.target}, ceiling ${BUDGET.corner.ceiling}), ${corner.brotli} B brotli`,
    );
    expect(corner.gzip).toBeLessThanOrEqual(BUDGET.corner.ceiling);
  });

  it('leaves what only some configurations use to a small extras file', () => {
    console.log(`nps-widget-extras.js: ${sizes.extras.gzip} B gzip (cap ${BUDGET.extrasGzip})`);
    expect(sizes.extras.gzip).toBeLessThanOrEqual(BUDGET.extrasGzip);
  });

  it('is stated in the README as the build measures it', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const stated = (marker: string) => {
      const found = new RegExp(`<!-- ${marker} -->\\*\\*([\\d,]+) bytes gzip, ([\\d,]+) bytes brotli\\*\\*<!-- /${marker} -->`).exec(readme);
      expect(found, `README needs its ${marker} line; run npm run size -- --write`).not.toBeNull();
      return [Number(found?.[1]?.replaceAll(',', '')), Number(found?.[2]?.replaceAll(',', ''))];
    };
    expect(stated('size'), 'README size is stale: run npm run size -- --write').toEqual([sizes.loader.gzip, sizes.loader.brotli]);
    const corner = views['a corner survey shows'];
    expect(stated('size:corner'), 'README size is stale: run npm run size -- --write').toEqual([corner.gzip, corner.brotli]);
  });
});

/** Chunks of a build's output. */
const chunksOf = (output: Awaited<ReturnType<typeof build>>) =>
  (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');

/** Preact in minified code: its vnode fields keep their names. */
const PREACT = /__k\b.*__e\b|\.__e\b.*\.__k\b/s;

/**
 * A real app build with Vite: an index.html and a main module that creates a survey for after
 * checkout, against the same app without it. 'nps-widget' resolves as an installed package
 * does, through package.json exports (the repository is linked into the app's node_modules).
 * The app loads a page of its own on demand, as most apps split their code: Vite's helper for
 * import() is then the app's own, in both builds, and the difference is what the widget adds.
 */
async function appBuild(main: string) {
  const folder = mkdtempSync(join(tmpdir(), 'nps-app-'));
  try {
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(fileURLToPath(root), join(folder, 'node_modules', 'nps-widget'), 'dir');
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Shop</title><button id="buy">Buy</button><script type="module" src="/main.js"></script>');
    writeFileSync(join(folder, 'main.js'), main);
    writeFileSync(join(folder, 'account.js'), "export const showAccount = () => console.log('account');\n");
    const output = await build({ configFile: false, logLevel: 'silent', root: folder, build: { write: false, minify: true } });
    return chunksOf(output);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The app's main chunk (its entry). */
const mainOf = (chunks: Rolldown.OutputChunk[]) => chunks.find((c) => c.isEntry)?.code ?? '';

describe('the ESM package in an app', () => {
  it("puts only the loader's part in the app's main chunk; the survey is a chunk loaded when it shows", async () => {
    const shop =
      "document.querySelector('#buy').addEventListener('click', () => console.log('bought'));\n" +
      "addEventListener('hashchange', () => import('./account.js').then((page) => page.showAccount()));\n";
    const [without, withWidget] = await Promise.all([
      appBuild(shop),
      appBuild(
        "import { createNpsWidget } from 'nps-widget';\n" +
          "const survey = createNpsWidget({ endpoint: '/api/nps', brand: 'Acme', show: 'manual' });\n" +
          "document.querySelector('#buy').addEventListener('click', () => survey.show({ touchpoint: 'checkout', anchor: '#buy' }));\n" +
          "addEventListener('hashchange', () => import('./account.js').then((page) => page.showAccount()));\n",
      ),
    ]);
    const added = (await measure(mainOf(withWidget))).gzip - (await measure(mainOf(without))).gzip;
    const lazy = withWidget.filter((c) => !c.isEntry && !c.fileName.includes('account'));
    console.log(
      `an app's main chunk: +${added} B gzip with createNpsWidget (ceiling ${BUDGET.appMainChunkGzip}); ` +
        `chunks loaded later: ${lazy.map((c) => c.fileName.replace(/^assets\//, '')).join(', ')}`,
    );
    expect(added).toBeLessThanOrEqual(BUDGET.appMainChunkGzip);
    expect(mainOf(withWidget)).not.toMatch(PREACT);
    expect(mainOf(withWidget)).not.toMatch(/computePosition|autoUpdate/);
    // The survey (with Preact) and the anchored positioning (floating-ui) are chunks of their own.
    expect(lazy.filter((c) => PREACT.test(c.code))).toHaveLength(1);
    expect(lazy.some((c) => /getClippingRect|autoUpdate/.test(c.code) && !PREACT.test(c.code))).toBe(true);
  });

  it('gives a bundle that imports only calculateNps no Preact and no floating-ui', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nps-treeshake-'));
    const entry = join(folder, 'consumer.js');
    writeFileSync(
      entry,
      `import { calculateNps } from ${JSON.stringify(new URL('dist/index.js', root).pathname)};\nconsole.log(calculateNps([9, 10, 3]).rounded);\n`,
    );
    try {
      const output = await build({
        configFile: false,
        logLevel: 'silent',
        root: folder,
        resolve: { alias: { preact: new URL('node_modules/preact', root).pathname } },
        build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'consumer' }, rolldownOptions: { treeshake: true } },
      });
      const code = chunksOf(output)
        .map((c) => c.code)
        .join('\n');
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
