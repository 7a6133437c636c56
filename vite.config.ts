import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform as swcTransform } from '@swc/core';
import { minify as terserMinify, type MinifyOptions } from 'terser';
import { defineConfig } from 'vitest/config';
import type { Plugin, UserConfig } from 'vite';
import SummaryReporter from './test/summary-reporter.js';

/**
 * One config, one build per file set (library mode builds one format per run, and externals
 * apply to every format, so the self-contained scripts and the ESM package cannot share a run):
 *   vite build                   dist/index.js ...            ESM package, preact + floating-ui external
 *   vite build --mode script     dist/nps-widget.js           the loader every page runs (IIFE)
 *   vite build --mode survey     dist/nps-widget-survey.js    the survey, loaded when one shows
 *   vite build --mode anchored   dist/nps-widget-anchored.js  floating-ui, for anchored surveys
 *   vite build --mode extras     dist/nps-widget-extras.js    what only some configurations load
 *   vite build --mode full       dist/nps-widget.full.js      all of the above in one file (IIFE)
 *   vite build --mode preview    dist/nps-preview.js          results preview (IIFE)
 *   vite build --mode dashboard  dist/dashboard/              the receiver's results page at / (no budget: only its readers load it)
 * The loaded files are standalone ES modules that import nothing: each is one request, and
 * only the survey holds Preact, so a page has exactly one.
 */
const jsx = { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } } as const;

/**
 * The files that carry the survey (the survey file, the single file) write JSX as Preact's
 * own h(): about 100 B less gzip in the survey file than the automatic runtime, whose jsx() is
 * a second way of making a vnode beside the one render() uses, and whose calls wrap children
 * in arrays. h is imported into every module, so only a build that holds Preact anyway can
 * take it, and none whose modules import h themselves (the preview's mount): the loader, the
 * extras, the preview and the ESM package keep the automatic runtime (types come from
 * tsconfig's react-jsx either way).
 */
const classicJsx = { oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' }, jsxInject: "import { h, Fragment } from 'preact'" } } as const;
const SURVEY_FILES = ['survey', 'full'];

/**
 * Supported browsers: evergreen ones from 2022 on. Anything older would make the build lower
 * modern syntax and CSS (logical properties become long :lang() lists) at a cost in bytes
 * that every visitor pays.
 */
const BROWSERS = ['chrome100', 'edge100', 'firefox100', 'safari15.4'];

const scriptBuilds: Record<string, { entry: string; name: string; fileName: string; format: 'iife' | 'es' }> = {
  script: { entry: 'src/embed.ts', name: 'NpsWidget', fileName: 'nps-widget.js', format: 'iife' },
  // Imported by nps-widget.js from beside itself (src/loader/door.ts): the survey once one will show,
  // the positioning for an anchored one, the extras for configurations that use them.
  survey: { entry: 'src/survey/file.ts', name: 'NpsWidgetSurvey', fileName: 'nps-widget-survey.js', format: 'es' },
  anchored: { entry: 'src/survey/anchored.ts', name: 'NpsWidgetAnchored', fileName: 'nps-widget-anchored.js', format: 'es' },
  extras: { entry: 'src/survey/extras.ts', name: 'NpsWidgetExtras', fileName: 'nps-widget-extras.js', format: 'es' },
  // The IIFE format inlines the dynamic imports of src/embed-full.ts: one file.
  full: { entry: 'src/embed-full.ts', name: 'NpsWidget', fileName: 'nps-widget.full.js', format: 'iife' },
  preview: { entry: 'src/preview-embed.ts', name: 'NpsPreview', fileName: 'nps-preview.js', format: 'iife' },
  dashboard: { entry: 'src/dashboard/index.tsx', name: 'NpsDashboard', fileName: 'dashboard/app.js', format: 'es' },
};

/** The dashboard's page, beside its script (a folder of their own: a page, not a file to import): the receiver answers it at `/`. */
function dashboardPage(): Plugin {
  return {
    name: 'nps:dashboard-page',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'dashboard/index.html',
        source: readFileSync(new URL('src/dashboard/dashboard.html', import.meta.url), 'utf8'),
      });
    },
  };
}

const TERSER: MinifyOptions = {
  ecma: 2020,
  compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
  format: { comments: false, ascii_only: true },
};

/**
 * The script-tag files go through swc's minifier and then terser: each finds folds the other
 * misses, and together they give about 1% less gzip than terser alone (terser alone already
 * beat Vite's default by 2%). Every visitor downloads these files, so the build pays.
 */
function minifyTwice(): Plugin {
  return {
    name: 'nps:minify-twice',
    // After the bundle is rendered: code returned from renderChunk is printed again by the bundler.
    async generateBundle(output, bundle) {
      const isModule = output.format === 'es';
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const sourceMap = file.map !== null;
        // swc's transform (not its minify) takes an input map, so the final map still points at src/.
        const first = await swcTransform(file.code, {
          jsc: {
            target: 'es2020',
            minify: {
              compress: { passes: 5, pure_getters: true, unsafe_arrows: true, unsafe: true, unsafe_methods: true, unsafe_comps: true },
              mangle: true,
              format: { asciiOnly: true, comments: false },
            },
          },
          minify: true,
          isModule,
          sourceMaps: sourceMap,
          inputSourceMap: sourceMap ? JSON.stringify(file.map) : false,
        });
        const second = await terserMinify(first.code, { ...TERSER, module: isModule, sourceMap: sourceMap && first.map ? { content: first.map } : false });
        file.code = second.code ?? '';
        // The map is emitted as an asset of its own beside the chunk; replace what it will write.
        const mapAsset = bundle[`${file.fileName}.map`];
        if (sourceMap && second.map && mapAsset?.type === 'asset') mapAsset.source = second.map as string;
      }
    },
  };
}

/** The core modules the survey file borrows from the loader (src/loader/lent.ts) instead of carrying them. */
const BORROWED = /\/src\/core\/(report|scale|category|payload)\.ts$/;

/**
 * The survey file's imports of the modules in BORROWED resolve to src/survey/borrowed.ts,
 * which its createSurvey fills with what the loader lends: one copy per page, the loader's.
 */
function borrowFromLoader(): Plugin {
  return {
    name: 'nps:borrow-from-loader',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && BORROWED.test(resolved.id) ? fileURLToPath(new URL('src/survey/borrowed.ts', import.meta.url)) : null;
    },
  };
}

function libraryBuild(mode: string): UserConfig['build'] {
  const script = scriptBuilds[mode];
  if (script) {
    return {
      emptyOutDir: false,
      target: BROWSERS,
      cssTarget: BROWSERS,
      // JavaScript is minified by minifyTwice (below); the stylesheet string still by Lightning CSS.
      minify: false,
      cssMinify: 'lightningcss',
      lib: { entry: script.entry, name: script.name, formats: [script.format], fileName: () => script.fileName },
      // A host page without a UTF-8 charset would garble raw UTF-8 text ("±" as "Â±"); escape it.
      rolldownOptions: { output: { charset: 'ascii', generatedCode: { symbols: false } } },
    };
  }
  return {
    emptyOutDir: true,
    target: BROWSERS,
    cssTarget: BROWSERS,
    minify: false,
    // element.ts registers <nps-survey> on import: an entry of its own, listed in sideEffects.
    // results.ts is nps-widget/results, the results pages' subpath.
    lib: { entry: { index: 'src/index.ts', element: 'src/element.ts', results: 'src/results.ts' }, formats: ['es'] },
    rolldownOptions: {
      external: [/^preact(\/|$)/, /^@floating-ui\//],
      output: {
        // One file per module, so a bundle that uses only the calculator never reaches the
        // module that imports Preact (Preact does not declare itself free of side effects).
        preserveModules: true,
        preserveModulesRoot: 'src',
        // Locale tables keep stable names beside the script: dist/locales/<tag>.js is where the
        // script-tag files load them from, and what 'nps-widget/locales/fi' points to.
        // The matcher goes with them (the script loads it from that folder for non-English pages).
        entryFileNames: (chunk) =>
          chunk.name === 'core/locale-match'
            ? 'locales/match.js'
            : chunk.name.startsWith('core/locales/')
              ? `locales/${chunk.name.slice('core/locales/'.length)}.js`
              : '[name].js',
      },
    },
  };
}

/** The version the script-tag files carry, so a loader never runs a file of another build (src/core/version.ts). */
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig(({ mode }) => ({
  ...(SURVEY_FILES.includes(mode) ? classicJsx : jsx),
  define: { 'import.meta.env.NPS_VERSION': JSON.stringify(version) },
  plugins: scriptBuilds[mode] ? [minifyTwice(), ...(mode === 'survey' ? [borrowFromLoader()] : []), ...(mode === 'dashboard' ? [dashboardPage()] : [])] : [],
  build: libraryBuild(mode),
  test: {
    // Vitest turns CSS into '' unless told otherwise; the widget's ?inline styles must be real.
    css: { include: [/\.css(\?|$)/] },
    reporters: ['default', new SummaryReporter()],
    projects: [
      // From source, in happy-dom: the core, the UI and the shell with fetch stubbed.
      // Time limits are for a busy 2-core machine: a hang still fails, a slow start does not.
      { extends: true, test: { name: 'unit', environment: 'happy-dom', include: ['test/unit/**/*.test.{ts,tsx}'], testTimeout: 20_000 } },
      // Against the build, in Node: the package's shape and the demo collector.
      {
        extends: true,
        test: { name: 'integration', environment: 'node', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      // The receiver (src/server), in Node: every storage test on PGlite and on a real
      // PostgreSQL server that the global setup starts (and fails without, saying how to install it).
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['test/server/postgres-setup.ts'],
          // Opening PGlite took 55 s on a machine loaded twelve-fold.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // Against the build, in real Chromium and a real HTTP server on 127.0.0.1.
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
