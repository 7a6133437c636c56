/**
 * The size budget in bytes (gzip level 9, brotli quality 11): the target we build towards and
 * the ceiling npm test fails above, for what a page downloads. The ceilings are gzip figures;
 * brotli is reported beside them. A feature that would cross a ceiling pays for itself first,
 * or moves to a file that only the configurations using it load (docs/loading.md, "The extras").
 */
export const BUDGET = {
  /**
   * dist/nps-widget.js, the loader every page of a site runs, whether or not a survey shows.
   * The ceiling was 7,000. The script's global NpsWidget must hold the package's calculateNps
   * and compareNps (the public API, synchronous from the moment the script ran), which cost
   * 1,480 B gzip here (the calculator with its scale rules); the loader's own work (commands,
   * option checks, rules and their memory, the outbox's courier) is about 7,000 B. It also
   * lends the survey file the core both use (src/loader/lent.ts, 46 B here, 358 B less there).
   * BENCHMARKS.md says where each part goes and what was tried.
   */
  loader: { target: 5_000, ceiling: 8_500 },
  /**
   * What a survey in a corner needs in all: the loader and dist/nps-widget-survey.js. The
   * ceiling was 20,000: the loader's calculator (above) counts here too, and the survey file
   * is Preact (4.3 KB), its styles (1.4 KB) and 6.5 KB of our own. BENCHMARKS.md lists the
   * cuts made and the ones measured and left.
   */
  corner: { target: 15_000, ceiling: 20_700 },
  /**
   * dist/nps-widget-extras.js, fetched only by configurations that use it (scroll or exit
   * intent, accent, bar, modal or inline placement, dark theme, debug), once.
   */
  extrasGzip: 3_000,
  /** What createNpsWidget from the package adds to an app's main chunk (the survey is a chunk behind import()). */
  appMainChunkGzip: 7_000,
};

/** The files a page may load, as docs/loading.md and BENCHMARKS.md name them. */
export const FILES = {
  loader: 'nps-widget.js',
  survey: 'nps-widget-survey.js',
  anchored: 'nps-widget-anchored.js',
  extras: 'nps-widget-extras.js',
  full: 'nps-widget.full.js',
  preview: 'nps-preview.js',
};

/** The file's compressed sizes, measured the way the budget is stated. */
export async function measure(/** @type {string | Buffer} */ code) {
  const { brotliCompressSync, constants, gzipSync } = await import('node:zlib');
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * What a page view downloads in each case that matters, from the built files' sizes:
 * no survey shows (the loader), a corner survey shows (+ the survey), an anchored one (+ the
 * positioning). Each case's requests are the files it lists.
 * @param {Record<keyof typeof FILES, { raw: number, gzip: number, brotli: number }>} sizes
 */
export function pageViews(sizes) {
  const sum = (/** @type {(keyof typeof FILES)[]} */ files) => ({
    files: files.map((f) => FILES[f]),
    raw: files.reduce((n, f) => n + sizes[f].raw, 0),
    gzip: files.reduce((n, f) => n + sizes[f].gzip, 0),
    brotli: files.reduce((n, f) => n + sizes[f].brotli, 0),
  });
  return {
    'no survey shows': sum(['loader']),
    'a corner survey shows': sum(['loader', 'survey']),
    'an anchored survey shows': sum(['loader', 'survey', 'anchored']),
    'the single file': sum(['full']),
  };
}
