/**
 * The delivery chaos scenario, shared by the browser test (which asserts) and
 * `npm run bench:delivery` (which prints). Responses are given through the real UI of the
 * built script in Chromium while the receiver misbehaves, the visitor navigates away right
 * after submitting, reloads mid-flight, and goes offline and back. Then the receiver is
 * healed, one more page of the site is opened, and we wait for every response's final state.
 *
 * Two ways to run it: every answer to one survey (`surveys: 'one'`), or every answer to a
 * survey of its own (`surveys: 'many'`, as a shop asks per touchpoint) while the pages load the
 * widget for yet other surveys and the last page for one never answered: whatever waits must
 * go from any page of the site, whichever survey gave it.
 */
import { launchChromium, openPage } from '../chromium.mjs';
import { startFlakyReceiver } from './flaky-receiver.mjs';

/** @typedef {{ surveyId: string, score: number, complete: boolean, comment: string | null }} FinalState */
/** @typedef {'submit' | 'submit-then-leave' | 'score-then-reload' | 'change-then-submit' | 'submit-then-reload'} Action */

/** Ten responses in a row take these paths; offline stretches use plain submits only. */
const CYCLE = /** @type {Action[]} */ ([
  'submit',
  'submit-then-leave',
  'submit',
  'score-then-reload',
  'change-then-submit',
  'submit',
  'submit-then-reload',
  'submit',
  'submit-then-leave',
  'score-then-reload',
]);

/** What every page and survey of the chaos site configures. */
const CONFIG = { endpoint: '/collect', brand: 'Acme', show: 'manual', autoCloseSeconds: 0, requestTimeoutSeconds: 1 };

/**
 * @param {string} title
 * @param {string} surveyId the survey this page loads the widget for
 * @param {string} script the build under test: nps-widget.js (the loader) or nps-widget.full.js
 */
function sitePage(title, surveyId, script) {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head>
<body><main><h1>${title}</h1><p>A page of the site.</p></main>
<script>
  window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };
  nps('init', ${JSON.stringify({ ...CONFIG, surveyId })});
</script>
<script async src="/${script}"></script></body></html>`;
}

/**
/**
 * @param {{ responses?: number, seed?: number, surveys?: 'one' | 'many', script?: string, drainTimeoutMs?: number, log?: (line: string) => void }} [options]
 */
export async function runChaos({ responses = 200, seed = 1, surveys = 'one', script = 'nps-widget.js', drainTimeoutMs = 60_000, log = () => {} } = {}) {
  const many = surveys === 'many';
  /** @type {Record<string, string>} */
  const pages = many
    ? { '/a': sitePage('Page A', 'page-a', script), '/b': sitePage('Page B', 'page-b', script), '/flush': sitePage('Page C', 'never-answered', script) }
    : { '/a': sitePage('Page A', 'nps', script), '/b': sitePage('Page B', 'nps', script) };
  const receiver = await startFlakyReceiver({ seed, pages });
  const surveyOf = (/** @type {number} */ seq) => (many ? `survey-${seq}` : 'nps');
  const browser = await launchChromium();
  /** @type {Map<number, FinalState>} */
  const expected = new Map();
  /** @type {string[]} */
  const pageErrors = [];
  const startedAt = Date.now();
  try {
    const { context, page } = await openPage(browser, {}, { pageError: (message) => pageErrors.push(message) });
    let here = '/a';
    const go = async (/** @type {string} */ path) => {
      here = path;
      await page.goto(`${receiver.origin}${path}`);
    };
    const other = () => (here === '/a' ? '/b' : '/a');
    const radio = (/** @type {number} */ n) => page.getByRole('radio', { name: new RegExp(`^${n}\\b`) });

    /** Opens the survey for response `seq` (of a survey of its own when `many`), tagged so the receiver's record can be matched. */
    const ask = async (/** @type {number} */ seq) => {
      await page.waitForFunction(() => Boolean(window.nps && window.nps.loaded));
      await page.evaluate(
        ({ s, config }) => {
          const nps = /** @type {NonNullable<Window['nps']>} */ (window.nps);
          nps('hide');
          if (config) nps('init', /** @type {import('../../src/core/options.js').NpsOptions} */ (config));
          nps('show', { metadata: { seq: s }, force: true }); // 200 asks in a row: past every eligibility rule
        },
        { s: seq, config: many ? { ...CONFIG, surveyId: surveyOf(seq) } : null },
      );
      await radio(0).waitFor();
    };
    const submit = async (/** @type {number} */ score, /** @type {string} */ comment) => {
      await radio(score).click();
      await page.getByRole('textbox').fill(comment);
      await page.getByRole('button', { name: 'Submit' }).click();
    };

    await go('/a');
    let offline = false;
    for (let seq = 0; seq < responses; seq += 1) {
      // Every 50 responses, five are given offline.
      const goOffline = seq % 50 === 20;
      const goOnline = seq % 50 === 25;
      if (goOnline) {
        offline = false;
        await context.setOffline(false);
      }
      const action = offline || goOffline ? 'submit' : (CYCLE[seq % CYCLE.length] ?? 'submit');
      const score = (seq * 7) % 11;
      const comment = `reason #${seq}`;
      await ask(seq);
      // The survey is in the page now (the loader imported it); the next answers are given offline.
      if (goOffline) {
        offline = true;
        await context.setOffline(true);
      }
      switch (action) {
        case 'submit':
          await submit(score, comment);
          await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
          expected.set(seq, { surveyId: surveyOf(seq), score, complete: true, comment });
          break;
        case 'submit-then-leave':
          await submit(score, comment);
          expected.set(seq, { surveyId: surveyOf(seq), score, complete: true, comment });
          await go(other());
          break;
        case 'submit-then-reload':
          await submit(score, comment);
          expected.set(seq, { surveyId: surveyOf(seq), score, complete: true, comment });
          await page.reload();
          break;
        case 'score-then-reload':
          await radio(score).click();
          expected.set(seq, { surveyId: surveyOf(seq), score, complete: false, comment: null });
          await page.reload();
          break;
        case 'change-then-submit': {
          const changed = (score + 5) % 11;
          await radio(score).click();
          await submit(changed, comment);
          await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
          expected.set(seq, { surveyId: surveyOf(seq), score: changed, complete: true, comment });
          break;
        }
      }
      if ((seq + 1) % 50 === 0) log(`  ${seq + 1} responses given`);
    }

    const givenAt = Date.now();
    await context.setOffline(false);
    receiver.setChaos(false);
    // A later visit to the site: the widget starts and sends whatever is still owed.
    await go(many ? '/flush' : other());
    const settled = () => [...expected].every(([seq, state]) => matches(findRecord(receiver.records, seq), state));
    const deadline = Date.now() + drainTimeoutMs;
    while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

    return {
      ...tally(expected, receiver.records),
      ...receiver.stats(),
      behaviours: { ...receiver.behaviours },
      pageErrors,
      givingMs: givenAt - startedAt,
      drainMs: Math.max(0, receiver.stats().lastStoredAt - givenAt),
    };
  } finally {
    await browser.close();
    await receiver.close();
  }
}

/**
 * @param {Map<string, import('../../src/core/payload.js').NpsResponse>} records
 * @param {number} seq
 */
function findRecord(records, seq) {
  return [...records.values()].filter((r) => r.metadata['seq'] === seq);
}

/**
 * @param {import('../../src/core/payload.js').NpsResponse[]} found
 * @param {FinalState} state
 */
function matches(found, state) {
  const [record] = found;
  return (
    found.length === 1 &&
    record !== undefined &&
    record.surveyId === state.surveyId &&
    record.score === state.score &&
    record.complete === state.complete &&
    record.comment === state.comment
  );
}

/**
 * @param {Map<number, FinalState>} expected
 * @param {Map<string, import('../../src/core/payload.js').NpsResponse>} records
 */
function tally(expected, records) {
  let stored = 0;
  /** @type {number[]} */
  const lost = [];
  /** @type {number[]} */
  const stale = [];
  /** @type {number[]} */
  const split = [];
  for (const [seq, state] of expected) {
    const found = findRecord(records, seq);
    if (found.length === 0) lost.push(seq);
    else if (found.length > 1) split.push(seq);
    else if (!matches(found, state)) stale.push(seq);
    else stored += 1;
  }
  return { given: expected.size, stored, lost, stale, split, records: records.size };
}
