/** Keeps an anchored survey next to its element while both are on screen. */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** Positions `panel` below (or, without room, above) `anchor`; returns the function that stops following it. */
export function followAnchor(anchor: Element, panel: HTMLElement): () => void {
  const update = () =>
    void computePosition(anchor, panel, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [offset(10), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      panel.style.left = `${x}px`;
      panel.style.top = `${y}px`;
    });
  return autoUpdate(anchor, panel, update);
}

/** The anchor element a `show` call names, or the reason it cannot be used. */
export function resolveAnchor(anchor: Element | string): Element | string {
  let element: Element | null;
  try {
    element = typeof anchor === 'string' ? document.querySelector(anchor) : anchor;
  } catch {
    return `anchor ${JSON.stringify(anchor)} is not a valid CSS selector`;
  }
  if (!element) return `no element matches anchor ${JSON.stringify(anchor)}`;
  if (!element.isConnected) return 'the anchor element is not in the document';
  return element;
}
