/**
 * The widget as a page drives it (docs/api.md, "npm package"): what `createNpsWidget` returns, and
 * what the command queue and `<nps-survey>` call. A type only: every door and layer shares it.
 */
import type { NpsOptions, ShowOptions } from './options.js';
import type { FlatRecord } from './payload.js';
import type { EventName, Handler } from './events.js';

export interface NpsWidget {
  show(options?: ShowOptions): void;
  hide(): void;
  destroy(): void;
  identify(user: FlatRecord | null): void;
  on<E extends EventName>(event: E, handler: Handler<E>): () => void;
}

/**
 * `window.nps` on a page with the script tag (docs/api.md, "Async snippet and commands"): each
 * command is a call on the widget `init` made. Before the script loads it is the snippet's
 * queue (`q`).
 */
export interface NpsCommand {
  (command: 'init', options: NpsOptions): void;
  (command: 'show', options?: ShowOptions): void;
  (command: 'hide' | 'destroy'): void;
  (command: 'identify', user: FlatRecord | null): void;
  <E extends EventName>(command: 'on', event: E, handler: Handler<E>): void;
  /** The commands the async snippet queued before the script loaded. */
  q?: ArrayLike<unknown>[];
  /** Set once a script-tag file drives the queue. */
  loaded?: true;
}

/** How every console line of the widget begins. */
export const PREFIX = 'nps-widget:';
