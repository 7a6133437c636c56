/**
 * npm run size: what each file a page may load weighs (raw, gzip, brotli), what a page view
 * downloads in each case, and, for the two budgeted files (the loader and the survey), what
 * each part costs. Builds those two with a source map, gives every output byte to the source
 * it came from, and reports each part's marginal gzip/brotli cost (how much smaller the file
 * would compress without it). `--write` puts the figures into the README (a test checks them).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { BUDGET, FILES, measure, pageViews } from './budget.mjs';

const root = new URL('../../', import.meta.url);
const dist = new URL('dist/', root);
const gzip = (/** @type {string} */ text) => gzipSync(text, { level: 9 }).length;
const brotli = (/** @type {string} */ text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The part a source file belongs to: the libraries as wholes, our files one by one. */
function partOf(/** @type {string} */ source) {
  if (source.includes('node_modules/preact')) return 'Preact';
  if (source.includes('node_modules/@floating-ui')) return 'floating-ui';
  if (source.includes('locales/en')) return 'English strings (src/core/locales/en.ts)';
  return source.replace(/^.*?\bsrc\//, 'src/');
}
const STYLES = 'styles (src/ui/*.css)';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Decodes one source-map segment (base64 VLQ). */
function decode(/** @type {string} */ segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * String literals that hold a stylesheet (the ?inline CSS has no source of its own in the map):
 * [start, end) of each, found by walking the literals of one line.
 * @param {string} line
 */
function styleRanges(line) {
  /** @type {Array<[number, number]>} */
  const ranges = [];
  for (let i = 0; i < line.length; i++) {
    const quote = line[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    let end = i + 1;
    while (end < line.length && line[end] !== quote) end += line[end] === '\\' ? 2 : 1;
    const text = line.slice(i + 1, end);
    if (text.length > 80 && /^[.:@#*\w-][^{]*\{[^}]*:[^}]*\}/.test(text)) ranges.push([i + 1, end]);
    i = end;
  }
  return ranges;
}

/** Builds `mode` with a source map and tells what each part of its file costs. */
async function parts(/** @type {string} */ mode, /** @type {string} */ file) {
  const outDir = mkdtempSync(join(tmpdir(), 'nps-size-'));
  await build({
    root: root.pathname,
    configFile: new URL('vite.config.ts', root).pathname,
    mode,
    logLevel: 'silent',
    build: { outDir, sourcemap: true, emptyOutDir: true },
  });
  // Without the source-map comment this build adds, the file is byte for byte what ships.
  const code = readFileSync(join(outDir, file), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
  const map = JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8'));
  rmSync(outDir, { recursive: true, force: true });

  const names = [...new Set([...map.sources.map(partOf), STYLES])];
  const partIndex = map.sources.map((/** @type {string} */ s) => names.indexOf(partOf(s)));
  const lines = code.split('\n');
  /** For each output character, the index of the part it came from (-1: the bundle's own glue). */
  const owners = lines.map((line) => Array.from({ length: line.length }, () => -1));
  let source = 0;
  map.mappings.split(';').forEach((/** @type {string} */ line, /** @type {number} */ row) => {
    let column = 0;
    const segments = line.split(',').filter(Boolean).map(decode);
    segments.forEach((segment, i) => {
      column += segment[0] ?? 0;
      if (segment.length > 1) source += segment[1] ?? 0;
      const end = i + 1 < segments.length ? column + (segments[i + 1]?.[0] ?? 0) : (lines[row]?.length ?? 0);
      owners[row]?.fill(partIndex[source] ?? -1, column, end);
    });
  });
  lines.forEach((text, row) => {
    for (const [start, end] of styleRanges(text)) owners[row]?.fill(names.indexOf(STYLES), start, end);
  });

  const total = { raw: code.length, gzip: gzip(code), brotli: brotli(code) };
  const rows = names
    .map((name, index) => {
      const without = lines.map((line, row) => [...line].filter((_, col) => owners[row]?.[col] !== index).join('')).join('\n');
      return { name, raw: code.length - without.length, gzip: total.gzip - gzip(without), brotli: total.brotli - brotli(without) };
    })
    .filter((row) => row.raw > 0)
    .sort((a, b) => b.gzip - a.gzip);
  return { rows, total };
}

const width = 44;
const row = (/** @type {string} */ name, /** @type {number|string} */ raw, /** @type {number|string} */ gz, /** @type {number|string} */ br) =>
  `${name.padEnd(width)}  ${String(raw).padStart(7)}  ${String(gz).padStart(7)}  ${String(br).padStart(7)}`;

for (const [mode, file] of /** @type {const} */ ([
  ['script', FILES.loader],
  ['survey', FILES.survey],
])) {
  const { rows, total } = await parts(mode, file);
  console.log(`dist/${file}, by part (marginal cost: how much less the file would weigh without it)\n`);
  console.log(row('part', 'raw', 'gzip', 'brotli'));
  for (const r of rows) console.log(row(r.name, r.raw, r.gzip, r.brotli));
  console.log(`${row('TOTAL', total.raw, total.gzip, total.brotli)}\n`);
}

/** @type {Record<keyof typeof FILES, { raw: number, gzip: number, brotli: number }>} */
const sizes = /** @type {any} */ ({});
console.log('every file a page may load (npm run build)\n');
console.log(row('file', 'raw', 'gzip', 'brotli'));
for (const [key, file] of Object.entries(FILES)) {
  const size = await measure(readFileSync(new URL(file, dist)));
  sizes[/** @type {keyof typeof FILES} */ (key)] = size;
  console.log(row(`dist/${file}`, size.raw, size.gzip, size.brotli));
}
const locales = await Promise.all(
  readdirSync(new URL('locales/', dist))
    .filter((f) => f.endsWith('.js') && f !== 'match.js' && f !== 'en.js')
    .map(async (f) => measure(readFileSync(new URL(`locales/${f}`, dist)))),
);
const match = await measure(readFileSync(new URL('locales/match.js', dist)));
console.log(row('dist/locales/match.js (not for English)', match.raw, match.gzip, match.brotli));
const range = (/** @type {'raw'|'gzip'|'brotli'} */ k) => `${Math.min(...locales.map((l) => l[k]))}-${Math.max(...locales.map((l) => l[k]))}`;
console.log(row(`dist/locales/<tag>.js (${locales.length} files)`, range('raw'), range('gzip'), range('brotli')));

console.log('\nwhat a page view downloads (English)\n');
console.log(row('case', 'raw', 'gzip', 'brotli'));
const views = pageViews(sizes);
for (const [name, view] of Object.entries(views))
  console.log(row(`${name} (${view.files.length} file${view.files.length > 1 ? 's' : ''})`, view.raw, view.gzip, view.brotli));

const loader = sizes.loader;
const corner = views['a corner survey shows'];
console.log(
  `\nbudget (gzip): loader ${loader.gzip} (target ${BUDGET.loader.target}, ceiling ${BUDGET.loader.ceiling}); ` +
    `corner survey in all ${corner.gzip} (target ${BUDGET.corner.target}, ceiling ${BUDGET.corner.ceiling}); ` +
    `extras ${sizes.extras.gzip} (cap ${BUDGET.extrasGzip})`,
);

/** A size as the README states it. */
const figures = (/** @type {{ gzip: number, brotli: number }} */ s) =>
  `**${s.gzip.toLocaleString('en')} bytes gzip, ${s.brotli.toLocaleString('en')} bytes brotli**`;

// --write: put the built sizes into the README (a test checks them).
if (process.argv.includes('--write')) {
  const readme = new URL('README.md', root);
  writeFileSync(
    readme,
    readFileSync(readme, 'utf8')
      .replace(/<!-- size -->.*?<!-- \/size -->/s, `<!-- size -->${figures(loader)}<!-- /size -->`)
      .replace(/<!-- size:corner -->.*?<!-- \/size:corner -->/s, `<!-- size:corner -->${figures(corner)}<!-- /size:corner -->`),
  );
  console.log(`README: loader ${figures(loader)}, corner survey in all ${figures(corner)}`);
}
