/**
 * The `window.nps(...)` command queue (docs/api.md): commands queued by the async
 * snippet before the script loaded run in order, and later calls run at once. Every command
 * becomes a call on a widget from createNpsWidget; this file only translates.
 */
import type { NpsWidget } from '../core/api.js';
import type { NpsOptions } from '../core/options.js';
import type { EventName, Handler } from '../core/events.js';

type Command = (...args: unknown[]) => void;

export interface CommandQueue {
  (command: unknown, ...args: unknown[]): void;
  /** Marks a queue this script already drives, so loading the script twice changes nothing. */
  loaded?: true;
  q?: ArrayLike<unknown>[];
}

export function createCommandQueue(createNpsWidget: (options: NpsOptions) => NpsWidget): CommandQueue {
  let widget: NpsWidget | null = null;
  // Handlers registered before init are kept and attached to every widget init creates.
  const handlers: Array<[EventName, Handler<EventName>]> = [];

  /** A command the widget carries out itself, under the same name, once init made one. */
  const forward =
    (name: 'show' | 'hide' | 'identify'): Command =>
    (...args) => {
      if (widget) (widget[name] as Command)(...args);
      else console.error(`nps-widget: nps('${name}') needs nps('init', { endpoint }) first.`);
    };

  const commands: Record<'init' | 'show' | 'hide' | 'destroy' | 'identify' | 'on', Command> = {
    init(options) {
      // A second init replaces the first: the newest configuration is the one the page meant.
      widget?.destroy();
      const created = createNpsWidget(options as NpsOptions);
      for (const [event, handler] of handlers) created.on(event, handler);
      widget = created;
    },
    show: forward('show'),
    hide: forward('hide'),
    destroy: () => {
      widget?.destroy();
      widget = null;
    },
    identify: forward('identify'),
    on: (event, handler) => {
      handlers.push([event as EventName, handler as Handler<EventName>]);
      widget?.on(event as EventName, handler as Handler<EventName>);
    },
  };

  // No try around a command: createNpsWidget and every widget method already catch what they
  // throw, so a command cannot throw into the page. Own keys only: nps('toString') is unknown.
  const queue: CommandQueue = (name, ...args) => {
    if (Object.hasOwn(commands, name as PropertyKey)) commands[name as keyof typeof commands](...args);
    else console.error(`nps-widget: unknown command ${JSON.stringify(name)}; allowed: ${Object.keys(commands).join(', ')}.`);
  };
  queue.loaded = true;
  return queue;
}

/** Runs what the snippet queued, in order. */
export function drain(queue: CommandQueue, queued: ArrayLike<unknown>[] | undefined): void {
  for (const args of queued ?? []) queue(...(Array.from(args) as [unknown, ...unknown[]]));
}
