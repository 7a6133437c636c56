/**
 * What the panels read with: the API calls of api.ts bound to the token, which hand a refused
 * token to the dashboard (it asks again) and ignore answers to requests a newer one replaced.
 */
import { apiUrl, readPage, TokenRefused, type Page, type Params } from './api.js';

export interface Reader {
  get<T>(path: string, params: Params, signal: AbortSignal): Promise<T>;
  page<T>(url: string, signal: AbortSignal): Promise<Page<T>>;
}

export function createReader(token: string, onRefused: () => void): Reader {
  const page = async <T>(url: string, signal: AbortSignal): Promise<Page<T>> => {
    try {
      return await readPage<T>(token, url, signal);
    } catch (error) {
      if (error instanceof TokenRefused) onRefused();
      throw error;
    }
  };
  return { page, get: async (path, params, signal) => (await page<never>(apiUrl(path, params), signal)).body };
}

/** An aborted request (the choices changed, the panel went away): nothing to report. */
export const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

/** What a panel says when a read fails; a refused token is said once, by the token form. */
export const failureText = (error: unknown): string | null =>
  isAbort(error) || error instanceof TokenRefused ? null : `Could not read the results: ${error instanceof Error ? error.message : String(error)}`;
