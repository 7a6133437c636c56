/**
 * The collector's failure switch, for the playground's delivery inspector: the next deliveries
 * fail the way real endpoints fail (an error, rate limiting, a stall, a cut connection), so a
 * site owner can watch the widget retry and recover. State only; demo/server.mjs plays it.
 */

/** @typedef {'none' | '500' | '429' | 'slow' | 'offline'} FailureMode */
/**
 * @typedef {{ mode: FailureMode, remaining: number | null, seconds: number }} FailureState
 *   `remaining`: how many more deliveries fail; null means until the mode is set to 'none'.
 *   `seconds`: how long 'slow' stalls each delivery.
 */

/** @type {readonly FailureMode[]} */
export const FAILURE_MODES = ['none', '500', '429', 'slow', 'offline'];

/** What a 429 asks for; short, so the wait is watchable. */
export const RETRY_AFTER_SECONDS = 2;

/** Past the widget's default requestTimeoutSeconds (10), so a stalled delivery times out. */
export const DEFAULT_SLOW_SECONDS = 12;

const MAX_COUNT = 100;
/** Past the widget's largest requestTimeoutSeconds (120). */
const MAX_SLOW_SECONDS = 130;

/** @type {FailureState} */
const NORMAL = { mode: 'none', remaining: null, seconds: DEFAULT_SLOW_SECONDS };

/**
 * Checks a control request: `{ mode, count?, seconds? }`. Without `count` the mode lasts until
 * switched off.
 * @param {unknown} body
 * @returns {{ ok: true, state: FailureState } | { ok: false, reason: string }}
 */
export function parseFailureRequest(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'send a JSON object: { "mode": "none" | "500" | "429" | "slow" | "offline", "count"?: 1-100, "seconds"?: 1-130 }' };
  }
  const { mode, count, seconds } = /** @type {Record<string, unknown>} */ (body);
  const known = FAILURE_MODES.find((name) => name === mode);
  if (!known) return { ok: false, reason: `mode is ${JSON.stringify(mode)}; allowed: ${FAILURE_MODES.map((name) => `"${name}"`).join(', ')}` };
  if (count !== undefined && !(Number.isInteger(count) && Number(count) >= 1 && Number(count) <= MAX_COUNT)) {
    return { ok: false, reason: `count is ${JSON.stringify(count)}; allowed: an integer from 1 to ${MAX_COUNT}, or none (until switched off)` };
  }
  if (seconds !== undefined && !(typeof seconds === 'number' && seconds >= 1 && seconds <= MAX_SLOW_SECONDS)) {
    return { ok: false, reason: `seconds is ${JSON.stringify(seconds)}; allowed: a number from 1 to ${MAX_SLOW_SECONDS}` };
  }
  if (known === 'none') return { ok: true, state: NORMAL };
  return {
    ok: true,
    state: { mode: known, remaining: count === undefined ? null : Number(count), seconds: seconds === undefined ? DEFAULT_SLOW_SECONDS : Number(seconds) },
  };
}

export function createFailureSwitch() {
  let state = NORMAL;
  return {
    /** @returns {FailureState} */
    state: () => state,

    /** @param {FailureState} next */
    set(next) {
      state = next;
    },

    /**
     * The failure for the delivery at hand, counted as spent; null when deliveries go through.
     * @returns {FailureState | null}
     */
    spend() {
      if (state.mode === 'none') return null;
      const current = state;
      if (current.remaining !== null) state = current.remaining > 1 ? { ...current, remaining: current.remaining - 1 } : NORMAL;
      return current;
    },
  };
}
