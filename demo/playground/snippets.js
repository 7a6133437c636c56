// The install code for the playground's options, in the three forms the README teaches: the
// script tag with data attributes, the async snippet, and ESM. Only options that differ from
// the defaults appear. paste.js reads all three back.

import { INLINE_CONTAINER, installation } from './options.js';

/** @typedef {import('./options.js').Values} Values */
/** @typedef {import('./options.js').Value} Value */

/** The async snippet's first line, exactly as the README has it. */
export const QUEUE_STUB = 'window.nps = window.nps || function () { (window.nps.q = window.nps.q || []).push(arguments); };';

/** An object literal longer than this goes on one line per option. */
const ONE_LINE_MAX = 72;

/**
 * A single-quoted JavaScript string that also stays inert inside an HTML <script>.
 * @param {string} text
 */
function quote(text) {
  const escaped = text
    .replace(/[\\']/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)
    // "</script>" in a string would end the script element around it.
    .replace(/<\//g, '<\\/')
    .replace(/<!--/g, '<\\!--');
  return `'${escaped}'`;
}

/** @param {Value} value */
const literal = (value) => (typeof value === 'string' ? quote(value) : String(value));

/**
 * @param {Record<string, Value>} object
 * @param {string} indent the indentation of the line the literal starts on
 */
function objectLiteral(object, indent) {
  const entries = Object.entries(object).map(([name, value]) => `${name}: ${literal(value)}`);
  if (entries.length === 0) return '{}';
  const oneLine = `{ ${entries.join(', ')} }`;
  if (oneLine.length + indent.length <= ONE_LINE_MAX) return oneLine;
  return `{\n${entries.map((entry) => `${indent}  ${entry},\n`).join('')}${indent}}`;
}

/** @param {string} text */
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `resurveyDays` is `data-resurvey-days`: the dataset's own mapping, reversed. */
const dataAttribute = (/** @type {string} */ name) => `data-${name.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`;

/** @param {Record<string, Value>} show */
const showArguments = (show) => (Object.keys(show).length ? `, ${objectLiteral(show, '  ')}` : '');

/** The element an inline survey renders into, for the HTML forms. */
const INLINE_SLOT = `<div id="${INLINE_CONTAINER.slice(1)}"></div>`;

/**
 * @param {Values} values
 * @param {string} scriptUrl where nps-widget.js is served
 * @returns {{ scriptTag: string, asyncSnippet: string, esm: string }}
 */
export function snippetsFor(values, scriptUrl) {
  const { options, show } = installation(values);
  const slot = options['container'] === INLINE_CONTAINER ? [`<!-- The inline survey renders here: -->`, INLINE_SLOT] : [];

  const attributes = Object.entries(options).map(([name, value]) =>
    value === true ? dataAttribute(name) : `${dataAttribute(name)}="${attribute(String(value))}"`,
  );
  const scriptTag = [
    ...slot,
    `<script src="${attribute(scriptUrl)}"`,
    ...attributes.map((line) => `        ${line}`),
    '        async></script>',
    ...(show ? ['<script>', `  ${QUEUE_STUB}`, `  nps('show'${showArguments(show)});`, '</script>'] : []),
  ].join('\n');

  const asyncSnippet = [
    ...slot,
    '<script>',
    `  ${QUEUE_STUB}`,
    `  nps('init', ${objectLiteral(options, '  ')});`,
    ...(show ? [`  nps('show'${showArguments(show)});`] : []),
    '</script>',
    `<script async src="${attribute(scriptUrl)}"></script>`,
  ].join('\n');

  const create = `createNpsWidget(${objectLiteral(options, '')});`;
  const esm = [
    "import { createNpsWidget } from 'nps-widget';",
    '',
    ...(slot.length ? [`// The inline survey renders into ${INLINE_SLOT} on the page.`] : []),
    ...(show ? [`const widget = ${create}`, `widget.show(${Object.keys(show).length ? objectLiteral(show, '') : ''});`] : [create]),
  ].join('\n');

  return { scriptTag, asyncSnippet, esm };
}
