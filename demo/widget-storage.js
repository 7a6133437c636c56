// What nps-widget keeps in this browser's localStorage (README: Security, privacy), for the demo's
// "forget" buttons and the playground's outbox view. Never the widget's code: only its keys.

/** @typedef {import('../src/delivery/outbox.js').OutboxEntry} OutboxEntry */

const PREFIX = 'nps-widget:';
const OUTBOX_PREFIX = `${PREFIX}outbox:`;

/** The eligibility rules' memory: when each survey was shown, answered or dismissed. */
export const isEligibilityKey = (/** @type {string} */ key) => key.startsWith(`${PREFIX}history:`) || key === `${PREFIX}site`;

/** Everything the widget keeps: eligibility and the outbox of undelivered answers. */
export const isWidgetKey = (/** @type {string} */ key) => key.startsWith(PREFIX);

/** @returns {string[]} the widget's keys; none when storage is blocked */
function widgetKeys() {
  try {
    return Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)).filter(
      /** @returns {key is string} */ (key) => key !== null && isWidgetKey(key),
    );
  } catch {
    return [];
  }
}

/**
 * Removes the widget's keys that `which` picks, so its rules start over as on a first visit.
 * @param {(key: string) => boolean} which
 */
export function forgetWidgetState(which) {
  for (const key of widgetKeys().filter(which)) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage is blocked: the widget then remembers nothing beyond the page anyway.
    }
  }
}

/** @returns {Array<{ surveyId: string, entries: OutboxEntry[] }>} every survey's undelivered answers */
export function readOutboxes() {
  return widgetKeys()
    .filter((key) => key.startsWith(OUTBOX_PREFIX))
    .sort()
    .map((key) => {
      /** @type {unknown} */
      let entries = [];
      try {
        entries = JSON.parse(localStorage.getItem(key) ?? '[]');
      } catch {
        // A garbled outbox shows as empty; the widget itself starts it over.
      }
      return { surveyId: key.slice(OUTBOX_PREFIX.length), entries: Array.isArray(entries) ? entries : [] };
    });
}
