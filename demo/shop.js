// The demo shop's own behaviour: a cart that checkout.html reads, and two demo controls for the
// survey's memory. The survey itself is the async snippet in index.html; nothing here calls it.

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Where the cart waits for checkout.html (this tab only). Not an nps-widget key. */
const CART_KEY = 'acme-demo:cart';

/** @typedef {{ name: string, price: number, quantity: number }} CartLine */

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The shop page has no #${id}`);
  return element;
}

/** @returns {Map<string, { price: number, quantity: number }>} */
function loadCart() {
  /** @type {unknown} */
  let stored = null;
  try {
    stored = JSON.parse(sessionStorage.getItem(CART_KEY) ?? 'null');
  } catch {
    // Storage blocked or garbled: start with the default cart.
  }
  const lines = Array.isArray(stored) ? stored.filter(isCartLine) : [];
  if (lines.length === 0) return new Map([['Stoneware mug', { price: 18, quantity: 1 }]]);
  return new Map(lines.map((line) => [line.name, { price: line.price, quantity: line.quantity }]));
}

/**
 * @param {unknown} value
 * @returns {value is CartLine}
 */
function isCartLine(value) {
  if (typeof value !== 'object' || value === null) return false;
  const line = /** @type {Record<string, unknown>} */ (value);
  return typeof line['name'] === 'string' && typeof line['price'] === 'number' && Number.isInteger(line['quantity']) && Number(line['quantity']) > 0;
}

function saveCart() {
  const lines = [...cart].map(([name, { price, quantity }]) => ({ name, price, quantity }));
  try {
    sessionStorage.setItem(CART_KEY, JSON.stringify(lines));
  } catch {
    // Checkout then shows the default cart; the demo still works.
  }
}

const cart = loadCart();

/** @param {HTMLElement} button */
function addToCart(button) {
  const name = button.dataset['name'] ?? '';
  const price = Number(button.dataset['price']);
  const line = cart.get(name) ?? { price, quantity: 0 };
  cart.set(name, { ...line, quantity: line.quantity + 1 });
  saveCart();
  renderCart();
}

function renderCart() {
  const rows = [...cart].map(([name, { price, quantity }]) => {
    const row = document.createElement('li');
    const label = document.createElement('span');
    const amount = document.createElement('span');
    label.textContent = `${name} × ${quantity}`;
    amount.textContent = money.format(price * quantity);
    row.append(label, amount);
    return row;
  });
  byId('cart-items').replaceChildren(...rows);
  const total = [...cart.values()].reduce((sum, line) => sum + line.price * line.quantity, 0);
  const count = [...cart.values()].reduce((sum, line) => sum + line.quantity, 0);
  byId('cart-total').textContent = money.format(total);
  byId('cart-count').textContent = String(count);
}

/**
 * "Forget my answers": removes what the widget remembers about this visitor (when each survey
 * was answered, closed or shown) and reloads, so the rules start over as on a first visit.
 * Outbox keys (`nps-widget:outbox:*`) stay: they hold answers not yet delivered.
 */
function forgetAnswers() {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index));
    for (const key of keys) {
      if (key !== null && (key.startsWith('nps-widget:history:') || key === 'nps-widget:site')) localStorage.removeItem(key);
    }
  } catch {
    // Storage is blocked: the widget then remembers nothing beyond the page anyway.
  }
  // Reload without ?nps-force=1, so the survey shows only because the rules now allow it.
  const url = new URL(location.href);
  url.searchParams.delete('nps-force');
  if (url.href === location.href) location.reload();
  else location.replace(url.href);
}

for (const button of document.querySelectorAll('[data-add-to-cart]')) {
  button.addEventListener('click', () => addToCart(/** @type {HTMLElement} */ (button)));
}
byId('forget-answers').addEventListener('click', forgetAnswers);
renderCart();
