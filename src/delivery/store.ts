/**
 * Where the outbox lives: localStorage, so answers survive reloads and are shared by the
 * site's tabs and surveys; memory when storage is unavailable, though answers then die with
 * the page.
 */
import { type JsonStore, type StorageLike, createJsonStore, defaultStorage } from '../dom/storage.js';
import { type Outbox, adopt, parseOutbox } from './outbox.js';

export type OutboxStore = JsonStore<Outbox>;

/** The localStorage key of the site's outbox (localStorage is already per site): one for every survey. */
export const OUTBOX_KEY = 'nps-widget:outbox';

/** Earlier versions kept one outbox per survey, under this prefix and the survey's id. */
const LEGACY_PREFIX = `${OUTBOX_KEY}:`;

type EnumerableStorage = StorageLike & Pick<Storage, 'key' | 'length'>;

export function createOutboxStore(onFallback: (reason: string) => void, storage: EnumerableStorage | null = defaultStorage()): OutboxStore {
  const store = createJsonStore(OUTBOX_KEY, { parse: parseOutbox, isEmpty: (o) => o.length === 0, onFallback, storage });
  if (storage) adoptLegacyOutboxes(store, storage);
  return store;
}

/**
 * Moves what earlier versions left under per-survey keys into the site's outbox, so a page of
 * any survey sends it. Run at every start: a tab still on the earlier version may write more.
 */
function adoptLegacyOutboxes(store: OutboxStore, storage: EnumerableStorage): void {
  try {
    for (let i = storage.length - 1; i >= 0; i -= 1) {
      const key = storage.key(i);
      if (!key?.startsWith(LEGACY_PREFIX)) continue;
      store.write(adopt(store.read(), parseOutbox(storage.getItem(key))));
      // Removed only once its entries are written where they will be sent from.
      if (store.kind === 'local') storage.removeItem(key);
    }
  } catch {
    // Storage refused: the earlier keys stay for the next start; nothing is lost.
  }
}
