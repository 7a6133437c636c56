/**
 * npm run size: what each part of dist/nps-widget.js costs, from the build's own output.
 * Builds the script-tag file with a source map, gives every output byte to the source it
 * came from, and reports each part's raw bytes and its marginal gzip/brotli cost (how much
 * smaller the file would compress without it), against the budget.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { BUDGET, measure } from './budget.mjs';

const root = new URL('../../', import.meta.url);
const outDir = mkdtempSync(join(tmpdir(), 'nps-size-'));
await build({
  root: root.pathname,
  configFile: new URL('vite.config.ts', root).pathname,
  mode: process.env.MODE ?? 'script',
  logLevel: 'silent',
  build: { outDir, sourcemap: true, emptyOutDir: true },
});
// Without the source-map comment this build adds, the file is byte for byte what ships.
const code = readFileSync(join(outDir, process.env.FILE ?? 'nps-widget.js'), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
const map = JSON.parse(readFileSync(join(outDir, (process.env.FILE ?? 'nps-widget.js') + '.map'), 'utf8'));
rmSync(outDir, { recursive: true, force: true });

const gzip = (/** @type {string} */ text) => gzipSync(text, { level: 9 }).length;
const brotli = (/** @type {string} */ text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The part a source file belongs to: the libraries as wholes, our files one by one. */
function partOf(/** @type {string} */ source) {
  if (source.includes('node_modules/preact')) return 'Preact';
  if (source.includes('node_modules/@floating-ui')) return 'floating-ui';
  if (source.includes('locales/en')) return 'English strings (src/core/locales/en.ts)';
  return source.replace(/^.*?\bsrc\//, 'src/');
}

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

/** For each output character, the index of the part it came from (-1: the bundle's own glue). */
const STYLES = 'styles (src/ui/styles.css)';
const parts = [...new Set([...map.sources.map(partOf), STYLES])];
const partIndex = map.sources.map((/** @type {string} */ s) => parts.indexOf(partOf(s)));
const lines = code.split('\n');
/** @type {number[][]} */
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

// The ?inline stylesheet has no source of its own in the map: find its string in the output.
lines.forEach((/** @type {string} */ text, /** @type {number} */ row) => {
  const start = text.indexOf(':host{');
  if (start < 0) return;
  const quote = text[start - 1] ?? '"'; // the minifier picks the string's quote character
  const end = text.indexOf(quote, start);
  owners[row]?.fill(parts.indexOf(STYLES), start, end < 0 ? text.length : end);
});

const total = { raw: code.length, gzip: gzip(code), brotli: brotli(code) };
const rows = parts.map((name, index) => {
  const without = lines.map((line, row) => [...line].filter((_, col) => owners[row]?.[col] !== index).join('')).join('\n');
  return { name, raw: code.length - without.length, gzip: total.gzip - gzip(without), brotli: total.brotli - brotli(without) };
});
rows.sort((a, b) => b.gzip - a.gzip);

const width = Math.max(...rows.map((r) => r.name.length), 12);
const line = (/** @type {string} */ name, /** @type {number|string} */ raw, /** @type {number|string} */ gz, /** @type {number|string} */ br) =>
  `${name.padEnd(width)}  ${String(raw).padStart(7)}  ${String(gz).padStart(7)}  ${String(br).padStart(7)}`;
console.log('dist/nps-widget.js, by part (marginal cost: how much less the file would weigh without it)\n');
console.log(line('part', 'raw', 'gzip', 'brotli'));
for (const row of rows) console.log(line(row.name, row.raw, row.gzip, row.brotli));
console.log(line('TOTAL', total.raw, total.gzip, total.brotli));
console.log(`\nbudget: gzip ${total.gzip} (target ${BUDGET.gzip.target}, ceiling ${BUDGET.gzip.ceiling}), brotli ${total.brotli} (target ${BUDGET.brotli.target}, ceiling ${BUDGET.brotli.ceiling})`);

// The extras load only for configurations that use them (README "Extras"); the script's figure excludes them.
try {
  const extras = await measure(readFileSync(new URL('dist/nps-widget-extras.js', root)));
  console.log(`dist/nps-widget-extras.js (only for accentColor, scrollPercent, exitIntent, askConsent, promoterLink, bar, modal, inline and anchored placements, dark and auto themes, debug): ${extras.gzip} B gzip, ${extras.brotli} B brotli (cap ${BUDGET.extrasGzip} gzip)`);
} catch {
  console.log('dist/nps-widget-extras.js: not built (npm run build)');
}

// --write: put the size of the built dist/nps-widget.js into the README (a test checks it).
if (process.argv.includes('--write')) {
  const built = await measure(readFileSync(new URL('dist/nps-widget.js', root)));
  const readme = new URL('README.md', root);
  const sentence = `**${built.gzip.toLocaleString('en')} bytes gzip, ${built.brotli.toLocaleString('en')} bytes brotli**`;
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- size -->.*?<!-- \/size -->/s, `<!-- size -->${sentence}<!-- /size -->`));
  console.log(`README: ${sentence}`);
}
