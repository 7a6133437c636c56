// The demo shop's cart, shared by the shop and checkout pages: kept in sessionStorage (this tab
// only) and drawn into #cart-items and #cart-total. Nothing here is nps-widget code.

import { byId } from './dom.js';

/** @typedef {{ name: string, price: number, quantity: number }} CartLine */

export const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Not an nps-widget key: the demo's own. */
const CART_KEY = 'acme-demo:cart';
/** @type {CartLine[]} */
const DEFAULT_CART = [{ name: 'Stoneware mug', price: 18, quantity: 1 }];

/**
 * @param {unknown} value
 * @returns {value is CartLine}
 */
function isCartLine(value) {
  if (typeof value !== 'object' || value === null) return false;
  const line = /** @type {Record<string, unknown>} */ (value);
  return typeof line['name'] === 'string' && typeof line['price'] === 'number' && Number.isInteger(line['quantity']) && Number(line['quantity']) > 0;
}

/** @returns {CartLine[]} what the shop left, or a one-mug cart when storage is empty, blocked or garbled */
export function loadCart() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(CART_KEY) ?? 'null');
    const lines = Array.isArray(stored) ? stored.filter(isCartLine) : [];
    return lines.length > 0 ? lines : DEFAULT_CART;
  } catch {
    return DEFAULT_CART;
  }
}

/** @param {CartLine[]} lines */
export function saveCart(lines) {
  try {
    sessionStorage.setItem(CART_KEY, JSON.stringify(lines));
  } catch {
    // Checkout then shows the default cart; the demo still works.
  }
}

/** @param {CartLine[]} lines */
export function renderCart(lines) {
  const rows = lines.map(({ name, price, quantity }) => {
    const row = document.createElement('li');
    const label = document.createElement('span');
    const amount = document.createElement('span');
    label.textContent = `${name} × ${quantity}`;
    amount.textContent = money.format(price * quantity);
    row.append(label, amount);
    return row;
  });
  byId('cart-items').replaceChildren(...rows);
  byId('cart-total').textContent = money.format(lines.reduce((sum, line) => sum + line.price * line.quantity, 0));
}
