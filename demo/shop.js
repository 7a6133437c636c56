// The demo shop's own behaviour: a cart that checkout.html reads, and two demo controls for the
// survey's memory. The survey itself is the async snippet in index.html; nothing here calls it.

import { loadCart, renderCart, saveCart } from './cart.js';
import { byId } from './dom.js';
import { forgetWidgetState, isEligibilityKey } from './widget-storage.js';

let cart = loadCart();

/** @param {HTMLElement} button */
function addToCart(button) {
  const name = button.dataset['name'] ?? '';
  const price = Number(button.dataset['price']);
  const existing = cart.find((line) => line.name === name);
  cart = existing ? cart.map((line) => (line === existing ? { ...line, quantity: line.quantity + 1 } : line)) : [...cart, { name, price, quantity: 1 }];
  saveCart(cart);
  showCart();
}

function showCart() {
  renderCart(cart);
  byId('cart-count').textContent = String(cart.reduce((sum, line) => sum + line.quantity, 0));
}

/**
 * "Forget my answers": removes what the widget remembers about this visitor (when each survey
 * was answered, closed or shown) and reloads, so the rules start over as on a first visit.
 * The outbox key (`nps-widget:outbox`) stays: it holds answers not yet delivered.
 */
function forgetAnswers() {
  forgetWidgetState(isEligibilityKey);
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
showCart();
