// "Try every placement": each button destroys the current survey and creates one at the chosen
// place with the global NpsWidget from /nps-widget.js. The code shown is set as text only.

/** @typedef {import('../src/core/api.js').NpsWidget} NpsWidget */
/** @typedef {import('../src/core/options.js').NpsOptions} NpsOptions */
/** @typedef {import('../src/core/options.js').Placement | 'anchored'} Choice */
/** @typedef {{ createNpsWidget(options: NpsOptions): NpsWidget }} NpsWidgetApi */

/** @type {readonly Choice[]} */
const CHOICES = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-bar', 'modal', 'inline', 'anchored'];

/** @type {NpsWidget | null} */
let widget = null;

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The placements page has no #${id}`);
  return element;
}

/**
 * @param {string | undefined} value
 * @returns {value is Choice}
 */
function isChoice(value) {
  return CHOICES.some((choice) => choice === value);
}

/**
 * What a site owner would paste for this placement (without this page's `force: true`).
 * @param {Choice} choice
 */
function snippetFor(choice) {
  const options = ["  endpoint: '/api/nps',", "  brand: 'Acme Goods',", "  show: 'manual',"];
  if (choice !== 'anchored') options.push(`  placement: '${choice}',`);
  if (choice === 'inline') options.push("  container: '#inline-slot',");
  const show = choice === 'anchored' ? "widget.show({ anchor: '#anchor-target' });" : 'widget.show();';
  return [
    '<script src="/nps-widget.js"></script>',
    '<script>',
    '  const widget = NpsWidget.createNpsWidget({',
    ...options.map((line) => `  ${line}`),
    '  });',
    `  ${show}`,
    '</script>',
  ].join('\n');
}

/** @param {Choice} choice */
function showSnippet(choice) {
  byId('snippet-name').textContent = choice;
  byId('snippet').textContent = snippetFor(choice);
}

/** @param {string} message */
function showProblem(message) {
  const problem = byId('placement-problem');
  problem.textContent = message;
  problem.hidden = false;
}

/** @param {Choice} choice */
function tryPlacement(choice) {
  for (const button of document.querySelectorAll('[data-placement]')) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-placement') === choice));
  }
  showSnippet(choice);

  const api = /** @type {{ NpsWidget?: NpsWidgetApi }} */ (/** @type {unknown} */ (window)).NpsWidget;
  if (!api) return showProblem('/nps-widget.js did not load; run npm run build, then reload.');

  widget?.destroy();
  widget = api.createNpsWidget({
    endpoint: '/api/nps',
    brand: 'Acme Goods',
    show: 'manual',
    surveyId: 'placements',
    placement: choice === 'anchored' ? 'bottom-right' : choice,
    container: '#inline-slot',
  });
  if (choice === 'anchored') {
    // Room on both sides of the anchor, so the survey can sit below it (or above).
    byId('anchor-target').scrollIntoView({ block: 'center' });
    widget.show({ anchor: '#anchor-target', force: true });
  } else {
    widget.show({ force: true });
    if (choice === 'inline') byId('inline-slot').scrollIntoView({ block: 'nearest' });
  }
}

for (const button of document.querySelectorAll('[data-placement]')) {
  const choice = button.getAttribute('data-placement') ?? undefined;
  if (isChoice(choice)) button.addEventListener('click', () => tryPlacement(choice));
}
// The anchor is a real button too: asking right after an action is what anchoring is for.
byId('anchor-target').addEventListener('click', () => tryPlacement('anchored'));
showSnippet('bottom-right');
