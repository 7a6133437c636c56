// The playground: the form describes a widget, the frame shows it, the snippets install it, the
// URL shares it, and the inspector watches its deliveries. Each part is a module of
// demo/playground/; this file wires them to the page.

import { byId } from './dom.js';
import { forgetWidgetState, isWidgetKey } from './widget-storage.js';
import { adviceFor } from './playground/advice.js';
import { buildForm, offerOnly, readForm, writeForm } from './playground/form.js';
import { createInspector } from './playground/inspector.js';
import { fromQuery, toQuery } from './playground/link.js';
import { installation, optionNamed } from './playground/options.js';
import { readSnippet } from './playground/paste.js';
import { snippetsFor } from './playground/snippets.js';

/** @typedef {import('./playground/options.js').Values} Values */
/** @typedef {import('../src/core/events.js').DeliveryEvent} DeliveryEvent */

/**
 * The built-in language tags come from the build (the demo serves dist/). The specifier is a
 * variable so that type-checking, which runs before any build, does not look for the file;
 * the types come from the source (as in demo/server.mjs).
 */
const LOCALE_MODULE = '/dist/core/locale.js';
const FRAME_PAGE = '/playground/frame.html';
const SCRIPT_URL = new URL('/nps-widget.js', location.href).href;
/** The demo collector: where every page of the demo starts, and what links leave out. */
const LOCAL_ENDPOINT = new URL('/api/nps', location.href).href;
/** Typing settles this long before the survey is rebuilt. */
const SETTLE_MS = 250;
/** The collector's 'slow' stalls this much past the survey's request timeout, so the widget gives up and retries. */
const SLOW_MARGIN_SECONDS = 2;

const form = /** @type {HTMLFormElement} */ (byId('options'));
const frame = /** @type {HTMLIFrameElement} */ (byId('preview'));
const alwaysShow = /** @type {HTMLInputElement} */ (byId('always-show'));
const warnings = byId('warnings');

/** Which page of the frame is current: messages from pages it has left are ignored. */
let render = 0;
/** What the current frame page's widget logged (contrast, invalid options). */
let widgetSays = /** @type {string[]} */ ([]);
let settle = /** @type {ReturnType<typeof setTimeout> | undefined} */ (undefined);

/** @param {string} text */
function showProblem(text) {
  const problem = byId('page-problem');
  problem.textContent = text;
  problem.hidden = false;
}

/** @returns {Promise<readonly string[]>} */
async function builtInLocales() {
  try {
    const module = /** @type {typeof import('../src/core/locale.js')} */ (await import(LOCALE_MODULE));
    return module.LOCALES;
  } catch {
    showProblem(`${LOCALE_MODULE} did not load; run npm run build, then reload.`);
    return [];
  }
}

function device() {
  return /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="device"]:checked'))?.value === 'phone' ? 'phone' : 'desktop';
}

/** @param {Values} values */
function keepInUrl(values) {
  const query = toQuery(values, LOCAL_ENDPOINT);
  if (device() === 'phone') query.set('device', 'phone');
  const search = query.size ? `?${query}` : '';
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
}

/** @param {Values} values */
function showSnippets(values) {
  const { scriptTag, asyncSnippet, esm } = snippetsFor(values, SCRIPT_URL);
  byId('snippet-script-tag').textContent = scriptTag;
  byId('snippet-async').textContent = asyncSnippet;
  byId('snippet-esm').textContent = esm;
}

/** @param {Values} values */
function showWarnings(values) {
  const items = [
    ...adviceFor(values).map(({ option, text }) => ({ option, text })),
    ...widgetSays.map((text) => ({ option: /^nps-widget: (\w+) /.exec(text)?.[1] ?? '', text: `The widget says: ${text.replace(/^nps-widget:\s*/, '')}` })),
  ];
  warnings.replaceChildren(
    ...items.map(({ option, text }) => Object.assign(document.createElement('li'), { textContent: text, className: 'warning', title: option })),
  );
  if (items.length === 0)
    warnings.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'None: nothing here looks like a mistake.', className: 'muted' }));
}

/**
 * A new frame page for every change: see playground/frame.js for why. `replace` keeps the
 * frame's pages out of this page's history.
 * @param {Values} values
 */
function renderFrame(values) {
  render += 1;
  widgetSays = [];
  // Set again when the new page says it is ready: the survey shown is then the current one.
  delete frame.dataset['ready'];
  const setup = { render, ...installation(values), force: alwaysShow.checked };
  frame.contentWindow?.location.replace(`${FRAME_PAGE}?setup=${encodeURIComponent(JSON.stringify(setup))}`);
}

function update() {
  clearTimeout(settle);
  const values = readForm(form);
  keepInUrl(values);
  showSnippets(values);
  renderFrame(values);
  showWarnings(values);
}

/**
 * @param {string} text
 * @param {HTMLElement} status
 */
async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'The clipboard refused: select the text and copy it by hand.';
  }
}

function restoreFromPaste() {
  const result = readSnippet(/** @type {HTMLTextAreaElement} */ (byId('paste')).value);
  const status = byId('paste-result');
  status.dataset['outcome'] = result.ok ? 'restored' : 'refused';
  if (!result.ok) {
    status.textContent = result.reason;
    return;
  }
  writeForm(form, result.values);
  update();
  const leftOut = result.leftOut.length ? ` Left out: ${result.leftOut.join('; ')}.` : '';
  status.textContent = `Restored from ${result.source}.${leftOut}`;
}

/**
 * @param {ReturnType<typeof createInspector>} inspector
 */
function resetBrowser(inspector) {
  // The frame's page leaves first: leaving, it writes its outbox's leases once more.
  frame.addEventListener(
    'load',
    () => {
      forgetWidgetState(isWidgetKey);
      inspector.note('This browser was reset: no eligibility memory, no outbox.');
      renderFrame(readForm(form));
    },
    { once: true },
  );
  frame.contentWindow?.location.replace('about:blank');
}

/** @param {ReturnType<typeof createInspector>} inspector */
function listenToFrame(inspector) {
  addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
    const message = /** @type {{ type?: string, render?: number, [key: string]: unknown }} */ (event.data);
    // A delivery is a delivery, even reported by a page the frame is leaving.
    if (message.type === 'event' && message['name'] === 'delivery') return inspector.record(/** @type {DeliveryEvent} */ (message['detail']));
    if (message.render !== render) return;
    if (message.type === 'console') {
      widgetSays.push(String(message['text']));
      showWarnings(readForm(form));
    } else if (message.type === 'ready') {
      if (typeof message['problem'] === 'string') showProblem(message['problem']);
      const asked = () => JSON.stringify(installation(readForm(form)));
      const before = asked();
      offerOnly(form, /** @type {string[]} */ (message['unknown'] ?? []));
      form.dataset['offered'] = 'checked';
      frame.dataset['ready'] = 'true';
      // An option this widget does not take was set (a link from a newer playground): drop it.
      if (asked() !== before) update();
    }
  });
}

async function start() {
  buildForm(form, await builtInLocales());
  const query = new URLSearchParams(location.search);
  writeForm(form, fromQuery(query, LOCAL_ENDPOINT));
  if (query.get('device') === 'phone') /** @type {HTMLInputElement} */ (document.querySelector('input[name="device"][value="phone"]')).checked = true;
  frame.className = `preview-frame ${device()}`;

  const timeout = optionNamed('requestTimeoutSeconds')?.default;
  const inspector = createInspector({
    slowSeconds: () => {
      const chosen = readForm(form)['requestTimeoutSeconds'];
      return (typeof chosen === 'number' ? chosen : Number(timeout)) + SLOW_MARGIN_SECONDS;
    },
  });
  listenToFrame(inspector);

  form.addEventListener('input', () => {
    clearTimeout(settle);
    settle = setTimeout(update, SETTLE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  for (const radio of document.querySelectorAll('input[name="device"]')) {
    radio.addEventListener('change', () => {
      frame.className = `preview-frame ${device()}`;
      keepInUrl(readForm(form));
    });
  }
  alwaysShow.addEventListener('change', update);
  byId('show-again').addEventListener('click', () => frame.contentWindow?.postMessage({ type: 'show' }, location.origin));
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', () => void copy(byId(button.getAttribute('data-copy') ?? '').textContent ?? '', byId('copy-status')));
  }
  byId('copy-link').addEventListener('click', () => void copy(location.href, byId('copy-status')));
  byId('restore').addEventListener('click', restoreFromPaste);
  byId('reset-browser').addEventListener('click', () => resetBrowser(inspector));
  update();
}

void start();
