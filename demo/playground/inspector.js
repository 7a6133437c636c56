// The delivery inspector: a row per request the survey made (from its `delivery` events), the
// outbox as this browser holds it (localStorage, shared with the frame), and the collector's
// failure switch (POST /api/demo/failure).

import { byId, element } from '../dom.js';
import { readOutbox } from '../widget-storage.js';

/** @typedef {import('../../src/core/events.js').DeliveryEvent} DeliveryEvent */
/** @typedef {import('../failure.mjs').FailureState} FailureState */
/** @typedef {import('../failure.mjs').FailureMode} FailureMode */

const FAILURE_API = '/api/demo/failure';

/** @type {Record<FailureMode, string>} */
const FAILING_WITH = {
  none: 'delivering normally',
  500: 'answering HTTP 500',
  429: 'answering HTTP 429 with Retry-After',
  slow: 'stalling',
  offline: 'cutting the connection',
};

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @param {string} id */
const shortId = (id) => element('code', { title: id }, [id.slice(0, 8)]);

/** @param {{ score: number, complete: boolean }} response */
const stateOf = (response) => `${response.score}, ${response.complete ? 'submitted' : 'score only'}`;

/** @param {HTMLElement} body @param {number} columns @param {string} text */
function showEmpty(body, columns, text) {
  body.replaceChildren(element('tr', { class: 'empty' }, [element('td', { colspan: String(columns), class: 'muted' }, [text])]));
}

/**
 * @param {{ slowSeconds: () => number }} settings how long 'slow' stalls: past the survey's request timeout
 */
export function createInspector({ slowSeconds }) {
  const deliveries = byId('delivery-rows');
  const outbox = byId('outbox-rows');
  const mode = byId('collector-mode');
  const count = /** @type {HTMLSelectElement} */ (byId('failure-count'));
  showEmpty(deliveries, 9, 'No deliveries yet: choose a score in the survey.');

  /** @param {FailureState} state */
  function showMode(state) {
    const howMany =
      state.remaining === null ? 'every delivery, until switched off' : state.remaining === 1 ? 'the next delivery' : `the next ${state.remaining} deliveries`;
    const stall = state.mode === 'slow' ? ` ${state.seconds} s` : '';
    mode.textContent = state.mode === 'none' ? 'Collector: delivering normally.' : `Collector: ${FAILING_WITH[state.mode]}${stall} for ${howMany}.`;
    mode.dataset['mode'] = state.mode;
  }

  /** @param {RequestInit} [init] */
  async function failureSwitch(init) {
    try {
      const answer = await fetch(FAILURE_API, init);
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
      showMode(/** @type {FailureState} */ (await answer.json()));
    } catch (error) {
      mode.textContent = `Collector: its failure switch did not answer (${error instanceof Error ? error.message : String(error)}).`;
    }
  }

  /** @param {FailureMode} failure */
  function fail(failure) {
    const body = { mode: failure, ...(count.value ? { count: Number(count.value) } : {}), ...(failure === 'slow' ? { seconds: slowSeconds() } : {}) };
    return failureSwitch({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  function refreshOutbox() {
    const now = Date.now();
    const rows = readOutbox().map((entry) =>
      element('tr', { 'data-id': entry.response.id }, [
        element('td', {}, [entry.response.surveyId]),
        element('td', {}, [shortId(entry.response.id)]),
        element('td', {}, [stateOf(entry.response)]),
        element('td', {}, [String(entry.attempts)]),
        element('td', {}, [entry.notBefore > now ? `in ${seconds(entry.notBefore - now)}` : 'now']),
        element('td', {}, [entry.lease && entry.lease.until > now ? 'yes' : 'no']),
      ]),
    );
    if (rows.length) outbox.replaceChildren(...rows);
    else showEmpty(outbox, 6, 'Nothing waiting: every answer given here was stored.');
  }

  /** @param {Node[]} cells @param {string} className */
  function addRow(cells, className) {
    deliveries.querySelector('tr.empty')?.remove();
    deliveries.append(element('tr', { class: className }, cells));
  }

  for (const button of document.querySelectorAll('[data-failure]')) {
    button.addEventListener('click', () => void fail(/** @type {FailureMode} */ (button.getAttribute('data-failure'))));
  }
  // The frame writes the outbox: this page hears of it through storage events; the clock, once a second.
  addEventListener('storage', refreshOutbox);
  setInterval(refreshOutbox, 1000);
  refreshOutbox();
  void failureSwitch();

  return {
    /** @param {DeliveryEvent} delivery */
    record(delivery) {
      const { response, attempt, outcome, status, reason, retryInMs } = delivery;
      const payload = element('details', {}, [element('summary', {}, ['payload']), element('pre', {}, [JSON.stringify(response, null, 2)])]);
      const row = [
        element('td', {}, [new Date().toLocaleTimeString('en-GB')]),
        element('td', {}, [shortId(response.id)]),
        element('td', {}, [stateOf(response)]),
        element('td', {}, [String(attempt)]),
        element('td', { class: 'outcome' }, [outcome]),
        element('td', {}, [status === null ? 'no answer' : String(status)]),
        element('td', {}, [reason ?? '']),
        element('td', {}, [retryInMs === null ? '' : `in ${seconds(retryInMs)}`]),
        element('td', {}, [payload]),
      ];
      addRow(row, outcome);
      deliveries.lastElementChild?.setAttribute('data-id', response.id);
      refreshOutbox();
      void failureSwitch();
    },

    /** @param {string} text a line across the table, such as a reset */
    note(text) {
      addRow([element('td', { colspan: '9', class: 'muted' }, [text])], 'note');
      refreshOutbox();
    },
  };
}
