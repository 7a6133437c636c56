/**
 * What differs between the doors (the package, the script tag, the single-file script): where
 * the parts the loader does not carry come from. The loader never imports them; it asks the
 * door, which loads each once and forgets a failure, so the next show asks again.
 */
import { messageOf } from '../core/report.js';
import type { AnchoredModule, ExtrasModule, SurveyModule, SurveyParts } from '../survey/contract.js';

export interface Door extends SurveyParts {
  /** The survey: Preact, the UI, its styles, English. */
  survey(): Promise<SurveyModule>;
  anchored(): Promise<AnchoredModule>;
  extras(): Promise<ExtrasModule>;
  /** The page's fetch as it was when the script loaded, before the page could wrap or replace it. */
  fetch?: typeof fetch;
}

/**
 * `load` once: concurrent callers share one attempt, a success is kept, a failure forgotten.
 * `load` learns how many attempts failed before, so a door can ask past a browser's memory of
 * the failure (below).
 */
export function once<T>(load: (failures: number) => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  let failures = 0;
  return () =>
    (pending ??= load(failures).catch((error: unknown) => {
      pending = null;
      failures += 1;
      throw error;
    }));
}

/**
 * The files beside the script at `scriptUrl` (same folder, same query: a `?v=` that versions
 * the script versions them too), each imported once with a native `import()`. An import
 * inherits the script tag's CSP nonce, so a nonce-based policy that allows the script allows
 * them; no element is added to the page. A file from another build is refused by its version.
 *
 * Browsers until 2026 keep a failed module import for the page's life (whatwg/html#6768), so
 * a retry asks for the URL with `retry=N` added.
 */
/** The version this loader was built as; the files beside it carry theirs. */
const VERSION: string = import.meta.env.NPS_VERSION;

export function besideScript(scriptUrl: string | null): <T extends { VERSION: string }>(file: string) => () => Promise<T> {
  return <T extends { VERSION: string }>(file: string) =>
    once(async (failures): Promise<T> => {
      if (!scriptUrl) throw new Error(`${file} (the script's own URL is unknown: use nps-widget.full.js)`);
      const url = new URL(file, scriptUrl);
      url.search = new URL(scriptUrl).search;
      if (failures) url.searchParams.set('retry', String(failures));
      let module: T;
      try {
        module = (await import(/* @vite-ignore */ url.href)) as T;
      } catch (error) {
        throw new Error(`${url.href} (${messageOf(error)})`, { cause: error });
      }
      if (module.VERSION !== VERSION) throw new Error(`${url.href} (from another build: ${module.VERSION})`);
      return module;
    });
}
