/**
 * Every TypeScript snippet of the README and docs/ (```ts blocks) type-checks against the
 * built package as a user's project would: strict, skipLibCheck off, 'nps-widget' resolved
 * through its package.json from node_modules. A snippet runs as the body of an async function
 * (so `await` and `return` read as they would in a handler), its imports and `/// <reference>`
 * lines above it; one without imports continues the snippet before it and gets its imports. The names snippets use without defining them (a
 * button, a request body) are declared below, with the type a reader would assume.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBuild, ROOT, run } from '../packed.js';

requireBuild('dist/index.d.ts');

/** What the snippets take as given. A new snippet that needs another name adds it here. */
const GIVEN = `
type NpsResponse = import('nps-widget').NpsResponse;
declare const button: HTMLElement;
declare const element: Element;
declare const body: string;
declare const request: Request;
declare const token: string;
declare function reply(status: number, body: unknown): Response;
declare const db: Map<string, NpsResponse>;
declare const responses: NpsResponse[];
declare const moreResponses: NpsResponse[];
declare const scores: number[];
declare const lastMonth: number[];
declare const thisMonth: number[];
declare const before: number[];
declare const after: number[];
`;

/** What stays at the top of the file: imports and triple-slash references. */
const IMPORT = /^(?:import\s[\s\S]*?from\s+['"][^'"]+['"];?|\/\/\/ <reference [^>]*\/>)[ \t]*$/gm;

interface Snippet {
  /** Where it is: the file and the line its block opens on. */
  source: string;
  code: string;
}

function snippetsOf(file: string): Snippet[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const snippets: Snippet[] = [];
  let imports: string[] = [];
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, match.index).split('\n').length;
    const code = match[1]!;
    const own = code.match(IMPORT) ?? [];
    if (own.length > 0) imports = own;
    const bodyLines = code.replace(IMPORT, '');
    snippets.push({
      source: `${file}:${line}`,
      code: `${imports.join('\n')}\n\nexport async function snippet() {\n${bodyLines}\n}\n`,
    });
  }
  return snippets;
}

const folder = mkdtempSync(join(tmpdir(), 'nps-docs-types-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the TypeScript snippets of the README and docs/', () => {
  const files = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const snippets = files.flatMap(snippetsOf);

  it('are found: the README teaches the package in TypeScript', () => {
    expect(snippets.filter((s) => s.source.startsWith('README.md')).length).toBeGreaterThanOrEqual(3);
  });

  it('type-check against the built package under strict, skipLibCheck off', async () => {
    mkdirSync(join(folder, 'node_modules/@types'), { recursive: true });
    // The package as installed: its exports and types, its dependencies where it resolves them.
    symlinkSync(ROOT, join(folder, 'node_modules/nps-widget'), 'dir');
    // Server snippets read process.env, as a Node app with @types/node does.
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(folder, 'node_modules/@types/node'), 'dir');
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'reader', private: true, type: 'module' }));
    writeFileSync(join(folder, 'given.d.ts'), GIVEN);
    const names = new Map<string, string>();
    snippets.forEach((snippet, index) => {
      const name = `snippet-${index}.ts`;
      names.set(name, snippet.source);
      writeFileSync(join(folder, name), `// ${snippet.source}\n${snippet.code}`);
    });
    const compilerOptions = {
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      target: 'ES2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: ['node'],
    };
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2));
    let printed = '';
    try {
      await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: folder, timeout: 120_000 });
    } catch (error) {
      printed = (error as { stdout?: string }).stdout || String(error);
    }
    // Name the snippet's block in the docs, not the temporary file.
    const located = printed.replace(/snippet-\d+\.ts/g, (name) => `${name} (${names.get(name)})`);
    expect(located).toBe('');
  }, 180_000);
});
