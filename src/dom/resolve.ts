/** Finds the element an option names (`anchor`, `container`), or says why it cannot be used. */

/** The element `target` names (an Element, or a CSS selector), or the reason it cannot be used. */
export function resolveElement(target: Element | string, name: 'anchor' | 'container'): Element | string {
  let element: Element | null = null;
  try {
    element = typeof target === 'string' ? document.querySelector(target) : target;
  } catch {
    // An invalid selector matches nothing, which is what the message says.
  }
  return element?.isConnected ? element : `no ${name} ${typeof target === 'string' ? JSON.stringify(target) : 'element'} in the document`;
}
