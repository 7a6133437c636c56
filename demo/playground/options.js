// The playground's one list of options: each entry becomes a form control, a URL parameter, a
// data attribute and a key of the snippets. Adding an option to the widget is one line here
// (test/integration/playground-options.test.ts fails until it is added). No DOM: the tests
// import it in Node.

/** @typedef {'text' | 'number' | 'boolean' | 'choice' | 'locale' | 'color'} InputKind */
/** @typedef {string | number | boolean} Value */
/**
 * @typedef {object} PlaygroundOption
 * @property {string} name the option's name, as createNpsWidget takes it
 * @property {string} group the id of the fieldset it is in (GROUPS)
 * @property {string} help one line: what it does
 * @property {InputKind} input
 * @property {Value | null} default the widget's default; null: none (the widget decides, or the option is off)
 * @property {string} [defaultLabel] how the default reads when it is not a plain value
 * @property {readonly string[]} [choices] the allowed values of a 'choice'
 * @property {'show'} [scope] 'show': an option of show(), not of createNpsWidget
 * @property {true} [required]
 * @property {true} [whenAccepted] newer than some builds of the widget: the form shows it only
 *   when the loaded widget accepts it (the frame asks it; see playground-frame.js)
 */
/** @typedef {Record<string, Value>} Values the options that are set, by name; absent means default */

/** @type {ReadonlyArray<{ id: string, legend: string }>} */
export const GROUPS = [
  { id: 'survey', legend: 'The survey' },
  { id: 'wording', legend: 'Wording' },
  { id: 'look', legend: 'Look and placement' },
  { id: 'triggers', legend: 'When it shows' },
  { id: 'rules', legend: 'Who is asked, and how often' },
  { id: 'answer', legend: 'After the score' },
  { id: 'delivery', legend: 'Delivery and privacy' },
];

const WORDING = "the language's own";

/** @type {readonly PlaygroundOption[]} */
export const OPTIONS = [
  { name: 'endpoint', group: 'survey', input: 'text', default: null, required: true, help: 'Where answers are posted: here, the demo collector.' },
  { name: 'surveyId', group: 'survey', input: 'text', default: 'nps', help: 'Names the survey in the payload; each id has its own rules.' },
  { name: 'brand', group: 'survey', input: 'text', default: '', defaultLabel: 'none ("us")', help: 'Fills {brand} in the question.' },
  { name: 'kind', group: 'survey', input: 'choice', choices: ['nps', 'enps'], default: 'nps', help: 'enps asks about {brand} as a place to work.' },
  {
    name: 'scale',
    group: 'survey',
    input: 'choice',
    choices: ['0-10', '1-10', '1-7', '1-5'],
    default: '0-10',
    help: 'The answer scale; anything but 0-10 is non-standard NPS.',
  },
  { name: 'promoterMin', group: 'survey', input: 'number', default: null, defaultLabel: "the scale's", help: 'Off 0-10: the lowest promoter score.' },
  {
    name: 'passiveMin',
    group: 'survey',
    input: 'number',
    default: null,
    defaultLabel: "the scale's",
    help: 'Off 0-10: the lowest passive score; below it, detractors.',
  },
  { name: 'locale', group: 'survey', input: 'locale', default: null, defaultLabel: "the page's, then the browser's", help: 'The language shown.' },
  { name: 'localesUrl', group: 'survey', input: 'text', default: null, defaultLabel: 'beside the script', help: 'Folder the language files load from.' },

  { name: 'question', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'Replaces the question; {brand} is filled in.' },
  { name: 'followUp', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'The reason question, for every score.' },
  { name: 'followUpDetractor', group: 'wording', input: 'text', default: null, defaultLabel: 'followUp', help: 'The reason question after 0 to 6.' },
  { name: 'followUpPassive', group: 'wording', input: 'text', default: null, defaultLabel: 'followUp', help: 'The reason question after 7 or 8.' },
  { name: 'followUpPromoter', group: 'wording', input: 'text', default: null, defaultLabel: 'followUp', help: 'The reason question after 9 or 10.' },
  { name: 'lowLabel', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'The label under 0.' },
  { name: 'highLabel', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'The label under 10.' },
  { name: 'placeholder', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'Placeholder of the reason box.' },
  { name: 'submitLabel', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'The submit button.' },
  { name: 'thankYou', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'Shown after submitting.' },
  { name: 'closeLabel', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'Accessible name of the close button.' },
  { name: 'consentQuestion', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: 'With askConsent: the question after the reason.' },
  { name: 'promoterLinkText', group: 'wording', input: 'text', default: null, defaultLabel: WORDING, help: "The promoter link's text." },

  {
    name: 'placement',
    group: 'look',
    input: 'choice',
    choices: ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-bar', 'modal', 'inline'],
    default: 'bottom-right',
    help: 'Where it appears; corners and the bar become a bottom sheet on phones.',
  },
  { name: 'theme', group: 'look', input: 'choice', choices: ['light', 'dark', 'auto'], default: 'light', help: 'auto follows the visitor’s colour scheme.' },
  {
    name: 'accentColor',
    group: 'look',
    input: 'color',
    default: null,
    defaultLabel: 'blue',
    help: 'Selected choice and submit button: #rgb, #rrggbb or rgb(r, g, b).',
  },
  { name: 'zIndex', group: 'look', input: 'number', default: 2_147_483_000, help: 'Stacking above the page.' },

  {
    name: 'show',
    group: 'triggers',
    input: 'choice',
    choices: ['auto', 'manual'],
    default: 'auto',
    help: 'auto: by itself when the rules allow; manual: only on show().',
  },
  {
    name: 'touchpoint',
    group: 'triggers',
    input: 'text',
    default: null,
    defaultLabel: 'none',
    scope: 'show',
    help: 'Passed to show(): makes the answer transactional ("checkout").',
  },
  { name: 'delaySeconds', group: 'triggers', input: 'number', default: 0, help: 'With auto: seconds on the page before it may appear.' },
  {
    name: 'scrollPercent',
    group: 'triggers',
    input: 'number',
    default: null,
    defaultLabel: 'none',
    help: 'With auto: wait until this much of the page was scrolled (1-100).',
  },
  { name: 'exitIntent', group: 'triggers', input: 'boolean', default: false, help: 'With auto: appear when the pointer leaves towards the top.' },

  { name: 'sampleRate', group: 'rules', input: 'number', default: 1, help: 'Share of visitors ever asked, 0 to 1; each is drawn once.' },
  { name: 'resurveyDays', group: 'rules', input: 'number', default: 90, help: 'Days after an answer before asking again.' },
  { name: 'dismissCooldownDays', group: 'rules', input: 'number', default: 30, help: 'Days after closing it before asking again.' },
  { name: 'maxAsks', group: 'rules', input: 'number', default: 3, help: 'Showings without an answer before the visitor is left alone.' },
  { name: 'firstSurveyDelayDays', group: 'rules', input: 'number', default: 0, help: 'Days after user.createdAt before the first survey (needs a user).' },
  { name: 'quietPeriodDays', group: 'rules', input: 'number', default: 0, help: 'Days after another survey of the site showed.' },

  {
    name: 'askConsent',
    group: 'answer',
    input: 'boolean',
    default: false,
    whenAccepted: true,
    help: 'After the reason, ask whether we may contact the respondent.',
  },
  {
    name: 'promoterLink',
    group: 'answer',
    input: 'text',
    default: null,
    defaultLabel: 'none',
    help: 'Shown to promoters with the thank-you; {score} in it is replaced by the score.',
  },
  { name: 'autoCloseSeconds', group: 'answer', input: 'number', default: 4, help: 'How long the thank-you stays; 0 keeps it until closed.' },
  { name: 'commentMaxLength', group: 'answer', input: 'number', default: 2000, help: 'Longest reason accepted, in characters.' },

  {
    name: 'credentials',
    group: 'delivery',
    input: 'choice',
    choices: ['omit', 'same-origin', 'include'],
    default: 'omit',
    help: 'Whether cookies go with the POST.',
  },
  { name: 'pageUrl', group: 'delivery', input: 'choice', choices: ['path', 'full', 'none'], default: 'path', help: "What the payload's pageUrl holds." },
  { name: 'requestTimeoutSeconds', group: 'delivery', input: 'number', default: 10, help: 'A request with no answer after this is retried.' },
  { name: 'outboxMaxAgeDays', group: 'delivery', input: 'number', default: 7, help: 'An answer undelivered this long is given up.' },
  { name: 'outboxMaxEntries', group: 'delivery', input: 'number', default: 100, help: 'Most undelivered answers kept per survey.' },
  { name: 'debug', group: 'delivery', input: 'boolean', default: false, help: 'Logs why it did or did not show, and each delivery.' },
];

/** Where an inline survey renders, in the live frame and in every snippet. */
export const INLINE_CONTAINER = '#nps-survey';

/** Options of the widget the form leaves out, and why. */
export const NOT_IN_FORM = {
  container: `follows from placement: an inline survey renders into ${INLINE_CONTAINER}`,
  user: 'an object (who answered); set it in code or with identify()',
  metadata: 'an object; set it in code',
  strings: 'an object of wording per language; set it in code',
  nonce: 'a Content Security Policy value that changes with every page',
  anonymous: 'three states (absent: anonymous for eNPS only; true; false) that a checkbox cannot hold; set it in code',
};

/** @type {ReadonlyMap<string, PlaygroundOption>} */
const BY_NAME = new Map(OPTIONS.map((option) => [option.name, option]));

/** @param {string} name */
export const optionNamed = (name) => BY_NAME.get(name);

/**
 * A value as text arrives it (a URL parameter, a data attribute, a form control), typed as the
 * option takes it; undefined when empty, which means "not set". What does not convert stays
 * text, so the widget's own validation names it.
 * @param {PlaygroundOption} option
 * @param {string} text
 * @returns {Value | undefined}
 */
export function fromText(option, text) {
  if (option.input === 'boolean') return text === '' || text === 'true' ? true : text === 'false' ? false : text;
  if (text.trim() === '') return undefined;
  if (option.input === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  return text;
}

/**
 * The values that differ from the defaults, in the list's order: what a snippet and a link carry.
 * @param {Values} values
 * @returns {Array<[PlaygroundOption, Value]>}
 */
export function changed(values) {
  return OPTIONS.flatMap((option) => {
    const value = values[option.name];
    return value === undefined || value === option.default ? [] : [/** @type {[PlaygroundOption, Value]} */ ([option, value])];
  });
}

/**
 * What the form asks of the widget: the options for createNpsWidget and, when the survey should
 * be shown by a call (show: 'manual', or a touchpoint), the options of that show() call.
 * @param {Values} values
 * @returns {{ options: Record<string, Value>, show: Record<string, Value> | null }}
 */
export function installation(values) {
  /** @type {Record<string, Value>} */
  const options = {};
  /** @type {Record<string, Value>} */
  const show = {};
  for (const [option, value] of changed(values)) {
    if (option.scope === 'show') show[option.name] = value;
    else options[option.name] = value;
  }
  if (options['placement'] === 'inline') options['container'] = INLINE_CONTAINER;
  const called = options['show'] === 'manual' || Object.keys(show).length > 0;
  return { options, show: called ? show : null };
}
