/**
 * The package as a user gets it: `npm pack` of the built repository, and `npm install` of that
 * tarball in an empty folder. Dependencies come from the npm cache that `npm ci` filled
 * (`--prefer-offline`), so no network is needed beyond what installing the repository took.
 * Shared by the tests of the installed package (the receiver's, the types', the subpaths').
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Throws, saying what to run, when the build the tests read is missing. */
export function requireBuild(file = 'dist/index.js'): void {
  if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run npm run build first (npm test builds before running vitest).`);
}

export interface Packed {
  /** The temporary folder holding the tarball and the app. */
  folder: string;
  tarball: string;
  /** The app the tarball was installed into: package.json, node_modules/nps-widget. */
  app: string;
  remove(): void;
}

/** Packs the repository into a new temporary folder. */
export async function pack(prefix = 'nps-package-'): Promise<Omit<Packed, 'app'>> {
  requireBuild();
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', folder], { cwd: ROOT });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  return { folder, tarball: join(folder, packed!.filename), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Packs and installs the package in an empty app (an ES module package, as most apps are now),
 * with `also` installed beside it (exact versions, which the cache holds).
 */
export async function installPacked(options: { also?: string[]; prefix?: string } = {}): Promise<Packed> {
  const packed = await pack(options.prefix);
  const app = join(packed.folder, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2)}\n`);
  await run('npm', ['install', packed.tarball, ...(options.also ?? []), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    timeout: 180_000,
  });
  return { ...packed, app };
}
