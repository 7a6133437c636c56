// Reads a pasted install snippet back into the playground's values: the script tag (its data
// attributes), the async snippet (nps('init', {...}) and nps('show', {...})) or ESM
// (createNpsWidget({...}) and .show({...})). HTML is parsed by DOMParser, which runs nothing;
// the option objects by readLiteral, which evaluates nothing.

import { readLiteral } from './literal.js';
import { INLINE_CONTAINER, NOT_IN_FORM, fromText, optionNamed } from './options.js';

/** @typedef {import('./options.js').Values} Values */
/** @typedef {import('./options.js').PlaygroundOption} PlaygroundOption */
/** @typedef {import('./literal.js').LiteralValue} LiteralValue */
/**
 * @typedef {{ ok: true, source: string, values: Values, leftOut: string[] }
 *   | { ok: false, reason: string }} PasteResult
 *   `leftOut`: names the snippet sets that the form cannot hold, each with why.
 */

const INIT_CALL = /\bnps\(\s*(['"`])init\1\s*,/;
const CREATE_CALL = /\bcreateNpsWidget\(/;
/** nps('show'…) or widget.show(…): what follows is `)` or `, {…}` / `{…}`. */
const SHOW_CALL = /\bnps\(\s*(['"`])show\1\s*|\.show\(\s*/;

/**
 * @param {string} text what was pasted
 * @returns {PasteResult}
 */
export function readSnippet(text) {
  if (text.trim() === '') return { ok: false, reason: 'Paste a snippet first: the box is empty.' };
  try {
    const page = /<script\b/i.test(text) ? new DOMParser().parseFromString(text, 'text/html') : null;
    const code = page ? Array.from(page.querySelectorAll('script:not([src])'), (script) => script.textContent ?? '').join('\n') : text;
    const tag = page?.querySelector('script[data-endpoint]');
    const show = objectAfter(code, SHOW_CALL, true);
    if (tag) return restored('the script tag', fromDataAttributes(tag), show);
    const init = objectAfter(code, INIT_CALL, false) ?? objectAfter(code, CREATE_CALL, false);
    if (init) return restored(INIT_CALL.test(code) ? 'the async snippet' : 'the ESM code', init, show);
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, reason: `Not understood: ${error.message}.` };
    throw error;
  }
  return {
    ok: false,
    reason: "Not understood: it has no <script> with data-endpoint, no nps('init', {…}) and no createNpsWidget({…}).",
  };
}

/**
 * The object literal passed to the first call `pattern` finds, or null when there is none. With
 * `optional`, a call without arguments counts as an empty object.
 * @param {string} code
 * @param {RegExp} pattern
 * @param {boolean} optional
 * @returns {Record<string, LiteralValue> | null}
 */
function objectAfter(code, pattern, optional) {
  const found = pattern.exec(code);
  if (!found) return null;
  let at = found.index + found[0].length;
  if (code[at] === ',') at++;
  const rest = code.slice(at).trimStart();
  if (optional && rest.startsWith(')')) return {};
  const { value } = readLiteral(code, at);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError(`the options after "${found[0].trim()}" are not an object`);
  }
  return value;
}

/**
 * Data attributes as the widget reads them (data-resurvey-days is resurveyDays), typed by each
 * option's input. Read from the attributes rather than the dataset, which some DOMs fill
 * without the bare ones (data-debug).
 * @param {Element} tag
 * @returns {Record<string, LiteralValue>}
 */
function fromDataAttributes(tag) {
  /** @type {Record<string, LiteralValue>} */
  const options = {};
  for (const { name, value } of Array.from(tag.attributes).filter((attribute) => attribute.name.startsWith('data-'))) {
    const camel = name.slice('data-'.length).replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    const option = optionNamed(camel);
    options[camel] = option ? fromText(option, value) : value;
  }
  return options;
}

/**
 * @param {string} source
 * @param {Record<string, LiteralValue>} options
 * @param {Record<string, LiteralValue> | null} show
 * @returns {PasteResult}
 */
function restored(source, options, show) {
  /** @type {Values} */
  const values = {};
  /** @type {string[]} */
  const leftOut = [];
  /**
   * @param {Record<string, LiteralValue>} object
   * @param {'show' | undefined} scope
   */
  const take = (object, scope) => {
    for (const [name, value] of Object.entries(object)) {
      const option = optionNamed(name);
      if (option && option.scope === scope) {
        const typed = plainValue(option, value);
        if (typed !== undefined) values[name] = typed;
        else if (value !== undefined && value !== null && value !== '') leftOut.push(`${name} (not a plain value)`);
      } else if (name === 'container' && value === INLINE_CONTAINER) {
        // It follows from placement: 'inline'.
      } else if (Object.hasOwn(NOT_IN_FORM, name)) {
        leftOut.push(`${name} (${NOT_IN_FORM[/** @type {keyof typeof NOT_IN_FORM} */ (name)]})`);
      } else if (option) leftOut.push(`${name} (it belongs to ${scope ? 'the options' : 'show()'})`);
      else leftOut.push(scope ? `show option ${name}` : `${name} (not an option of this widget)`);
    }
  };
  take(options, undefined);
  if (show) take(show, 'show');
  if (values['endpoint'] === undefined) return { ok: false, reason: `Not understood: ${source} has no endpoint.` };
  return { ok: true, source, values, leftOut };
}

/**
 * @param {PlaygroundOption} option
 * @param {LiteralValue} value
 * @returns {import('./options.js').Value | undefined}
 */
function plainValue(option, value) {
  if (typeof value === 'string') return fromText(option, value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}
