// The demo checkout: an order summary, a shipping form that is only a stub, and a pretend
// payment. The only nps-widget code is `askAboutCheckout`, the transactional survey after an
// order; the snippet in checkout.html configured it.

/** @typedef {(command: string, ...args: unknown[]) => void} NpsCommand */

import { loadCart, renderCart } from './cart.js';
import { byId } from './dom.js';

/** A real shop would wait for its payment provider here. */
const PAYMENT_MS = 600;

/** About the height of the survey with its reason box, for making room below the confirmation. */
const SURVEY_ROOM_PX = 420;

let lastOrderId = '';
function newOrderId() {
  let id = lastOrderId;
  while (id === lastOrderId) id = `A-${10_000 + ((crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % 90_000)}`;
  lastOrderId = id;
  return id;
}

const wait = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));

/** @param {SubmitEvent} event */
async function placeOrder(event) {
  event.preventDefault();
  const form = /** @type {HTMLFormElement} */ (byId('checkout-form'));
  const button = /** @type {HTMLButtonElement} */ (byId('place-order'));
  if (button.disabled) return;
  button.disabled = true;
  button.textContent = 'Processing…';
  form.setAttribute('aria-busy', 'true');
  await wait(PAYMENT_MS);

  const orderId = newOrderId();
  form.hidden = true;
  form.removeAttribute('aria-busy');
  // The summary stays as the order's details; its button has done its job.
  byId('order-actions').hidden = true;
  byId('order-id').textContent = orderId;
  const confirmation = byId('order-confirmation');
  confirmation.hidden = false;
  // Move focus so keyboard and screen reader users land on the news, not on a vanished button.
  confirmation.focus({ preventScroll: true });
  // The survey opens below the confirmation: on a short screen, bring it near the top first.
  if (innerHeight - confirmation.getBoundingClientRect().bottom < SURVEY_ROOM_PX) confirmation.scrollIntoView({ block: 'start' });
  else confirmation.scrollIntoView({ block: 'nearest' });
  askAboutCheckout(orderId);
}

/**
 * The transactional survey, anchored next to the confirmation. Not forced: the rules decide,
 * and with `resurveyDays: 0` an answer does not stop the next order's question.
 * @param {string} orderId
 */
function askAboutCheckout(orderId) {
  const { nps } = /** @type {{ nps?: NpsCommand }} */ (window);
  nps?.('show', { touchpoint: 'checkout', anchor: '#order-confirmation', metadata: { orderId } });
}

/** Back to the form for another order. The last order's survey (or its thank-you) goes away. */
function startNewOrder() {
  const { nps } = /** @type {{ nps?: NpsCommand }} */ (window);
  nps?.('hide');
  byId('order-confirmation').hidden = true;
  byId('checkout-form').hidden = false;
  byId('order-actions').hidden = false;
  const button = /** @type {HTMLButtonElement} */ (byId('place-order'));
  button.disabled = false;
  button.textContent = 'Place order';
  button.focus();
}

renderCart(loadCart());
byId('checkout-form').addEventListener('submit', (event) => void placeOrder(/** @type {SubmitEvent} */ (event)));
byId('new-order').addEventListener('click', startNewOrder);
