/**
 * JSON state in localStorage, falling back to memory when storage is unavailable (private
 * modes, quota, disabled storage) so the widget still works, only without memory across pages.
 */
import { messageOf } from '../core/report.js';

export interface JsonStore<T> {
  read(): T;
  write(value: T): void;
  /** 'local' while localStorage works, 'memory' after it failed. */
  readonly kind: 'local' | 'memory';
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface JsonStoreOptions<T> {
  parse: (json: string | null) => T;
  /** Empty values remove the key instead of storing a husk. */
  isEmpty?: (value: T) => boolean;
  /** Told, with the reason, when storage fails and memory takes over. */
  onFallback: (reason: string) => void;
  storage?: StorageLike | null;
}

/** `localStorage` itself can throw on access (disabled storage, sandboxed frames). */
export function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createJsonStore<T>(key: string, options: JsonStoreOptions<T>): JsonStore<T> {
  const { parse, isEmpty = () => false, onFallback } = options;
  let local: StorageLike | null = options.storage === undefined ? defaultStorage() : options.storage;
  let memory: T = parse(null);

  function fallBack(error: unknown): void {
    local = null;
    onFallback(messageOf(error));
  }

  if (!local) onFallback('localStorage is not available');

  return {
    get kind() {
      return local ? 'local' : 'memory';
    },
    read() {
      if (!local) return memory;
      try {
        return parse(local.getItem(key));
      } catch (error) {
        fallBack(error);
        return memory;
      }
    },
    write(value) {
      memory = value;
      if (!local) return;
      try {
        if (isEmpty(value)) local.removeItem(key);
        else local.setItem(key, JSON.stringify(value));
      } catch (error) {
        // Full or refused: keep going from memory, which already holds this state.
        fallBack(error);
      }
    },
  };
}
