import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The receiver (`nps-widget/server` and the `nps-widget` command): Node ESM in dist/server/,
 * apart from the browser builds so none of it can reach a page. Its dependencies stay
 * imports, installed with the package; the shared rules of src/core are bundled in.
 * Types come from tsc (tsconfig.server.json).
 */
const external = [/^node:/, ...builtinModules, /^@electric-sql\/pglite(\/|$)/, /^pg(\/|$)/, /^hono(\/|$)/, /^@hono\/node-server(\/|$)/];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      // The PGlite thread is a file of its own: a Worker starts from a file.
      input: { index: 'src/server/index.ts', cli: 'src/server/cli.ts', 'pglite-worker': 'src/server/store/pglite-worker.js' },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
