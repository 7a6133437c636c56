/** Finds the elements that options name (`anchor`, `container`) when a survey shows, and the preview's mount point. */

/** The element itself, or the first match of a CSS selector; null when there is none or the selector is invalid. */
export function findElement(target: Element | string | null): Element | null {
  if (typeof target !== 'string') return target;
  try {
    return document.querySelector(target);
  } catch {
    // An invalid selector matches nothing, which is what callers report.
    return null;
  }
}

/** The element an `anchor` or `container` names, or the reason it cannot be used. */
export function resolveElement(target: Element | string, name: 'anchor' | 'container'): Element | string {
  const element = findElement(target);
  return element?.isConnected ? element : `no ${name} ${typeof target === 'string' ? JSON.stringify(target) : 'element'} in the document`;
}
