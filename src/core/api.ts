/**
 * The widget as a page drives it (README "npm package"): what `createNpsWidget` returns, and
 * what the command queue and `<nps-survey>` call. A type only: every door and layer shares it.
 */
import type { ShowOptions } from './options.js';
import type { FlatRecord } from './payload.js';
import type { EventName, Handler } from './events.js';

export interface NpsWidget {
  show(options?: Partial<ShowOptions>): void;
  hide(): void;
  destroy(): void;
  identify(user: FlatRecord | null): void;
  on<E extends EventName>(event: E, handler: Handler<E>): () => void;
}

/** How every console line of the widget begins. */
export const PREFIX = 'nps-widget:';
