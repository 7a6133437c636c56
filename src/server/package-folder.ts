/** Where the installed package's built files are, found from this module whether it runs built or from source. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's dist/ folder: the widget's files, and the receiver's own in dist/server/. */
export function packageDistFolder(): string {
  let folder = fileURLToPath(new URL('.', import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'nps-widget') return join(folder, 'dist');
    folder = join(folder, '..');
  }
  throw new Error("cannot find the nps-widget package folder (its package.json) from the receiver's code");
}
