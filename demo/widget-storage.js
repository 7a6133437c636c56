// What nps-widget keeps in this browser's localStorage (docs/security.md, "Privacy"), for the demo's
// "forget" buttons and the playground's outbox view. Never the widget's code: only its keys.

/** @typedef {import('../src/delivery/outbox.js').OutboxEntry} OutboxEntry */

const PREFIX = 'nps-widget:';
/** The site's outbox, one for every survey; earlier versions kept one per survey under `outbox:<surveyId>`. */
const OUTBOX_KEY = `${PREFIX}outbox`;
const isOutboxKey = (/** @type {string} */ key) => key === OUTBOX_KEY || key.startsWith(`${OUTBOX_KEY}:`);

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

/** @returns {OutboxEntry[]} every survey's undelivered answers */
export function readOutbox() {
  return widgetKeys()
    .filter(isOutboxKey)
    .sort()
    .flatMap((key) => {
      /** @type {unknown} */
      let entries = [];
      try {
        entries = JSON.parse(localStorage.getItem(key) ?? '[]');
      } catch {
        // A garbled outbox shows as empty; the widget itself starts it over.
      }
      return Array.isArray(entries) ? entries : [];
    });
}
