/**
 * A list read from GET /responses page by page: the first page whenever the query changes,
 * the next one (the answer's `Link: <...>; rel="next"`) when asked. A query that changes while
 * a page is on its way wins; the old answer is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Params } from './api.js';
import { apiUrl } from './api.js';
import { failureText, isAbort, type Reader } from './reader.js';

export interface Pages<T> {
  items: T[];
  /** Whether a further page exists. */
  more: boolean;
  busy: boolean;
  error: string | null;
  loadMore(): void;
}

export function usePages<T>(reader: Reader, path: string, params: Params): Pages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const url = apiUrl(path, params);

  const load = useCallback(
    (target: string, append: boolean) => {
      controller.current?.abort();
      const current = (controller.current = new AbortController());
      setBusy(true);
      reader
        .page<T[]>(target, current.signal)
        .then(({ body, next: following }) => {
          setItems((shown) => (append ? [...shown, ...body] : body));
          setNext(following);
          setError(null);
          setBusy(false);
        })
        .catch((failure: unknown) => {
          if (isAbort(failure)) return;
          setError(failureText(failure));
          setBusy(false);
        });
    },
    [reader],
  );

  useEffect(() => {
    load(url, false);
    return () => controller.current?.abort();
  }, [load, url]);

  return { items, more: next !== null, busy, error, loadMore: () => next && load(next, true) };
}
