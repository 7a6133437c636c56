/**
 * A generated year of a busy shop's answers, the same on every run (seeded): about a million
 * payload v1 records, as the collector would store them, with a story worth finding. Checkout
 * answers sour in July and August (a broken release) and recover in September; support gets
 * better through the last quarter. Used by the demo's results page and the results benchmark.
 */
import { seededRandom } from './seeded-random.js';

/** @typedef {import('../src/core/results/record.js').ResultRecord} ResultRecord */

export const YEAR_SEED = 20250101;
export const YEAR_COUNT = 1_000_000;
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = Date.UTC(2026, 0, 1) - YEAR_START;

/** Relative weight of each score 0-10 for an ordinary answer: about half promoters, a fifth detractors. */
const WEIGHTS = [3, 1, 1, 2, 2, 5, 6, 10, 17, 22, 31];
/** [touchpoint, share]; null is the relationship survey. */
const TOUCHPOINTS = /** @type {const} */ ([
  [null, 0.5],
  ['checkout', 0.3],
  ['support', 0.15],
  ['onboarding', 0.05],
]);
const LOCALES = /** @type {const} */ ([
  ['en', 0.55],
  ['fi', 0.2],
  ['hu', 0.15],
  ['sv', 0.1],
]);
const PLANS = /** @type {const} */ ([
  ['free', 0.6],
  ['pro', 0.3],
  ['team', 0.1],
]);
const COMMENTS = {
  detractor: [
    'Delivery took two weeks.',
    'Checkout kept failing on my phone.',
    'Support never answered my email.',
    'Too expensive for what it is.',
    'The size chart is wrong.',
    '-1 star if I could',
  ],
  passive: ['Fine, nothing special.', 'Good products, slow shipping.', 'OK but the site is confusing.', 'Would be great with free returns.'],
  promoter: [
    'Found what I needed in two clicks.',
    'Fast delivery, lovely tote.',
    'Support sorted it out the same day.',
    'Nopea toimitus, kiitos!',
    'Gyors és kedves ügyfélszolgálat.',
  ],
};

/**
 * @template T
 * @param {readonly (readonly [T, number])[]} choices
 * @param {number} r uniform in [0, 1)
 * @returns {T}
 */
function pick(choices, r) {
  let sum = 0;
  for (const [value, share] of choices) if (r < (sum += share)) return value;
  return /** @type {T} */ (choices[choices.length - 1]?.[0]);
}

/**
 * Makes the records a batch at a time, so a page can show progress and stay responsive.
 * Yields how many exist so far; returns them all.
 * @param {{ count?: number, seed?: number, batch?: number }} [options]
 * @returns {Generator<number, ResultRecord[], void>}
 */
export function* generateYear({ count = YEAR_COUNT, seed = YEAR_SEED, batch = 10_000 } = {}) {
  const random = seededRandom(seed);
  const cumulative = WEIGHTS.map(
    (
      (sum) => (/** @type {number} */ weight) =>
        (sum += weight)
    )(0),
  );
  const weightTotal = cumulative[cumulative.length - 1] ?? 1;
  const ordinaryScore = () => {
    const r = random() * weightTotal;
    let score = 0;
    while ((cumulative[score] ?? weightTotal) <= r) score++;
    return score;
  };
  /** @type {ResultRecord[]} */
  const records = [];
  for (let i = 0; i < count; i++) {
    const time = YEAR_START + ((i + random()) * YEAR_MS) / count;
    const month = Math.floor((12 * i) / count);
    const touchpoint = pick(TOUCHPOINTS, random());
    // The story: a share of answers replaced by an unhappy (or happy) one.
    const soured = (touchpoint === 'checkout' && (month === 6 || month === 7) ? 0.35 : 0) + (touchpoint === 'support' && month < 9 ? 0.1 : 0);
    const r = random();
    const score = r < soured ? Math.floor(random() * 7) : ordinaryScore();
    const category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    const comments = COMMENTS[category];
    const comment = random() < 0.2 ? (comments[Math.floor(random() * comments.length)] ?? null) : null;
    const plan = pick(PLANS, random());
    const stamp = new Date(time).toISOString();
    /** @type {ResultRecord} */
    const record = {
      schemaVersion: 1,
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      surveyId: touchpoint === null ? 'nps' : touchpoint,
      kind: 'nps',
      score,
      category,
      comment,
      complete: true,
      surveyType: touchpoint === null ? 'relationship' : 'transactional',
      touchpoint,
      user: random() < 0.3 ? { id: `u-${Math.floor(random() * 200_000)}` } : null,
      // An order id is not a segment: the results page names the most common 50 and pools the rest.
      metadata: touchpoint === 'checkout' ? { plan, orderId: `A-${10000 + (i % 90000)}` } : { plan },
      locale: pick(LOCALES, random()),
      pageUrl: null,
      createdAt: stamp,
      sentAt: stamp,
    };
    const consent = random();
    if (consent < 0.8) record.consentToContact = consent < 0.4;
    records.push(record);
    if ((i + 1) % batch === 0 && i + 1 < count) yield i + 1;
  }
  return records;
}
