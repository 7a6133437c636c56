// The playground's options in its URL, so a configuration can be shared as a link: one query
// parameter per option that differs from its default (?brand=Acme&placement=modal).

import { OPTIONS, changed, fromText } from './options.js';

/** @typedef {import('./options.js').Values} Values */

/**
 * @param {Values} values
 * @param {string} localEndpoint the endpoint every page of this demo starts with, left out of links
 * @returns {URLSearchParams}
 */
export function toQuery(values, localEndpoint) {
  const query = new URLSearchParams();
  for (const [option, value] of changed(values)) {
    if (option.name !== 'endpoint' || value !== localEndpoint) query.set(option.name, String(value));
  }
  return query;
}

/**
 * @param {URLSearchParams} query
 * @param {string} localEndpoint
 * @returns {Values}
 */
export function fromQuery(query, localEndpoint) {
  /** @type {Values} */
  const values = { endpoint: localEndpoint };
  for (const option of OPTIONS) {
    const text = query.get(option.name);
    const value = text === null ? undefined : fromText(option, text);
    if (value !== undefined) values[option.name] = value;
  }
  return values;
}
