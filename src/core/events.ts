/** The widget's events (docs/payload-and-delivery.md, "Events"). A handler that throws never breaks the widget. */
import type { NpsResponse, SurveyType } from './payload.js';

export interface ShowEvent {
  surveyId: string;
  surveyType: SurveyType;
  touchpoint: string | null;
}

export interface DismissEvent {
  surveyId: string;
  /** The answer so far (score only), or null when no score was chosen. */
  response: NpsResponse | null;
}

/** One request of the courier's, as it ended (for inspectors and logs; `error` is the one to alert on). */
export interface DeliveryEvent {
  /** The payload as sent. */
  response: NpsResponse;
  /** Attempts of this state of the response so far, this one included. */
  attempt: number;
  /** `retry`: it will be sent again in `retryInMs`; `dropped`: refused for good (an `error` follows). */
  outcome: 'delivered' | 'retry' | 'dropped';
  /** The endpoint's HTTP status; null when no answer came (network error, timeout). */
  status: number | null;
  /** Why it failed; null when delivered. */
  reason: string | null;
  retryInMs: number | null;
}

export interface EventMap {
  show: ShowEvent;
  score: NpsResponse;
  submit: NpsResponse;
  /** With `askConsent`: the response once the consent question is answered. */
  consent: NpsResponse;
  dismiss: DismissEvent;
  error: Error;
  delivery: DeliveryEvent;
}

export type EventName = keyof EventMap;
export type Handler<E extends EventName> = (payload: EventMap[E]) => void;

export const EVENT_NAMES: readonly EventName[] = ['show', 'score', 'submit', 'consent', 'dismiss', 'error', 'delivery'];

export function isEventName(name: unknown): name is EventName {
  return EVENT_NAMES.includes(name as EventName);
}

export interface Emitter {
  on<E extends EventName>(event: E, handler: Handler<E>): () => void;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  clear(): void;
}

export function createEmitter(): Emitter {
  const handlers = new Map<EventName, Set<Handler<never>>>();
  return {
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler as Handler<never>);
      return () => void set.delete(handler as Handler<never>);
    },
    emit(event, payload) {
      // A copy: a handler that subscribes another must not have it called in the same emit.
      for (const handler of Array.from(handlers.get(event) ?? [])) {
        try {
          (handler as Handler<typeof event>)(payload);
        } catch (error) {
          console.error(`nps-widget: a "${event}" handler threw:`, error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
