/**
 * The packed tarball as a user installs it: the package linters find nothing wrong for ESM
 * consumers, every subpath of `exports` imports in plain Node (no DOM), and an app that uses
 * every subpath type-checks under strict TypeScript with skipLibCheck off, with both module
 * resolutions a TypeScript app uses today (bundler, node16).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, ROOT, run, type Packed } from '../packed.js';

let packed: Packed;
let installed: string;

beforeAll(async () => {
  packed = await installPacked({ prefix: 'nps-packed-' });
  installed = join(packed.app, 'node_modules/nps-widget');
}, 240_000);

afterAll(() => packed?.remove());

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** Runs a command; resolves with its output whatever its exit code, so a failure shows what it printed. */
async function output(command: string, args: string[], cwd: string): Promise<{ code: number; text: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, text: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, text: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message };
  }
}

/** The subpaths `exports` offers, a wildcard expanded to every file it matches. */
function subpaths(): string[] {
  const exports = (JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
  return Object.keys(exports)
    .filter((key) => key !== './package.json')
    .flatMap((key) => {
      if (!key.includes('*')) return [key];
      const target = (exports[key] as { default: string }).default;
      const [folder, suffix] = [target.slice(0, target.indexOf('*')), target.slice(target.indexOf('*') + 1)];
      return readdirSync(join(installed, folder))
        .filter((file) => file.endsWith(suffix))
        .map((file) => key.replace('*', file.slice(0, -suffix.length)));
    })
    .map((key) => `nps-widget${key.slice(1)}`);
}

/** The locale tables stand for each other: an app uses one of them. */
const oneLocale = (path: string) => (path.startsWith('nps-widget/locales/') && !path.endsWith('/match') ? 'nps-widget/locales/fi' : path);

describe('the packed package', () => {
  it('passes publint --strict', async () => {
    const { code, text } = await output(bin('publint'), ['run', packed.tarball, '--strict'], ROOT);
    expect(text).toMatch(/All good/);
    expect(code, text).toBe(0);
  });

  it('passes @arethetypeswrong/cli for ESM consumers (node16 from ESM, bundler), every locale checked', async () => {
    // The package is ESM only (README): require() of it is Node's require(esm), which the
    // esm-only profile leaves out, with node10, which cannot read `exports`.
    const locales = readdirSync(join(installed, 'dist/locales')).map((file) => `./locales/${file.replace(/\.js$/, '')}`);
    const { code, text } = await output(
      bin('attw'),
      [packed.tarball, '--profile', 'esm-only', '--no-emoji', '--no-color', '--include-entrypoints', ...locales],
      ROOT,
    );
    expect(code, text).toBe(0);
    expect(text).toContain('"nps-widget/locales/fi"');
  }, 120_000);

  it('ships every file its README and docs link to, so the links work from node_modules too', () => {
    const pages = [
      'README.md',
      'CHANGELOG.md',
      ...readdirSync(join(installed, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    expect(pages).toContain('docs/receiver.md');
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
    for (const page of pages) {
      const text = readFileSync(join(installed, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:|^#/.test(target!)) continue;
        const file = join(dirname(page), target!.replace(/#.*$/, ''));
        expect(existsSync(join(installed, file)), `${page} links to ${target}, which the package does not ship`).toBe(true);
      }
    }
  });

  it('imports every subpath in plain Node, without a DOM, printing nothing', async () => {
    const paths = subpaths();
    expect(paths).toEqual(
      expect.arrayContaining(['nps-widget', 'nps-widget/results', 'nps-widget/server', 'nps-widget/nps-widget.js', 'nps-widget/locales/fi']),
    );
    const script = `
      const results = {};
      for (const path of ${JSON.stringify(paths)}) {
        try { results[path] = Object.keys(await import(path)).length; } catch (error) { results[path] = String(error); }
      }
      console.log(JSON.stringify({ document: typeof document, window: typeof window, results }));`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: packed.app });
    const report = JSON.parse(stdout) as { document: string; window: string; results: Record<string, number | string> };
    expect([report.document, report.window]).toEqual(['undefined', 'undefined']);
    for (const path of paths) expect(typeof report.results[path], `${path}: ${report.results[path]}`).toBe('number');
    expect(stderr).toBe('');
  }, 60_000);

  it('type-checks an app using every subpath under strict TypeScript, skipLibCheck off, with bundler and node16 resolution', async () => {
    const app = readFileSync(join(ROOT, 'test/consumer/app.ts'), 'utf8');
    // The app must use every subpath, a wildcard through one of its files.
    for (const subpath of new Set(subpaths().map(oneLocale))) {
      expect(app, `test/consumer/app.ts does not use ${subpath}`).toMatch(new RegExp(`['"]${subpath.replace(/[.*]/g, '\\$&')}['"]`));
    }
    mkdirSync(join(packed.app, 'src'), { recursive: true });
    copyFileSync(join(ROOT, 'test/consumer/app.ts'), join(packed.app, 'src/app.ts'));
    const base = {
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      isolatedModules: true,
    };
    const configs = {
      bundler: { ...base, module: 'esnext', moduleResolution: 'bundler' },
      node16: { ...base, module: 'node16', moduleResolution: 'node16' },
    };
    for (const [name, compilerOptions] of Object.entries(configs)) {
      writeFileSync(join(packed.app, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, include: ['src'] }, null, 2));
      const { code, text } = await output(bin('tsc'), ['-p', `tsconfig.${name}.json`], packed.app);
      expect(text, `moduleResolution ${name}`).toBe('');
      expect(code).toBe(0);
    }
  }, 240_000);
});
