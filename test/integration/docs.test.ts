/**
 * The README is the product's front door and docs/ its reference: every option the code accepts
 * is in docs/options.md, every event in docs/payload-and-delivery.md, every flag and route of
 * the receiver in docs/receiver.md, and the README shows the way to each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from '../../src/core/all-options.js';
import { EVENT_NAMES } from '../../src/core/events.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const tableNames = (text: string) => new Set([...text.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]));

/** The text of a section: from its heading to the next heading of the same level or higher. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const next = text.slice(start + heading.length + 2).search(new RegExp(`^#{1,${level}} `, 'm'));
  return next === -1 ? text.slice(start) : text.slice(start, start + heading.length + 2 + next);
}

describe('docs/options.md', () => {
  const options = read('docs/options.md');

  it('documents every option, and nothing else, in its table', () => {
    expect(tableNames(section(options, '## Every option'))).toEqual(new Set(OPTION_NAMES));
  });

  it('gives each option its data attribute, or says it has none', () => {
    for (const line of section(options, '## Every option')
      .split('\n')
      .filter((l) => l.startsWith('| `'))) {
      const [name, attribute] = line.split(' | ').map((cell) => cell.replace(/^\| /, ''));
      const kebab = `\`data-${name!.slice(1, -1).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}\``;
      expect([kebab, 'none (an object)'], line).toContain(attribute);
    }
  });

  it('documents every option of show()', async () => {
    const { parseShowOptions } = await import('../../src/core/options.js');
    const checked = parseShowOptions({}).value;
    expect(tableNames(section(options, '## `show` options'))).toEqual(new Set(Object.keys(checked ?? {})));
  });
});

describe('docs/payload-and-delivery.md', () => {
  it('documents every event', () => {
    expect(tableNames(section(read('docs/payload-and-delivery.md'), '## Events'))).toEqual(new Set(EVENT_NAMES));
  });
});

describe('README', () => {
  it('is a front door, not the reference: at most about 12 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12_500);
  });

  it("puts the site owner's way first: install, receive, results, then contributing", () => {
    const order = ['## Install', '## Receive responses', '## See the results', '## Documentation', '## Contributing'].map((h) => readme.indexOf(`\n${h}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(readme).toContain('npm install nps-widget');
  });

  it('names no file of the repository that the package does not ship, as it is read on npm too', () => {
    const { files } = JSON.parse(read('package.json')) as { files: string[] };
    // npm ships these whatever `files` says.
    const shipped = [...files, 'package.json', 'README.md', 'LICENSE'];
    const named = [...readme.matchAll(/`([^`\s]+)`|\]\(([^)#\s]+)/g)].map((m) => (m[1] ?? m[2])!.replace(/^\.\//, ''));
    const unshipped = named.filter(
      (name) =>
        !/^[a-z]+:|^\//.test(name) &&
        existsSync(new URL(`../../${name}`, import.meta.url)) &&
        !shipped.some((entry) => name === entry || name.startsWith(`${entry}/`)),
    );
    expect(unshipped).toEqual([]);
  });

  it('names, beside the script tag, every file the loader loads from its own folder', async () => {
    const { FILES } = await import('../bench/budget.mjs');
    const scriptTag = section(readme, '### With a script tag');
    for (const file of [FILES.loader, FILES.survey, FILES.anchored, FILES.extras, FILES.full, 'locales/']) expect(scriptTag).toContain(`\`${file}\``);
  });

  it('leads to the index of docs/ from its table of contents, and the index to every page', () => {
    expect(section(readme, '## Documentation')).toContain('(docs/README.md)');
    const index = read('docs/README.md');
    for (const page of readdirSync(new URL('../../docs/', import.meta.url)).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      expect(index, `docs/README.md does not link ${page}`).toContain(`](${page})`);
    }
  });

  it('shows exactly the two quick-start commands that CI runs', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm run setup && npm test');
    expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toContain('npm run setup && npm test');
  });
});

describe('docs/receiver.md', () => {
  const reference = readFileSync(new URL('../../docs/receiver.md', import.meta.url), 'utf8');

  it('documents every flag of nps-widget serve and its environment twin, as --help lists them', async () => {
    const { USAGE } = await import('../../src/server/cli.js');
    const flags = [...USAGE.matchAll(/^\s+(--[a-z-]+)(?: [A-Z]+)?\s+([A-Z_]+)?/gm)];
    expect(flags.length).toBeGreaterThanOrEqual(8);
    const table = reference.slice(reference.indexOf('## Options'), reference.indexOf('## Routes'));
    for (const [, flag, variable] of flags) {
      expect(table, flag).toContain(`\`${flag}`);
      if (variable) expect(table, variable).toContain(`\`${variable}\``);
    }
  });

  it('documents every route, and the README links to it from its section on receiving', () => {
    for (const route of ['POST /responses', 'GET /results', 'GET /responses', 'DELETE /responses/{id}', 'DELETE /responses?userId=', '/nps-widget.js'])
      expect(reference).toContain(route);
    const receiving = section(readme, '## Receive responses');
    // Both ways to run it in the section's first screen (about 25 lines).
    const firstScreen = receiving.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npx nps-widget serve');
    expect(firstScreen).toContain('--database postgres://');
    expect(receiving).toContain('(docs/receiver.md)');
  });
});

/** Files of the repository under these folders, recursively, with their text. */
function sources(...folders: string[]) {
  return folders.flatMap((folder) =>
    readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx|js|mjs|css|html)$/.test(file))
      .map((file) => ({ path: `${folder}/${file}`, text: read(`${folder}/${file}`) })),
  );
}

describe('what the code cites', () => {
  // The reference lives in docs/, which the repository and the package both hold: a comment (and
  // so a shipped .d.ts) that cites a document outside them sends its reader nowhere.
  const OUTSIDE = [/\bcontract,? (?:section|§)/i, /§ ?\d/, /\bthe contract\b/i, /nps-method/i, /\.\.\/shared\b/, /\bnotes\/[\w-]+\.md/];

  it('never cites a document outside the repository: the contract, its sections, ../shared, notes/', () => {
    const citing = sources('src', 'demo', 'bin', 'test')
      .filter(({ path }) => path !== 'test/integration/docs.test.ts')
      .flatMap(({ path, text }) =>
        text.split('\n').flatMap((line, index) => (OUTSIDE.some((pattern) => pattern.test(line)) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(citing).toEqual([]);
  });

  it('cites only docs/ pages that exist', () => {
    const pages = new Set(readdirSync(new URL('../../docs/', import.meta.url)));
    const missing = sources('src', 'demo', 'bin', 'test').flatMap(({ path, text }) =>
      [...text.matchAll(/\bdocs\/([\w-]+\.md)\b/g)].filter(([, page]) => !pages.has(page!)).map(([cited]) => `${path}: ${cited}`),
    );
    expect(missing).toEqual([]);
  });
});

/** Markdown without its fenced code blocks, where a `](` or a `#` line is code, not a link or a heading. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```$/gm, '');

/** The anchors GitHub (and npm) give a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!
      .replace(/`/g, '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

describe('the links of the README and docs/', () => {
  const pages = [
    'README.md',
    'CHANGELOG.md',
    'BENCHMARKS.md',
    ...readdirSync(new URL('../../docs/', import.meta.url))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('lead to files that exist and, after a #, to one of their headings', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const [, target] of prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [file, anchor] = target!.split('#');
        const linked = file ? normalize(join(dirname(page), file)) : page;
        if (!existsSync(new URL(`../../${linked}`, import.meta.url))) broken.push(`${page}: ${target} (no file ${linked})`);
        else if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(read(linked)).has(anchor))
          broken.push(`${page}: ${target} (no heading #${anchor} in ${linked})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('are checked: the README links into docs/, with anchors', () => {
    expect(anchorsOf(read('docs/api.md'))).toContain('web-component-nps-survey');
    expect(anchorsOf(read('docs/calculator.md'))).toContain('what-calculatenps-returns');
    expect([...prose(readme).matchAll(/\]\((docs\/[^)#]+)/g)].length).toBeGreaterThanOrEqual(10);
  });
});
