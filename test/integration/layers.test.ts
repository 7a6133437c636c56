/**
 * The layers of src/ (docs/architecture.md), kept true by reading every import of every
 * module, type-only imports included (linters skip those): core imports nothing above it, no
 * module imports one of a layer above its own, the loader knows the survey by its types only,
 * the entries reach the UI through the survey and the preview, and no two modules import
 * each other, however far round.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

type Layer = 'core' | 'dom' | 'delivery' | 'ui' | 'survey' | 'preview' | 'dashboard' | 'loader' | 'server' | 'entry';

/** What each layer may import, besides itself. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: [],
  dom: ['core'],
  delivery: ['core', 'dom'],
  ui: ['core'],
  survey: ['core', 'dom', 'delivery', 'ui'],
  preview: ['core', 'dom', 'ui'],
  // The receiver's results page: the preview and its parts, and the API over fetch.
  dashboard: ['core', 'dom', 'ui', 'preview'],
  // The survey by its types only (checked below): its code is a file of its own.
  loader: ['core', 'dom', 'delivery', 'survey'],
  server: ['core'],
  entry: ['core', 'dom', 'delivery', 'survey', 'preview', 'loader', 'server', 'entry'],
};

/** The libraries each layer may import. */
const MAY_USE: Record<Layer, RegExp | null> = {
  core: null,
  dom: /^@floating-ui\/dom$/,
  delivery: null,
  ui: /^preact(\/|$)/,
  survey: /^preact(\/|$)/,
  preview: /^preact(\/|$)/,
  dashboard: /^preact(\/|$)/,
  loader: null,
  server: /./,
  entry: null,
};

const layerOf = (file: string): Layer => {
  const [top, ...rest] = relative(SRC, file).split('/');
  if (rest.length === 0) return 'entry';
  if (top && top in MAY_IMPORT && top !== 'entry') return top as Layer;
  throw new Error(`src/${relative(SRC, file)} is in no layer: put it in one of ${Object.keys(MAY_IMPORT).join(', ')}, or say in this test where it belongs`);
};

const walk = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

interface Import {
  from: string;
  /** A resolved file of src/, or the library's name. */
  to: string;
  library: boolean;
  typeOnly: boolean;
  dynamic: boolean;
}

/** Every import, export-from and import() of a module (comments are not code, so they are left out first). */
function importsOf(file: string): Import[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
    const library = !specifier.startsWith('.');
    let to = specifier;
    if (!library) {
      const path = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
      const candidates = [path, path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx')];
      to = candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? path;
    }
    found.push({ from: file, to, library, typeOnly, dynamic });
  };
  for (const [, keyword, clause = '', specifier = ''] of code.matchAll(/\b(import|export)\s+([^;'"`]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const everyNameAType =
      names !== undefined &&
      !/^\s*type\b/.test(clause) &&
      names
        .split(',')
        .filter((n) => n.trim())
        .every((n) => /^\s*type\s/.test(n));
    add(specifier, /^\s*type\b/.test(clause) || (everyNameAType && !/^\s*\w+\s*,/.test(clause)), false);
    void keyword;
  }
  for (const [, specifier = ''] of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(specifier, false, false);
  for (const [, specifier = ''] of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(specifier, false, true);
  for (const [, specifier = ''] of code.matchAll(/\btypeof\s+import\(\s*['"]([^'"]+)['"]\s*\)/g)) add(specifier, true, false);
  return found;
}

const files = walk(SRC);
const imports = files.flatMap(importsOf);
const name = (file: string) => `src/${relative(SRC, file)}`;

describe('the layers of src/', () => {
  it('reads the imports it checks (the test would pass on nothing otherwise)', () => {
    expect(files.length).toBeGreaterThan(80);
    const loaderToSurvey = imports.filter((i) => layerOf(i.from) === 'loader' && !i.library && layerOf(i.to) === 'survey');
    expect(loaderToSurvey.length).toBeGreaterThan(0);
    expect(loaderToSurvey.every((i) => i.typeOnly)).toBe(true);
    expect(imports.some((i) => i.dynamic)).toBe(true);
  });

  it('has no module import one of a layer above its own, nor a library its layer does not use', () => {
    const wrong = imports.flatMap((i) => {
      const layer = layerOf(i.from);
      if (i.library) return MAY_USE[layer]?.test(i.to) ? [] : [`${name(i.from)} uses ${i.to} (${layer} uses ${MAY_USE[layer] ?? 'no library'})`];
      const target = layerOf(i.to);
      return target === layer || MAY_IMPORT[layer].includes(target)
        ? []
        : [`${name(i.from)} → ${name(i.to)} (${layer} may import ${[layer, ...MAY_IMPORT[layer]].join(', ')})`];
    });
    expect(wrong).toEqual([]);
  });

  it('keeps the survey out of the loader: the loader knows it by its types, and the doors load it', () => {
    const valueImports = imports.filter((i) => layerOf(i.from) === 'loader' && !i.library && layerOf(i.to) === 'survey' && !i.typeOnly);
    expect(valueImports.map((i) => `${name(i.from)} → ${name(i.to)}`)).toEqual([]);
  });

  it('lets no entry reach into the UI, and nothing but an entry import an entry', () => {
    const wrong = imports.filter(
      (i) => !i.library && ((layerOf(i.from) === 'entry' && layerOf(i.to) === 'ui') || (layerOf(i.to) === 'entry' && layerOf(i.from) !== 'entry')),
    );
    expect(wrong.map((i) => `${name(i.from)} → ${name(i.to)}`)).toEqual([]);
  });

  it('has no cycle of imports, type-only ones included', () => {
    const edges = new Map<string, string[]>();
    for (const i of imports) if (!i.library && i.to.startsWith(SRC)) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
