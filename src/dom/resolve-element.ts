/** Finds the elements that options name (`anchor`, `container`) when a survey shows. */

/** The element an `anchor` or `container` names, or the reason it cannot be used. */
export function resolveElement(target: Element | string, name: 'anchor' | 'container'): Element | string {
  let element: Element | null = null;
  try {
    element = typeof target === 'string' ? document.querySelector(target) : target;
  } catch {
    // An invalid selector matches nothing, which is what the message says.
  }
  return element?.isConnected ? element : `no ${name} ${typeof target === 'string' ? JSON.stringify(target) : 'element'} in the document`;
}
