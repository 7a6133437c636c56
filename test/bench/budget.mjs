/** The size budget of dist/nps-widget.js, in bytes: the target we build towards, the ceiling CI enforces. */
export const BUDGET = {
  gzip: { target: 15_000, ceiling: 20_000 },
  brotli: { target: 13_000, ceiling: 18_000 },
};
