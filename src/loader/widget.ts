/**
 * createNpsWidget, for every door: checks the options, then composes the widget from its
 * concerns: deciding (rules.ts), loading and showing (showing.ts, when.ts, the door), and
 * delivering (the courier). Answering is the survey's, loaded only once a survey will show.
 */
import { type NpsWidget, PREFIX } from '../core/api.js';
import { EVENT_NAMES, type EventName, type Handler, createEmitter, isEventName } from '../core/events.js';
import { type NpsOptions, type ShowOptions, parseLoaderOptions, parseShowOptions, parseUser } from '../core/options.js';
import type { FlatRecord } from '../core/payload.js';
import { OPTION_RULES } from '../core/option-rules.js';
import { guard, messageOf, report } from '../core/report.js';
import { courierOfPage } from '../delivery/courier.js';
import type { SurveyHost } from '../survey/contract.js';
import { createDebugLog } from './debug.js';
import type { Door } from './door.js';
import { createRules } from './rules.js';
import { createShower } from './showing.js';
import { schedule, whenBodyReady } from './when.js';

const noop = () => {};

/** A widget that does nothing: what a bad configuration (or, in the package, a server) gets. */
export const inertWidget: NpsWidget = { show: noop, hide: noop, destroy: noop, identify: noop, on: () => noop };

/** The widget for `options`, in a page (a script file always runs in one; the package checks, see index.ts). */
export function createWidget(options: NpsOptions, door: Door): NpsWidget {
  try {
    const config = report(parseLoaderOptions(options, location.href), 'invalid options, the survey will not show');
    return config ? widgetFor(config, door) : inertWidget;
  } catch (error) {
    console.error(`${PREFIX} createNpsWidget failed:`, error);
    return inertWidget;
  }
}

function widgetFor(config: SurveyHost['config'], door: Door): NpsWidget {
  const emitter = createEmitter();
  const debug = createDebugLog(config, door.extras);
  // The page's one courier: whatever earlier pages left undelivered goes now, whether or not a survey shows.
  const courier = courierOfPage(door.fetch ? { fetch: door.fetch } : {});
  const stopListening = courier.listen(config.surveyId, {
    onError: (error) => emitter.emit('error', error),
    onDelivery: (delivery) => {
      debug('delivery', delivery);
      emitter.emit('delivery', delivery);
    },
    onStorageFallback: (reason) => debug('storage', reason, 'answers wait in memory only'),
  });
  let user = config.user;
  let destroyed = false;
  const rules = createRules(config, () => user, debug);
  const host: SurveyHost = {
    config,
    options: OPTION_RULES,
    parts: door,
    user: () => user,
    courier,
    emit: emitter.emit,
    debug,
    remember: rules.remember,
    failed(error, consequence) {
      const failure = new Error(`${PREFIX} could not load ${messageOf(error)}; ${consequence}.`);
      console.error(failure.message);
      emitter.emit('error', failure);
    },
  };
  const shower = createShower(host, door.survey);

  const widget: NpsWidget = {
    show: guard(
      'show',
      (showOptions?: ShowOptions) => {
        const parsed = report(parseShowOptions(showOptions), 'show() was not carried out');
        if (!parsed) return;
        if (destroyed || shower.busy) return debug('ignored', destroyed ? 'destroyed' : 'already open');
        // The positioning loads beside the survey, not after it.
        if (parsed.anchor !== null) void door.anchored().catch(noop);
        whenBodyReady(() => {
          if (!destroyed && !shower.busy && rules.allow(parsed)) shower.open(parsed);
        });
      },
      undefined,
    ),
    hide: guard('hide', shower.close, undefined),
    destroy: guard(
      'destroy',
      () => {
        stopSchedule();
        shower.close();
        destroyed = true;
        // The courier goes on sending what this widget queued; it only stops telling this widget.
        stopListening();
        emitter.clear();
      },
      undefined,
    ),
    identify: guard(
      'identify',
      (next: FlatRecord | null) => {
        const parsed = parseUser(next);
        report(parsed, 'identify() was not carried out');
        if (parsed.errors.length === 0) user = parsed.value;
      },
      undefined,
    ),
    on: guard(
      'on',
      <E extends EventName>(event: E, handler: Handler<E>) => {
        if (isEventName(event) && typeof handler === 'function') return emitter.on(event, handler);
        console.error(`${PREFIX} on(${JSON.stringify(event)}, ${typeof handler}): allowed: an event (${EVENT_NAMES.join(', ')}) and a function.`);
        return noop;
      },
      noop,
    ) as NpsWidget['on'],
  };
  const stopSchedule = schedule(config, rules, door, widget.show, debug);
  return widget;
}
