// The playground's form, built from the option list: one fieldset per group, one labelled control
// per option with its one-line help and its default. Reads and writes Values; knows nothing of
// snippets, links or the frame.

import { element } from '../dom.js';
import { GROUPS, OPTIONS, fromText } from './options.js';

/** @typedef {import('./options.js').PlaygroundOption} PlaygroundOption */
/** @typedef {import('./options.js').Values} Values */

/** @param {PlaygroundOption} option */
function defaultText(option) {
  if (option.required) return 'Required.';
  const value = option.defaultLabel ?? (typeof option.default === 'boolean' ? (option.default ? 'on' : 'off') : String(option.default));
  return `Default: ${value}.`;
}

/**
 * @param {PlaygroundOption} option
 * @param {readonly string[]} locales
 * @returns {HTMLInputElement | HTMLSelectElement}
 */
function control(option, locales) {
  const id = `option-${option.name}`;
  const common = { id, name: option.name, 'aria-describedby': `${id}-help` };
  if (option.input === 'boolean') return element('input', { ...common, type: 'checkbox' });
  if (option.input === 'number') return element('input', { ...common, type: 'number', step: 'any', inputmode: 'decimal' });
  if (option.input === 'choice' || option.input === 'locale') {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    const choices =
      option.input === 'locale'
        ? [element('option', { value: '' }, ["page's or browser's"]), ...locales.map((tag) => element('option', { value: tag }, [`${tag}: ${names.of(tag)}`]))]
        : (option.choices ?? []).map((choice) => element('option', { value: choice }, [choice]));
    return element('select', common, choices);
  }
  return element('input', { ...common, type: 'text', spellcheck: 'false', ...(option.required ? { required: '' } : {}) });
}

/**
 * A colour picker beside the accent's text field; the text stays the value, so #rgb and rgb()
 * work too.
 * @param {HTMLInputElement} text
 */
function colorPicker(text) {
  const picker = element('input', { type: 'color', 'aria-label': 'Pick the accentColor', value: '#2563eb' });
  picker.addEventListener('input', () => {
    text.value = picker.value;
    text.dispatchEvent(new Event('input', { bubbles: true }));
  });
  text.addEventListener('input', () => {
    if (/^#[\da-f]{6}$/i.test(text.value)) picker.value = text.value.toLowerCase();
  });
  return picker;
}

/** @param {PlaygroundOption} option @param {readonly string[]} locales */
function row(option, locales) {
  const input = control(option, locales);
  const label = element('label', { for: input.id }, [element('code', {}, [option.name])]);
  const help = element('p', { class: 'help', id: `${input.id}-help` }, [`${option.help} `, element('span', { class: 'default' }, [defaultText(option)])]);
  const checkbox = option.input === 'boolean';
  const extra = option.input === 'color' && input instanceof HTMLInputElement ? [colorPicker(input)] : [];
  const field = checkbox ? [input, label] : [label, element('span', { class: 'control' }, [input, ...extra])];
  return element('div', { class: checkbox ? 'option check' : 'option', 'data-option': option.name }, [...field, help]);
}

/**
 * Fills `form` with a fieldset per group.
 * @param {HTMLFormElement} form
 * @param {readonly string[]} locales the built-in language tags
 */
export function buildForm(form, locales) {
  for (const group of GROUPS) {
    const options = OPTIONS.filter((option) => option.group === group.id);
    form.append(element('fieldset', { class: 'option-group' }, [element('legend', {}, [group.legend]), ...options.map((option) => row(option, locales))]));
  }
}

/** @param {HTMLFormElement} form @param {string} name */
function controlOf(form, name) {
  const found = form.elements.namedItem(name);
  return found instanceof HTMLInputElement || found instanceof HTMLSelectElement ? found : null;
}

/**
 * @param {HTMLFormElement} form
 * @returns {Values} what is set; empty fields and hidden options are left out
 */
export function readForm(form) {
  /** @type {Values} */
  const values = {};
  for (const option of OPTIONS) {
    const input = controlOf(form, option.name);
    if (!input || input.disabled) continue;
    const value = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : fromText(option, input.value);
    if (value !== undefined) values[option.name] = value;
  }
  return values;
}

/**
 * Shows `values` in the form, and every option they leave out at its default.
 * @param {HTMLFormElement} form
 * @param {Values} values
 */
export function writeForm(form, values) {
  for (const option of OPTIONS) {
    const input = controlOf(form, option.name);
    if (!input) continue;
    const value = values[option.name] ?? option.default;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
    else input.value = value === null ? '' : String(value);
    input.dispatchEvent(new Event('input'));
  }
}

/**
 * Hides the options the loaded widget does not accept (and keeps them out of readForm).
 * @param {HTMLFormElement} form
 * @param {readonly string[]} unknown option names the widget warned about
 */
export function offerOnly(form, unknown) {
  for (const option of OPTIONS) {
    const input = controlOf(form, option.name);
    const offered = !unknown.includes(option.name);
    if (!input) continue;
    input.disabled = !offered;
    const wrapper = input.closest('.option');
    if (wrapper instanceof HTMLElement) wrapper.hidden = !offered;
  }
}
