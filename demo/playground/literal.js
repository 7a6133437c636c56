// Reads a JavaScript value written as a literal, the way snippets write options: objects,
// arrays, strings in single, double or back quotes (without ${}), numbers, true, false, null and
// undefined, with comments and trailing commas. Anything else (a variable, a call) is refused
// with its position: a pasted snippet is read, never run.

/** @typedef {string | number | boolean | null | undefined | LiteralValue[] | { [key: string]: LiteralValue }} LiteralValue */

/** @type {ReadonlyMap<string, LiteralValue>} */
const WORDS = new Map([
  ['true', true],
  ['false', false],
  ['null', null],
  ['undefined', undefined],
]);

/** @type {Record<string, string>} */
const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /[+-]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;

/**
 * The literal that starts at `start` (after any spaces and comments) and where it ends.
 * @param {string} source
 * @param {number} start
 * @returns {{ value: LiteralValue, end: number }}
 * @throws {SyntaxError} naming what was expected and where (1-based character)
 */
export function readLiteral(source, start) {
  let at = start;

  /** @param {string} what @returns {never} */
  const fail = (what) => {
    throw new SyntaxError(`${what} at character ${at + 1}`);
  };

  /** @param {RegExp} pattern sticky */
  const match = (pattern) => {
    pattern.lastIndex = at;
    const found = pattern.exec(source)?.[0];
    if (found) at += found.length;
    return found;
  };

  function skipSpace() {
    for (;;) {
      while (/\s/.test(source[at] ?? '')) at++;
      if (source.startsWith('//', at)) at = source.includes('\n', at) ? source.indexOf('\n', at) : source.length;
      else if (source.startsWith('/*', at)) {
        const close = source.indexOf('*/', at + 2);
        if (close < 0) fail('a comment is not closed');
        at = close + 2;
      } else return;
    }
  }

  /** @returns {string} */
  function string() {
    const quote = source[at++];
    let text = '';
    for (;;) {
      const char = source[at++];
      if (char === undefined) fail('a string is not closed');
      if (char === quote) return text;
      if (quote === '`' && char === '$' && source[at] === '{') fail('${…} in a template is code, not a value');
      if (char === '\n' && quote !== '`') fail('a line break inside a quoted string');
      if (char !== '\\') {
        text += char;
        continue;
      }
      const escaped = source[at++] ?? '';
      if (escaped === 'u' || escaped === 'x') {
        const hex = escaped === 'x' ? /[\da-fA-F]{2}/y : source[at] === '{' ? /\{[\da-fA-F]{1,6}\}/y : /[\da-fA-F]{4}/y;
        const digits = match(hex) ?? fail(`a bad \\${escaped} escape`);
        text += String.fromCodePoint(parseInt(digits.replace(/[{}]/g, ''), 16));
      } else if (escaped === '\n')
        continue; // a line continuation
      else text += ESCAPES[escaped] ?? escaped;
    }
  }

  /** @returns {string} */
  function key() {
    const char = source[at];
    if (char === "'" || char === '"') return string();
    const name = match(IDENTIFIER) ?? match(NUMBER);
    return name ?? fail('expected a property name');
  }

  /**
   * Reads items up to `close`, separated by commas; a trailing comma is allowed.
   * @param {string} close
   * @param {() => void} item
   */
  function list(close, item) {
    at++;
    for (;;) {
      skipSpace();
      if (source[at] === close) break;
      item();
      skipSpace();
      if (source[at] === ',') at++;
      else if (source[at] !== close) fail(`expected "," or "${close}"`);
    }
    at++;
  }

  /** @returns {{ [key: string]: LiteralValue }} */
  function object() {
    /** @type {Array<[string, LiteralValue]>} */
    const entries = [];
    list('}', () => {
      const name = key();
      skipSpace();
      if (source[at++] !== ':') fail(`expected ":" after "${name}"`);
      entries.push([name, value()]);
    });
    // fromEntries defines own properties, so a "__proto__" key cannot reach the prototype.
    return Object.fromEntries(entries);
  }

  /** @returns {LiteralValue[]} */
  function array() {
    /** @type {LiteralValue[]} */
    const items = [];
    list(']', () => items.push(value()));
    return items;
  }

  /** @returns {LiteralValue} */
  function value() {
    skipSpace();
    const char = source[at] ?? '';
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === "'" || char === '"' || char === '`') return string();
    const number = match(NUMBER);
    if (number !== undefined) return Number(number.replaceAll('_', ''));
    const word = match(IDENTIFIER);
    if (word !== undefined && WORDS.has(word)) return WORDS.get(word);
    at -= word?.length ?? 0;
    return fail(word ? `"${word}" is code, not a value` : 'expected a value');
  }

  const result = value();
  return { value: result, end: at };
}
