/**
 * createNpsWidget: wires the core (options, wording, payload), delivery, the UI and the DOM.
 * Both doors, the ESM package and the script tag, come through here.
 */
import { render } from 'preact';
import { jsx } from 'preact/jsx-runtime';
import { type Config, type NpsOptions, type Placement, type ShowOptions, parseOptions, parseShowOptions, parseUser, type Parsed } from './core/options.js';
import {
  type Decision,
  type Rules,
  decide,
  parseHistory,
  parseSiteHistory,
  recordAsk,
  recordDismissal,
  recordResponse,
  recordShown,
  userCreatedAt,
  withDraw,
} from './core/eligibility.js';
import { type FlatRecord, type ResponseState, answerConsent, completeResponse, pageUrlFor, rescore, startResponse, toPayload } from './core/payload.js';
import { scaleRange, thresholdsOf } from './core/scale.js';
import { type SurveyText, surveyText } from './core/text.js';
import { type BuiltInLocale, type LocaleTable, type pickLocale, fill } from './core/locale.js';
import en from './core/locales/en.js';
import { loadLocaleFrom, pickLocaleFrom } from './dom/locale-url.js';
import { newId } from './core/uuid.js';
import type { DebugLog } from './core/debug-lines.js';
import { courierOfPage, type Posting } from './delivery/courier.js';
import { resolveElement } from './dom/resolve-element.js';
import { createShadowMount, type ShadowMount } from './dom/shadow.js';
import { createJsonStore } from './dom/storage.js';
import { type EventName, type Handler, createEmitter, isEventName, EVENT_NAMES } from './events.js';
import { type Layout, type Stage, Survey, isCorner } from './ui/Survey.js';
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

/** `?nps-force=1` in the page's URL shows the survey regardless of the rules, for testing. */
function forcedByUrl(): boolean {
  return new URLSearchParams(location.search).get('nps-force') === '1';
}

/** Where an anchored survey goes when its anchor disappears: the configured place, if it floats. */
const floatingPlacement = (placement: Placement): Layout => (placement === 'inline' ? 'bottom-right' : placement);


/** What differs between the two doors (ESM package, script tag): where locale tables come from. */
export interface Door {
  /** Which built-in locale serves these languages; the script door fetches the matcher only when it must. */
  pickLocale(...wanted: Parameters<typeof pickLocale>): Promise<BuiltInLocale>;
  loadLocale(tag: string): Promise<LocaleTable>;
  /** What only some configurations use (see extras.ts): a file beside the script, or a chunk of the package. */
  extras(): Promise<Extras>;
  /** The page's fetch as it was when the script loaded, before the page could wrap or replace it. */
  fetch?: typeof fetch;
}

export type Extras = typeof import('./extras.js');
/** The consent step and the promoter link, as the survey renders them. */
export type ClosingTheLoop = Pick<Extras, 'ConsentStep' | 'PromoterLink'>;


interface Showing {
  options: ShowOptions;
  mount: ShadowMount;
  layout: Layout;
  stopFollowing: () => void;
  response: ResponseState | null;
  stage: Stage;
  autoClose: ReturnType<typeof setTimeout> | undefined;
  /** Where focus was before the respondent tabbed into the survey (or a modal took it), to return it on close. */
  focusOrigin: Element | null;
  /** Whether screen readers have been told that the survey appeared. */
  announced: boolean;
  announceTimer: ReturnType<typeof setTimeout> | undefined;
}

export function createWidget(options: NpsOptions, door: Door): NpsWidget {
  if (typeof document === 'undefined') {
    console.warn(`${PREFIX} createNpsWidget does nothing without a browser page.`);
    return inertWidget;
  }
  try {
    const config = report(parseOptions(options, location.href), 'invalid options, the survey will not show');
    return config ? widgetFor(config, door) : inertWidget;
  } catch (error) {
    console.error(`${PREFIX} createNpsWidget failed:`, error);
    return inertWidget;
  }
}

/**
 * The language to show: the option, else the page's, else the browser's. Nothing is built or
 * fetched until a survey is about to show: a page where it never shows pays for neither the
 * locale file nor the first Intl.NumberFormat (tens of milliseconds in a fresh page).
 */
function loadText(config: Config, door: Door, debug: DebugLog): { ready: () => Promise<void>; current: () => SurveyText } {
  let table: LocaleTable = en;
  let text: SurveyText | null = null;
  let loading: Promise<void> | null = null;
  const load = async () => {
    const wanted = [config.locale, document.documentElement.lang || null, navigator.languages ?? []] as const;
    // Named in the warning should the matcher itself fail to load.
    let tag: string = wanted.flat().find(Boolean) ?? 'en';
    try {
      tag = await (config.localesUrl ? pickLocaleFrom(config.localesUrl, ...wanted) : door.pickLocale(...wanted));
      if (tag === 'en') return;
      table = await (config.localesUrl ? loadLocaleFrom(config.localesUrl, tag) : door.loadLocale(tag));
      text = null;
      debug('wording', tag);
    } catch (error) {
      console.warn(`${PREFIX} could not load the "${tag}" wording (${error instanceof Error ? error.message : String(error)}); showing English.`);
    }
  };
  const ready = () => (loading ??= load());
  return { ready, current: () => (text ??= surveyText(config, table)) };
}

/** Loads the extras, or says once what is done without them. */
function loadExtras(door: Door, without: string): Promise<Extras | null> {
  return door.extras().catch((error: unknown) => {
    console.warn(`${PREFIX} could not load the extras (${error instanceof Error ? error.message : String(error)}); ${without}.`);
    return null;
  });
}

function widgetFor(config: Config, door: Door): NpsWidget {
  const emitter = createEmitter();
  // Every line waits on the one load of the extras' words, so the lines keep their order.
  const debugWords = config.debug ? loadExtras(door, 'the debug log names its events only') : null;
  const debug: DebugLog = debugWords
    ? (event, ...args) =>
        void debugWords.then((extras) =>
          console.info(`${PREFIX} [${config.surveyId}] ${extras ? (extras.DEBUG_LINES[event] as (...a: unknown[]) => string)(...args) : event}`, ...(extras ? [] : args)),
        )
    : noop;
  const courier = courierOfPage(door.fetch ? { fetch: door.fetch } : {});
  const posting: Posting = {
    endpoint: config.endpoint,
    credentials: config.credentials,
    timeoutMs: config.requestTimeoutSeconds * 1000,
    maxAgeMs: config.outboxMaxAgeDays * 86_400_000,
    maxEntries: config.outboxMaxEntries,
  };
  const stopListening = courier.listen(config.surveyId, {
    onError: (error) => emitter.emit('error', error),
    onDelivery: (d) => {
      debug('delivery', d);
      emitter.emit('delivery', d);
    },
    onStorageFallback: (reason) => debug('storage', reason, 'answers wait in memory only'),
  });
  const wording = loadText(config, door, debug);
  /*
   * What the extras add to this configuration's survey, once they are in (see extras.ts): the
   * accent's text colour, the loop's steps, the modal's hold on Tab, and the styles of the
   * placements other than the corners, of the dark theme and of the steps. Without the extras
   * each stays as it is declared here.
   */
  let accent: { accentText: string } | null = null;
  let loop: ClosingTheLoop | null = null;
  let trapTab: Extras['trapTab'] | undefined;
  let followAnchor: Extras['followAnchor'] | undefined;
  let extraStyles = '';
  /** Set once the extras are in: a placement other than the corners can show. */
  let placed = false;
  let extrasLoad: Promise<void> | null = null;
  const extrasReady = () =>
    (extrasLoad ??= loadExtras(door, 'the survey shows in the corner in its own light colours, without consent question, promoter link or modal focus hold').then((extras) => {
      if (!extras) return;
      const color = config.accentColor;
      const closing = config.askConsent || config.promoterLink;
      const dark = config.theme !== 'light';
      if (color) {
        const judged = extras.accentFor(color, config.theme);
        if (judged.warning) console.warn(`${PREFIX} ${judged.warning}`);
        accent = judged;
      }
      extras.lendJsx(jsx);
      trapTab = extras.trapTab;
      followAnchor = extras.followAnchor;
      if (closing) loop = extras;
      placed = true;
      // Before the survey's own styles: the media queries there keep the last word.
      extraStyles = extras.placementsCss + (dark ? extras.themeCss : '') + (closing ? extras.loopCss : '');
    }));
  /** Whether a showing needs the extras: what the configuration uses, or an anchor. */
  const needsExtras = (options: ShowOptions) =>
    options.anchor !== null || !isCorner(config.placement) || config.accentColor || config.askConsent || config.promoterLink || config.theme !== 'light';
  let preparing: Promise<unknown> | null = null;
  /** Everything a survey needs before its first draw: the wording, and the extras where it uses them. Each fetched once. */
  const prepare = (options: ShowOptions) => Promise.all([(preparing ??= wording.ready()), needsExtras(options) && extrasReady()]);
  const rules: Rules = config;
  const forgetful = (reason: string) => debug('storage', reason, 'the rules forget on reload');
  const history = createJsonStore(`nps-widget:history:${config.surveyId}`, { parse: parseHistory, onFallback: forgetful });
  const site = createJsonStore('nps-widget:site', { parse: parseSiteHistory, onFallback: noop });
  let user = config.user;
  let showing: Showing | null = null;
  let destroyed = false;
  let stopTriggers = noop;
  const thresholds = thresholdsOf(config);
  const [low, high] = scaleRange(config.scale);

  function eligibility(): Decision {
    const drawn = withDraw(history.read(), Math.random);
    history.write(drawn);
    return decide(config.surveyId, rules, drawn, site.read(), userCreatedAt(user), Date.now());
  }

  function draw(): void {
    if (!showing) return;
    const { response, stage, layout, announced } = showing;
    render(
      <Survey
        text={wording.current()}
        theme={config.theme}
        announce={announced}
        low={low}
        high={high}
        score={response?.score ?? null}
        category={response?.category ?? null}
        stage={stage}
        link={promoterLink(response)}
        loop={loop}
        trapTab={trapTab}
        layout={layout}
        commentMaxLength={config.commentMaxLength}
        onScore={guard('score', chooseScore, undefined)}
        onSubmit={guard('submit', submit, undefined)}
        onConsent={guard('consent', consent, undefined)}
        onClose={guard('close', dismiss, undefined)}
      />,
      showing.mount.container,
    );
  }

  /** Promoters' thank-you link; the score goes along only where the site wrote `{score}`. */
  function promoterLink(response: ResponseState | null): string | null {
    const link = config.promoterLink;
    return link && loop && response?.category === 'promoter' ? fill(link, { score: String(response.score) }) : null;
  }

  function chooseScore(score: number): void {
    if (!showing || showing.stage !== 'asking') return;
    const { options } = showing;
    const isChange = showing.response !== null;
    showing.response = showing.response
      ? rescore(showing.response, score, thresholds)
      : startResponse(
          {
            surveyId: config.surveyId,
            kind: config.kind,
            scale: config.scale,
            surveyType: options.touchpoint ? 'transactional' : 'relationship',
            touchpoint: options.touchpoint,
            user,
            metadata: { ...config.metadata, ...options.metadata },
            locale: wording.current().lang,
            pageUrl: pageUrlFor(config.pageUrl, location.href),
          },
          score,
          newId(),
          new Date(),
          thresholds,
        );
    courier.send(showing.response, posting, isChange ? RESCORE_SETTLE_MS : 0);
    if (!isChange) history.write(recordResponse(history.read(), Date.now()));
    emitter.emit('score', toPayload(showing.response, new Date()));
    draw();
  }

  function submit(comment: string): void {
    if (!showing?.response || showing.stage !== 'asking') return;
    showing.response = completeResponse(showing.response, comment.slice(0, config.commentMaxLength));
    courier.send(showing.response, posting);
    emitter.emit('submit', toPayload(showing.response, new Date()));
    moveTo(config.askConsent && loop ? 'consent' : 'thanks');
  }

  /** The consent step's answer: the same response again, with `consentToContact`. */
  function consent(answer: boolean): void {
    if (!showing?.response || showing.stage !== 'consent') return;
    showing.response = answerConsent(showing.response, answer);
    courier.send(showing.response, posting);
    emitter.emit('consent', toPayload(showing.response, new Date()));
    moveTo('thanks');
  }

  function moveTo(stage: Stage): void {
    if (!showing) return;
    const current = showing;
    current.stage = stage;
    const root = current.mount.host.shadowRoot;
    const focusWasInside = root?.activeElement != null;
    draw();
    // The button pressed is gone now; keep keyboard focus in the survey instead of losing it to <body>.
    if (focusWasInside) root?.querySelector<HTMLElement>(stage === 'consent' ? '.consent button' : '.close')?.focus();
    // An inline survey is part of the page: it keeps its thank-you. A promoter's link stays until closed.
    if (stage === 'thanks' && config.autoCloseSeconds > 0 && current.layout !== 'inline' && !promoterLink(current.response)) {
      current.autoClose = setTimeout(close, config.autoCloseSeconds * 1000);
    }
  }

  function dismiss(): void {
    if (!showing) return;
    if (showing.stage === 'asking') {
      history.write(recordDismissal(history.read(), Date.now()));
      const { response } = showing;
      emitter.emit('dismiss', { surveyId: config.surveyId, response: response ? toPayload(response, new Date()) : null });
    }
    close();
  }

  function close(): void {
    if (!showing) return;
    const { mount, stopFollowing, autoClose, focusOrigin, announceTimer } = showing;
    clearTimeout(announceTimer);
    const focusWasInside = mount.host.shadowRoot?.activeElement != null || document.activeElement === mount.host;
    showing = null;
    clearTimeout(autoClose);
    stopFollowing();
    render(null, mount.container);
    mount.remove();
    if (focusWasInside && focusOrigin instanceof HTMLElement && focusOrigin.isConnected) focusOrigin.focus();
    debug('closed');
  }

  /** The element the survey is mounted in, or null (with the reason logged) when it cannot show. */
  function mountParent(layout: Layout): Element | null {
    if (layout !== 'inline' || config.container === null) return document.body;
    const container = resolveElement(config.container, 'container');
    if (typeof container !== 'string') return container;
    console.error(`${PREFIX} ${container}; the inline survey cannot show.`);
    return null;
  }

  function open(options: ShowOptions): void {
    if (destroyed || showing) return;
    const anchor = options.anchor === null ? null : resolveElement(options.anchor, 'anchor');
    if (typeof anchor === 'string') debug('noAnchor', anchor, config.placement);
    // Without the extras only the corners have their styles.
    const layout: Layout = !placed && !isCorner(config.placement) ? 'bottom-right' : placed && anchor instanceof Element ? 'anchored' : config.placement;
    const parent = mountParent(layout);
    if (!parent) return;
    const mount = createShadowMount(parent, 'data-nps-widget', config.surveyId, extraStyles + css, config.nonce);
    // Custom properties inherit into a shadow root, so the host sets all of ours, even unused
    // ones: 'initial' blocks a page's own --nps-accent on :root from recolouring the survey.
    mount.host.style.setProperty('--nps-z', String(config.zIndex));
    mount.host.style.setProperty('--nps-accent', accent ? (config.accentColor as string) : 'initial');
    mount.host.style.setProperty('--nps-accent-text', accent?.accentText ?? 'initial');
    const current: Showing = {
      options,
      mount,
      layout,
      stopFollowing: noop,
      response: null,
      stage: 'asking',
      autoClose: undefined,
      focusOrigin: layout === 'modal' ? document.activeElement : null,
      announced: false,
      announceTimer: undefined,
    };
    mount.host.addEventListener('focusin', (event) => {
      if (!current.focusOrigin && event.relatedTarget instanceof Element && !mount.host.contains(event.relatedTarget)) {
        current.focusOrigin = event.relatedTarget;
      }
    });
    showing = current;
    draw();
    const root = mount.host.shadowRoot;
    // Anchored only once the extras are in: they hold the positioning (layout says so).
    if (layout === 'anchored' && anchor instanceof Element && followAnchor) {
      const panel = root?.querySelector<HTMLElement>('.panel');
      if (panel) {
        current.stopFollowing = followAnchor(anchor, panel, root?.querySelector<HTMLElement>('.arrow') ?? null, () => {
          debug('anchorLost', floatingPlacement(config.placement));
          panel.removeAttribute('style');
          current.layout = floatingPlacement(config.placement);
          draw();
        });
      }
    }
    // A modal takes focus (it blocks the page). Anything else waits to be tabbed to, and screen
    // readers are told politely, once the live region exists: text put in at birth goes unheard.
    if (layout === 'modal') root?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
    else {
      current.announceTimer = setTimeout(() => {
        current.announced = true;
        draw();
      }, 250);
    }
    const now = Date.now();
    history.write(recordAsk(history.read(), rules, now));
    site.write(recordShown(config.surveyId, now));
    debug('shown', layout, options.touchpoint);
    emitter.emit('show', {
      surveyId: config.surveyId,
      surveyType: options.touchpoint ? 'transactional' : 'relationship',
      touchpoint: options.touchpoint,
    });
  }

  /** Whether the rules allow showing now (or are skipped), saying why not in debug output. */
  function allowed(options: ShowOptions): boolean {
    if (options.force || forcedByUrl()) return true;
    const decision = eligibility();
    if (!decision.eligible) debug('notShown', decision);
    return decision.eligible;
  }

  const widget: NpsWidget = {
    show: guard(
      'show',
      (showOptions?: Partial<ShowOptions>) => {
        const parsed = report(parseShowOptions(showOptions), 'show() was not carried out');
        if (!parsed) return;
        if (destroyed || showing) return debug('ignored', destroyed ? 'destroyed' : 'already open');
        // Rules first, then the wording (possibly a locale file), then the survey.
        whenBodyReady(() => {
          if (allowed(parsed)) void prepare(parsed).then(() => open(parsed));
        });
      },
      undefined,
    ),
    hide: guard('hide', close, undefined),
    destroy: guard(
      'destroy',
      () => {
        stopTriggers();
        close();
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

  if (config.show === 'auto') {
    whenBodyReady(() => {
      if (destroyed) return;
      const force = forcedByUrl();
      // Checked now to skip the listeners on ineligible visits, and again when a trigger fires.
      const decision = force ? null : eligibility();
      if (decision && !decision.eligible) return debug('notByItself', decision);
      const fire = () => widget.show({ force });
      const delayOnly = () => {
        const timer = setTimeout(fire, force ? 0 : config.delaySeconds * 1000);
        stopTriggers = () => clearTimeout(timer);
      };
      const { scrollPercent, exitIntent } = config;
      // Scroll and exit-intent signals are extras; without them (or their file) the delay alone decides.
      if (force || (scrollPercent === null && !exitIntent)) return delayOnly();
      void loadExtras(door, 'showing after the delay alone').then((extras) => {
        if (destroyed) return;
        if (!extras) return delayOnly();
        stopTriggers = extras.whenTriggered({ delayMs: config.delaySeconds * 1000, scrollPercent, exitIntent }, fire);
      });
    });
  }
  return widget;
}
