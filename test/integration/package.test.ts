/**
 * What `npm run build` hands to users: the files docs/api.md names, wired through
 * package.json, importable in Node without a DOM.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const root = new URL('../../', import.meta.url);
/** What a script tag may load: the loader, the files beside it, and the single file. */
const SCRIPTS = ['nps-widget.js', 'nps-widget-survey.js', 'nps-widget-anchored.js', 'nps-widget-extras.js', 'nps-widget.full.js'].map((f) => `dist/${f}`);
/** Preact in minified code: its vnode fields keep their names. */
const PREACT = /__k\b.*__e\b|\.__e\b.*\.__k\b/s;
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
/** What only the receiver uses. */
const SERVER_DEPENDENCIES = ['@electric-sql/pglite', 'pg', 'hono', '@hono/node-server'];

const pkg = JSON.parse(read('package.json')) as {
  bin: Record<string, string>;
  exports: Record<string, { types: string; default: string } | string>;
  types: string;
  sideEffects: string[];
  dependencies: Record<string, string>;
};

describe('build outputs', () => {
  it('emits the script-tag files, the ESM entry, the preview script and the types', () => {
    for (const file of [...SCRIPTS, 'dist/nps-preview.js', 'dist/index.js', 'dist/index.d.ts']) {
      expect(existsSync(new URL(file, root)), `${file} is missing: run npm run build`).toBe(true);
    }
  });

  it('wires exports, types and sideEffects to files that exist', () => {
    const main = pkg.exports['.'] as { types: string; default: string };
    expect(main).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.types).toBe('./dist/index.d.ts');
    expect(pkg.sideEffects).not.toContain('./dist/index.js');
    for (const file of [main.types, main.default, ...pkg.sideEffects]) expect(existsSync(new URL(file, root))).toBe(true);
  });

  it('offers every file a user may load (dist/*.js, dist/locales/*.js) in exports, each with types that exist', () => {
    const entries = Object.entries(pkg.exports).filter(([key]) => key !== './package.json');
    const exported = new Map<string, string>();
    for (const [key, value] of entries) {
      expect(value, `exports["${key}"] has no types`).toMatchObject({ types: expect.any(String), default: expect.any(String) });
      const { types, default: file } = value as { types: string; default: string };
      if (!file.includes('*')) {
        exported.set(file.slice(2), types);
        continue;
      }
      // A wildcard: every file it matches, with the types the same wildcard names.
      const [folder, suffix] = [file.slice(2, file.indexOf('*')), file.slice(file.indexOf('*') + 1)];
      for (const name of readdirSync(new URL(folder, root)).filter((f) => f.endsWith(suffix))) {
        const stem = name.slice(0, -suffix.length);
        if (!exported.has(`${folder}${name}`)) exported.set(`${folder}${name}`, types.replace('*', stem));
      }
    }
    const shipped = [
      ...readdirSync(new URL('dist/', root))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `dist/${f}`),
      ...readdirSync(new URL('dist/locales/', root)).map((f) => `dist/locales/${f}`),
      'dist/server/index.js',
    ];
    expect(shipped.length).toBeGreaterThan(50);
    for (const file of shipped) {
      expect(exported.has(file), `${file} ships but no package.json exports entry offers it (add one, with types)`).toBe(true);
      const types = exported.get(file)!;
      expect(existsSync(new URL(types, root)), `${file}: its types ${types} do not exist`).toBe(true);
    }
  });

  it('documents every subpath of exports in docs/package.md', () => {
    const reference = read('docs/package.md');
    for (const key of Object.keys(pkg.exports).filter((k) => k !== './package.json')) {
      const subpath = `nps-widget${key.slice(1)}`.replace('*', '<tag>');
      expect(reference, `docs/package.md does not name ${subpath}`).toContain(`\`${subpath}\``);
    }
  });

  it('ships declarations that name only TypeScript modules (no ?inline CSS, no Vite-only import)', () => {
    const declarations = readdirSync(new URL('dist/', root), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(50);
    for (const file of declarations) {
      const text = read(`dist/${file}`);
      expect(text, file).not.toMatch(/from ['"][^'"]*\?[^'"]*['"]|\.css['"]|vite\/client/);
    }
  });

  it('keeps preact and floating-ui as dependencies of the ESM build, bundles them in the script files', () => {
    // The rest are the receiver's (nps-widget/server and the command), which no browser build imports.
    expect(new Set(Object.keys(pkg.dependencies))).toEqual(new Set(['@floating-ui/dom', 'preact', ...SERVER_DEPENDENCIES]));
    // The ESM build is one file per module: they import the libraries, none contains them.
    const esm = ['index.js', 'loader/widget.js', 'survey/open.js', 'dom/anchor.js', 'ui/Survey.js'].map((f) => read(`dist/${f}`)).join('\n');
    expect(esm).toMatch(/from "preact"/);
    // Positioning is @floating-ui/dom's own: computePosition, autoUpdate and its middleware.
    expect(esm).toMatch(/import \{[^}]*\bautoUpdate\b[^}]*\bcomputePosition\b[^}]*\} from "@floating-ui\/dom"/);
    expect(esm).not.toMatch(/getDerivedStateFromError|function computePosition|@floating-ui\/core/);
    // The loader never imports the survey: the doors load it by import() (index.ts for the package).
    expect(read('dist/loader/widget.js')).not.toMatch(/survey\/(open|survey|index)\.js/);
    expect(read('dist/index.js')).toMatch(/import\("\.\/survey\/index\.js"\)/);
    const script = read('dist/nps-widget.js');
    // A classic script cannot hold static imports; import() loads the files beside it.
    expect(script).not.toMatch(/\bimport\s*[{"'\w*]|\brequire\(/);
    expect(script).toMatch(/var NpsWidget\s*=/);
    expect(read('dist/nps-widget.full.js')).toMatch(/var NpsWidget\s*=/);
  });

  it("has exactly one Preact among the files a page may load with the loader: the survey's", () => {
    const withPreact = SCRIPTS.filter((file) => file !== 'dist/nps-widget.full.js' && PREACT.test(read(file)));
    expect(withPreact).toEqual(['dist/nps-widget-survey.js']);
    // Standalone modules: each is one request, with no static import (the survey imports locale files by URL).
    for (const file of ['dist/nps-widget-survey.js', 'dist/nps-widget-anchored.js', 'dist/nps-widget-extras.js']) {
      expect(read(file), file).not.toMatch(/(^|[;}])\s*import\s*[{"'*\w]/m);
    }
    expect(read('dist/nps-widget-anchored.js')).toMatch(/getClippingRect|autoUpdate/);
    expect(read('dist/nps-widget.js')).not.toMatch(PREACT);
  });

  it("ships scripts a CSP without 'unsafe-eval' accepts: no eval, no new Function, no string timers", () => {
    for (const file of [...SCRIPTS, 'dist/nps-preview.js']) {
      const code = read(file);
      expect(code, file).not.toMatch(/\beval\s*\(|\bnew Function\b|\bFunction\s*\(\s*["'`]|setTimeout\s*\(\s*["'`]/);
    }
  });

  it('ships ASCII-only scripts, so pages without a UTF-8 charset show the text right', () => {
    for (const file of [...SCRIPTS, 'dist/nps-preview.js']) {
      expect(
        [...read(file)].some((c) => c.charCodeAt(0) > 0x7f),
        `${file} has non-ASCII characters`,
      ).toBe(false);
    }
  });

  it('ships every locale as a standalone file beside the script, importable from the package', async () => {
    const { LOCALES } = (await import(new URL('dist/index.js', root).href)) as typeof import('../../src/index.js');
    for (const tag of LOCALES.filter((t) => t !== 'en')) {
      const file = read(`dist/locales/${tag}.js`);
      expect(file, tag).not.toMatch(/^\s*import\s/m);
      const table = ((await import(new URL(`dist/locales/${tag}.js`, root).href)) as { default: { tag: string } }).default;
      expect(table.tag).toBe(tag);
    }
    expect(pkg.exports['./locales/*']).toEqual({ types: './dist/core/locales/*.d.ts', default: './dist/locales/*.js' });
    // The matcher the script loads for non-English pages sits in the same folder, standalone too.
    expect(read('dist/locales/match.js')).not.toMatch(/^\s*import\s/m);
    const matcher = (await import(new URL('dist/locales/match.js', root).href)) as { pickLocale(...a: unknown[]): string };
    expect(matcher.pickLocale(null, 'es-MX', [])).toBe('es-419');
  });

  it('ships the files beside the script as standalone modules of one build, and in the package as chunks', async () => {
    const extras = (await import(new URL('dist/nps-widget-extras.js', root).href)) as {
      accentFor(c: string, t: string): unknown;
      whenTriggered: unknown;
      VERSION: string;
    };
    expect(extras.accentFor('#ffd600', 'light')).toMatchObject({ accentText: '#111318' });
    expect(typeof extras.whenTriggered).toBe('function');
    expect(extras.VERSION).toBe((JSON.parse(read('package.json')) as { version: string }).version);
    expect(read('dist/loader/widget.js')).not.toMatch(/accentPalette|scrolledPercent/);
    for (const file of ['nps-widget.full.js', 'nps-widget-survey.js', 'nps-widget-anchored.js', 'nps-widget-extras.js']) {
      expect(pkg.exports[`./${file}`]).toMatchObject({ default: `./dist/${file}` });
    }
  });

  it('declares the public API in the types: the widget in the main entry, results in nps-widget/results, which the main entry re-exports', async () => {
    const types = read('dist/index.d.ts');
    for (const name of ['createNpsWidget', 'validateResponse', 'NpsCommand', 'NpsSurveyElement']) expect(types).toContain(name);
    expect(types).toContain("export * from './results.js';");
    const results = read('dist/results.d.ts');
    for (const name of ['calculateNps', 'compareNps', 'mountNpsPreview', 'aggregateResults', 'NpsResponse']) expect(results).toContain(name);
    const [main, subpath] = await Promise.all(
      ['dist/index.js', 'dist/results.js'].map((f) => import(new URL(f, root).href) as Promise<Record<string, unknown>>),
    );
    for (const [name, value] of Object.entries(subpath!)) expect(main![name], name).toBe(value);
  });
});

describe('the receiver in the package', () => {
  it('is the nps-widget command and the typed nps-widget/server subpath, built for Node', () => {
    expect(pkg.bin).toEqual({ 'nps-widget': './bin/nps-widget.js' });
    expect(read('bin/nps-widget.js')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(pkg.exports['./server']).toEqual({ types: './dist/server/index.d.ts', default: './dist/server/index.js' });
    for (const file of ['dist/server/index.js', 'dist/server/index.d.ts', 'dist/server/cli.js']) expect(existsSync(new URL(file, root)), file).toBe(true);
  });

  it('imports in Node without opening storage, loading PGlite or reaching a network', async () => {
    const server = (await import(new URL('dist/server/index.js', root).href)) as typeof import('../../src/server/index.js');
    expect(typeof server.createReceiver).toBe('function');
    expect(server.pglite({ dataDir: 'never-opened' }).description).toBe('PGlite in never-opened');
    expect(existsSync(new URL('never-opened', root))).toBe(false);
  });

  it('stays out of every browser build: nothing outside dist/server/ mentions it or its dependencies', () => {
    const browserFiles = readdirSync(new URL('dist/', root), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.js') && !file.startsWith('server'),
    );
    expect(browserFiles.length).toBeGreaterThan(10);
    for (const file of browserFiles) {
      const code = read(`dist/${file}`);
      expect(code, file).not.toMatch(/pglite|from "pg"|from "hono"|@hono\/node-server|server\/index/);
    }
  });
});

describe('the ESM entry in Node, without a DOM', () => {
  it('imports without touching window or document, and calculates', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const api = (await import(new URL('dist/index.js', root).href)) as typeof import('../../src/index.js');
    const hungarian = api.calculateNps({ counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] });
    expect(hungarian.rounded).toBe(-12);
    expect(hungarian.nps).toBeCloseTo(-11.6402116402, 9);
  });

  it('gives server-side callers of createNpsWidget an inert widget, not an exception, and says so once per process', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = (await import(new URL('dist/index.js', root).href)) as typeof import('../../src/index.js');
    // A server renders many pages: one warning, not one a render.
    for (let render = 0; render < 3; render += 1) {
      const widget = api.createNpsWidget({ endpoint: '/api/nps' });
      expect(() => {
        widget.show();
        widget.on('submit', () => {})();
        widget.destroy();
      }).not.toThrow();
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/without a browser page/);
    warn.mockRestore();
  });
});
