/**
 * Where the outbox lives: localStorage, so answers survive reloads and are shared by the
 * site's tabs; memory when storage is unavailable (private modes, quota, disabled storage),
 * so the widget still works, though answers then die with the page.
 */
import { type Outbox, emptyOutbox, parseOutbox } from './outbox.js';

export interface OutboxStore {
  read(): Outbox;
  write(outbox: Outbox): void;
  /** 'local' while localStorage works, 'memory' after it failed. */
  readonly kind: 'local' | 'memory';
}

/** The localStorage key of a survey's outbox (localStorage is already per site). */
export const outboxKey = (surveyId: string) => `nps-widget:outbox:${surveyId}`;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `localStorage` itself can throw on access (disabled storage, sandboxed frames). */
function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * @param onFallback told once, with the reason, when storage fails and memory takes over
 */
export function createOutboxStore(key: string, onFallback: (reason: string) => void, storage: StorageLike | null = defaultStorage()): OutboxStore {
  let memory: Outbox = emptyOutbox;
  let local: StorageLike | null = storage;

  function fallBack(error: unknown): void {
    local = null;
    onFallback(error instanceof Error ? error.message : String(error));
  }

  if (!local) onFallback('localStorage is not available');

  return {
    get kind() {
      return local ? 'local' : 'memory';
    },
    read() {
      if (!local) return memory;
      try {
        return parseOutbox(local.getItem(key));
      } catch (error) {
        fallBack(error);
        return memory;
      }
    },
    write(outbox) {
      memory = outbox;
      if (!local) return;
      try {
        if (outbox.length) local.setItem(key, JSON.stringify(outbox));
        else local.removeItem(key);
      } catch (error) {
        // Full or refused: keep going from memory, which already holds this state.
        fallBack(error);
      }
    },
  };
}
