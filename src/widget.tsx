/**
 * createNpsWidget: wires the core (options, wording, payload), delivery, the UI and the DOM.
 * Both doors, the ESM package and the script tag, come through here.
 */
import { render } from 'preact';
import { type Config, type NpsOptions, type ShowOptions, parseOptions, parseShowOptions, parseUser, type Parsed } from './core/options.js';
import { type FlatRecord, type ResponseState, completeResponse, rescore, startResponse, toPayload } from './core/payload.js';
import { surveyText } from './core/text.js';
import { newId } from './core/uuid.js';
import { createCourier, type Courier } from './delivery/courier.js';
import { followAnchor, resolveAnchor } from './dom/position.js';
import { createShadowMount, type ShadowMount } from './dom/shadow.js';
import { type EventName, type Handler, createEmitter, isEventName, EVENT_NAMES } from './events.js';
import { Survey } from './ui/Survey.js';
import css from './ui/styles.css?inline';

export interface NpsWidget {
  show(options?: Partial<ShowOptions>): void;
  hide(): void;
  destroy(): void;
  identify(user: FlatRecord | null): void;
  on<E extends EventName>(event: E, handler: Handler<E>): () => void;
}

const PREFIX = 'nps-widget:';

/**
 * A changed score waits this long for the next change before it is sent: a keyboard user
 * arrowing from 0 to 9 selects ten scores in a second, and the receiver needs only the last.
 * The first score goes at once (the contract promises it), submits never wait, and the
 * courier sends everything at once when the page goes away.
 */
const RESCORE_SETTLE_MS = 400;
const noop = () => {};

/** A widget that does nothing: what a bad configuration or a page without a DOM gets. */
const inertWidget: NpsWidget = { show: noop, hide: noop, destroy: noop, identify: noop, on: () => noop };

/** Logs a parse's problems (all errors in one message, as the contract asks) and returns its value. */
function report<T>(parsed: Parsed<T>, context: string): T | null {
  if (parsed.errors.length) console.error(`${PREFIX} ${context}: ${parsed.errors.join('; ')}.`);
  for (const warning of parsed.warnings) console.warn(`${PREFIX} ${warning}.`);
  return parsed.value;
}

/** Runs a public method so that nothing it does can throw into the host page. */
function guard<A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      console.error(`${PREFIX} ${name}() failed:`, error);
      return fallback;
    }
  };
}

/** Calls `fn` once the document has a body (the script may run in <head>). */
function whenBodyReady(fn: () => void): void {
  if (document.body) queueMicrotask(fn);
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

/** The page a response was given on, without query or fragment: those often carry personal data. */
function currentPage(): string | null {
  return typeof location === 'undefined' ? null : `${location.origin}${location.pathname}`;
}

interface Showing {
  options: ShowOptions;
  mount: ShadowMount;
  anchored: boolean;
  stopFollowing: () => void;
  response: ResponseState | null;
  submitted: boolean;
  autoClose: ReturnType<typeof setTimeout> | undefined;
  /** Where focus was before the respondent tabbed into the survey, to return it on close. */
  focusOrigin: Element | null;
}

export function createNpsWidget(options: NpsOptions): NpsWidget {
  if (typeof document === 'undefined') {
    console.warn(`${PREFIX} createNpsWidget needs a browser page; on the server it does nothing.`);
    return inertWidget;
  }
  try {
    const config = report(parseOptions(options, location.href), 'invalid options, the survey will not show');
    return config ? widgetFor(config) : inertWidget;
  } catch (error) {
    console.error(`${PREFIX} createNpsWidget failed:`, error);
    return inertWidget;
  }
}

function widgetFor(config: Config): NpsWidget {
  const emitter = createEmitter();
  const debug = config.debug ? (message: string) => console.info(`${PREFIX} [${config.surveyId}] ${message}`) : noop;
  const courier: Courier = createCourier({
    surveyId: config.surveyId,
    endpoint: config.endpoint,
    credentials: config.credentials,
    timeoutMs: config.requestTimeoutSeconds * 1000,
    limits: { maxAgeMs: config.outboxMaxAgeDays * 86_400_000, maxEntries: config.outboxMaxEntries },
    onError: (error) => emitter.emit('error', error),
    debug,
  });
  const text = surveyText(config);
  let user = config.user;
  let showing: Showing | null = null;
  let destroyed = false;

  function draw(): void {
    if (!showing) return;
    const { response, submitted, anchored } = showing;
    render(
      <Survey
        text={text}
        score={response?.score ?? null}
        submitted={submitted}
        anchored={anchored}
        commentMaxLength={config.commentMaxLength}
        onScore={guard('score', chooseScore, undefined)}
        onSubmit={guard('submit', submit, undefined)}
        onClose={guard('close', dismiss, undefined)}
      />,
      showing.mount.container,
    );
  }

  function chooseScore(score: number): void {
    if (!showing || showing.submitted) return;
    const { options } = showing;
    const isChange = showing.response !== null;
    showing.response = showing.response
      ? rescore(showing.response, score)
      : startResponse(
          {
            surveyId: config.surveyId,
            kind: config.kind,
            surveyType: options.touchpoint ? 'transactional' : 'relationship',
            touchpoint: options.touchpoint,
            user,
            metadata: { ...config.metadata, ...options.metadata },
            locale: config.locale,
            pageUrl: currentPage(),
          },
          score,
          newId(),
          new Date(),
        );
    courier.send(showing.response, isChange ? RESCORE_SETTLE_MS : 0);
    emitter.emit('score', toPayload(showing.response, new Date()));
    draw();
  }

  function submit(comment: string): void {
    if (!showing?.response || showing.submitted) return;
    const current = showing;
    current.response = completeResponse(showing.response, comment.slice(0, config.commentMaxLength));
    current.submitted = true;
    courier.send(current.response);
    emitter.emit('submit', toPayload(current.response, new Date()));
    const focusWasInside = current.mount.host.shadowRoot?.activeElement != null;
    draw();
    // The submit button is gone now; keep keyboard focus in the survey instead of losing it to <body>.
    if (focusWasInside) current.mount.host.shadowRoot?.querySelector<HTMLElement>('.close')?.focus();
    if (config.autoCloseSeconds > 0) current.autoClose = setTimeout(close, config.autoCloseSeconds * 1000);
  }

  function dismiss(): void {
    if (!showing) return;
    if (!showing.submitted) {
      const { response } = showing;
      emitter.emit('dismiss', { surveyId: config.surveyId, response: response ? toPayload(response, new Date()) : null });
    }
    close();
  }

  function close(): void {
    if (!showing) return;
    const { mount, stopFollowing, autoClose, focusOrigin } = showing;
    const focusWasInside = mount.host.shadowRoot?.activeElement != null;
    showing = null;
    clearTimeout(autoClose);
    stopFollowing();
    render(null, mount.container);
    mount.remove();
    if (focusWasInside && focusOrigin instanceof HTMLElement && focusOrigin.isConnected) focusOrigin.focus();
    debug('closed');
  }

  function open(options: ShowOptions): void {
    if (destroyed || showing) return;
    const mount = createShadowMount(document.body, 'data-nps-widget', config.surveyId, css, config.nonce);
    mount.host.style.setProperty('--nps-z', String(config.zIndex));
    const current: Showing = {
      options,
      mount,
      anchored: false,
      stopFollowing: noop,
      response: null,
      submitted: false,
      autoClose: undefined,
      focusOrigin: null,
    };
    mount.host.addEventListener('focusin', (event) => {
      if (!current.focusOrigin && event.relatedTarget instanceof Element && !mount.host.contains(event.relatedTarget)) {
        current.focusOrigin = event.relatedTarget;
      }
    });
    showing = current;
    const anchor = options.anchor === null ? null : resolveAnchor(options.anchor);
    current.anchored = anchor instanceof Element;
    draw();
    if (anchor instanceof Element) {
      const panel = mount.container.querySelector<HTMLElement>('.panel');
      if (panel) current.stopFollowing = followAnchor(anchor, panel);
    } else if (typeof anchor === 'string') {
      debug(`${anchor}; showing in the corner instead`);
    }
    debug(`shown (${options.touchpoint ? `transactional, touchpoint "${options.touchpoint}"` : 'relationship'})`);
    emitter.emit('show', {
      surveyId: config.surveyId,
      surveyType: options.touchpoint ? 'transactional' : 'relationship',
      touchpoint: options.touchpoint,
    });
  }

  const widget: NpsWidget = {
    show: guard(
      'show',
      (showOptions?: Partial<ShowOptions>) => {
        const parsed = report(parseShowOptions(showOptions), 'show() was not carried out');
        if (!parsed) return;
        if (destroyed) return debug('show() after destroy() is ignored');
        if (showing) return debug('show() while the survey is open is ignored');
        whenBodyReady(() => open(parsed));
      },
      undefined,
    ),
    hide: guard('hide', close, undefined),
    destroy: guard(
      'destroy',
      () => {
        close();
        destroyed = true;
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
        if (!isEventName(event)) {
          console.error(`${PREFIX} on(${JSON.stringify(event)}): unknown event; allowed: ${EVENT_NAMES.join(', ')}.`);
          return noop;
        }
        if (typeof handler !== 'function') {
          console.error(`${PREFIX} on("${event}"): the handler must be a function.`);
          return noop;
        }
        return emitter.on(event, handler);
      },
      noop,
    ) as NpsWidget['on'],
  };

  if (config.show === 'auto') whenBodyReady(() => widget.show());
  return widget;
}
