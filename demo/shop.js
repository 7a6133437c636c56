// The demo shop's own behaviour: a cart and a pretend checkout. The only nps-widget code is the
// `nps('show', ...)` call after an order; everything else is what any shop page would have.

/** @typedef {(command: string, options?: object) => void} NpsCommand */

const ORDER_ID = 'A-1001';
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** @type {Map<string, { price: number, quantity: number }>} */
const cart = new Map([['Stoneware mug', { price: 18, quantity: 1 }]]);

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The shop page has no #${id}`);
  return element;
}

/** @param {HTMLElement} button */
function addToCart(button) {
  const name = button.dataset['name'] ?? '';
  const price = Number(button.dataset['price']);
  const line = cart.get(name) ?? { price, quantity: 0 };
  cart.set(name, { ...line, quantity: line.quantity + 1 });
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

/** A real shop would wait for its payment provider here. */
function pretendToCharge() {
  return new Promise((done) => setTimeout(done, 600));
}

async function placeOrder() {
  const button = /** @type {HTMLButtonElement} */ (byId('place-order'));
  button.disabled = true;
  button.textContent = 'Placing order…';
  await pretendToCharge();

  byId('checkout').hidden = true;
  byId('order-id').textContent = ORDER_ID;
  const confirmation = byId('order-confirmation');
  confirmation.hidden = false;
  // Move focus so keyboard and screen reader users land on the news, not on a vanished button.
  confirmation.focus();
  askAboutCheckout();
}

/**
 * A transactional survey, anchored next to the confirmation. `force` skips the eligibility
 * rules so the demo shows it every time; a live shop would leave them on.
 */
function askAboutCheckout() {
  const { nps } = /** @type {Window & { nps?: NpsCommand }} */ (window);
  nps?.('show', { touchpoint: 'checkout', anchor: '#order-confirmation', metadata: { orderId: ORDER_ID }, force: true });
}

for (const button of document.querySelectorAll('[data-add-to-cart]')) {
  button.addEventListener('click', () => addToCart(/** @type {HTMLElement} */ (button)));
}
byId('place-order').addEventListener('click', () => void placeOrder());
