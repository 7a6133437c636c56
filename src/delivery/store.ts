/**
 * Where the outbox lives: localStorage, so answers survive reloads and are shared by the
 * site's tabs; memory when storage is unavailable, though answers then die with the page.
 */
import { type JsonStore, type StorageLike, createJsonStore } from '../dom/storage.js';
import { type Outbox, parseOutbox } from './outbox.js';

export type OutboxStore = JsonStore<Outbox>;

/** The localStorage key of a survey's outbox (localStorage is already per site). */
export const outboxKey = (surveyId: string) => `nps-widget:outbox:${surveyId}`;

export function createOutboxStore(key: string, onFallback: (reason: string) => void, storage?: StorageLike | null): OutboxStore {
  return createJsonStore(key, { parse: parseOutbox, isEmpty: (o) => o.length === 0, onFallback, storage });
}
