// The playground's live survey, in a frame so that a phone-sized frame gets the phone layout
// from the widget's own media queries. The frame's URL says what to create (?setup=<JSON>); a
// new setup is a new page, so every delivery, retries included, is made by a page that reports
// it (a destroyed widget's courier keeps delivering what it owes, but its events end with it).
// It tells the playground (same origin, postMessage) which options the loaded widget accepts,
// what the widget logs, and every event.

import { OPTIONS } from './options.js';

/** @typedef {import('../../src/core/api.js').NpsWidget} NpsWidget */
/** @typedef {import('../../src/core/events.js').EventName} EventName */
/** @typedef {{ createNpsWidget(options: Record<string, unknown>): NpsWidget }} NpsWidgetApi */
/**
 * @typedef {object} Setup
 * @property {number} render which render of the playground this page is, echoed in every message
 * @property {Record<string, unknown>} options for createNpsWidget
 * @property {Record<string, unknown> | null} show show()'s options when the install calls it
 * @property {boolean} force show it now, past the rules
 */

/** @type {readonly EventName[]} */
const EVENTS = ['show', 'score', 'submit', 'dismiss', 'error', 'delivery'];

/** @returns {Setup} */
function readSetup() {
  const fallback = { render: 0, options: { endpoint: '/api/nps' }, show: null, force: true };
  try {
    const setup = JSON.parse(new URLSearchParams(location.search).get('setup') ?? 'null');
    return typeof setup === 'object' && setup !== null ? { ...fallback, ...setup } : fallback;
  } catch {
    return fallback;
  }
}

const setup = readSetup();

/** @param {Record<string, unknown>} message */
const tell = (message) => parent.postMessage({ ...message, render: setup.render }, location.origin);

/** @param {unknown[]} parts what console.warn or console.error was given */
const asText = (parts) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');

/**
 * The list's options this widget does not know. The widget warns about each unknown name
 * (README: Options) and skips a known one set to undefined, so a throwaway widget given every
 * name set to undefined names exactly the unknown ones and shows nothing. That is how the form
 * offers `askConsent` only where the loaded widget has it.
 * @param {NpsWidgetApi} api
 * @returns {string[]}
 */
function unknownOptions(api) {
  /** @type {string[]} */
  const unknown = [];
  const { warn, error } = console;
  console.warn = (...parts) => {
    const name = /^nps-widget: unknown option "(\w+)"/.exec(asText(parts))?.[1];
    if (name) unknown.push(name);
  };
  console.error = () => {};
  try {
    const every = Object.fromEntries(OPTIONS.filter((option) => !option.scope).map((option) => [option.name, undefined]));
    api.createNpsWidget({ ...every, endpoint: '/api/nps', show: 'manual', surveyId: 'playground-probe' }).destroy();
  } finally {
    console.warn = warn;
    console.error = error;
  }
  return unknown;
}

/** The widget's own warnings and errors (contrast, invalid options, failed deliveries) go to the playground too. */
function forwardConsole() {
  for (const level of /** @type {const} */ (['warn', 'error'])) {
    const original = console[level].bind(console);
    console[level] = (...parts) => {
      original(...parts);
      const text = asText(parts);
      if (text.startsWith('nps-widget:')) tell({ type: 'console', level, text });
    };
  }
}

function start() {
  const api = /** @type {{ NpsWidget?: NpsWidgetApi }} */ (/** @type {unknown} */ (window)).NpsWidget;
  if (!api) return tell({ type: 'ready', unknown: [], problem: '/nps-widget.js did not load; run npm run build, then reload.' });
  const unknown = unknownOptions(api);
  forwardConsole();
  const widget = api.createNpsWidget(setup.options);
  for (const name of EVENTS) {
    widget.on(name, (detail) => tell({ type: 'event', name, detail: detail instanceof Error ? detail.message : detail }));
  }
  tell({ type: 'ready', unknown });
  const forced = () => widget.show({ ...setup.show, force: true });
  if (setup.force) forced();
  else if (setup.show) widget.show(setup.show);
  addEventListener('message', (event) => {
    if (event.source !== parent || event.origin !== location.origin || event.data?.type !== 'show') return;
    widget.hide();
    forced();
  });
}

start();
