/**
 * The size budget of dist/nps-widget.js in bytes (gzip level 9, brotli quality 11): the target
 * we build towards, and the ceiling npm test fails above. A feature that would cross the
 * ceiling pays for itself first (see README "Extras" for where opt-in code goes).
 */
export const BUDGET = {
  /**
   * dist/nps-widget-extras.js, fetched only by configurations that use it (accent, scroll or
   * exit intent, consent, promoter link, the placements other than the corners, dark theme,
   * debug, and an anchored survey's positioning: floating-ui and ours, about 1.7 KB that only
   * anchored surveys need), in one request before the survey first shows. Kept well under the
   * script itself.
   */
  extrasGzip: 4_500,
  gzip: { target: 15_000, ceiling: 20_000 },
  brotli: { target: 13_000, ceiling: 18_000 },
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
