/** Keeps an anchored survey next to its element while both are on screen. */
import { type Middleware, type Platform, computePosition } from '@floating-ui/core';

const GAP = 12;
const EDGE = 8;
/** The arrow is a 12 px square turned 45 degrees; it keeps this far from the panel's corners. */
const ARROW_SIZE = 12;

const box = (element: unknown) => ({ width: (element as HTMLElement).offsetWidth, height: (element as HTMLElement).offsetHeight });
const viewportSize = () => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });

/**
 * floating-ui's DOM platform works out offset parents, transforms and scroll containers for
 * any floating element. Ours is always `position: fixed` in a shadow root on <body>, so
 * viewport coordinates are all it needs: the anchor's client rect, the panel's size, the
 * viewport. That saves about 1.7 KB (gzip) on every page. The one thing given up: an anchor
 * clipped by a scrolling container but still inside the viewport does not count as hidden.
 */
const viewport = {
  getElementRects: ({ reference, floating }) => {
    const { x, y, width, height } = (reference as Element).getBoundingClientRect();
    return { reference: { x, y, width, height }, floating: { x: 0, y: 0, ...box(floating) } };
  },
  // computePosition asks a platform only for the rects; the other members of Platform serve
  // floating-ui's own middleware, which is not used here.
} as Platform;

/** Room for the panel below and above the anchor, within the viewport's edge margin. */
const room = (anchor: { y: number; height: number }, viewportHeight: number) => ({
  bottom: viewportHeight - anchor.y - anchor.height - GAP - EDGE,
  top: anchor.y - GAP - EDGE,
});

/**
 * Below the anchor when the panel fits there, else on whichever side has more room, GAP px
 * away. This is all of floating-ui's flip and offset that a panel placed only above or below
 * needs, at a tenth of their 1 KB (gzip): fallback placements, alignments and cross-axis
 * offsets never apply here.
 */
const aboveOrBelow: Middleware = {
  name: 'aboveOrBelow',
  fn: ({ placement, rects, x, y }) => {
    const area = viewportSize();
    const { bottom, top } = room(rects.reference, area.height);
    if (placement === 'bottom' && rects.floating.height > bottom && top > bottom) return { reset: { placement: 'top' } };
    // Along the side, kept EDGE px inside the viewport: all floating-ui's shift does for a fixed panel.
    return { x: Math.max(EDGE, Math.min(x, area.width - rects.floating.width - EDGE)), y: placement === 'top' ? y - GAP : y + GAP };
  },
};

/**
 * Places `panel` below `anchor` (above when there is no room, shifted to stay in view), points
 * `arrowElement` at the anchor, hides the panel while the anchor is scrolled out of view, and
 * calls `onLost` if the anchor leaves the document. Returns the function that stops all of it.
 *
 * floating-ui computes the position and the shift along the anchor; the rest is a few lines of
 * arithmetic here, because the panel only ever sits above or below (floating-ui's size, hide
 * and arrow middleware would cost about 0.9 KB gzip on every page for the same numbers).
 */
export function followAnchor(anchor: Element, panel: HTMLElement, arrowElement: HTMLElement | null, onLost: () => void): () => void {
  let stopped = false;
  const update = () => {
    if (!anchor.isConnected) {
      stop();
      onLost();
      return;
    }
    void computePosition(anchor, panel, {
      platform: viewport,
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [aboveOrBelow],
    }).then(({ x, y, placement }) => {
      if (stopped) return;
      const target = anchor.getBoundingClientRect();
      const { width, height } = viewportSize();
      const above = placement === 'top';
      // A short viewport must not push Submit off screen, where a fixed panel cannot be scrolled to;
      // a changed height makes the ResizeObserver place the panel once more with its new size.
      const space = room(target, height)[above ? 'top' : 'bottom'];
      Object.assign(panel.style, {
        left: `${x}px`,
        top: `${y}px`,
        maxHeight: `${Math.max(120, space)}px`,
        visibility: target.bottom < 0 || target.top > height || target.right < 0 || target.left > width ? 'hidden' : '',
        // Scroll inside only when it must: scrolling clips the arrow, which sits outside the edge.
        overflowY: panel.scrollHeight > panel.clientHeight ? 'auto' : '',
      });
      panel.dataset['side'] = placement;
      if (arrowElement) {
        const pointAt = target.left + target.width / 2 - x - ARROW_SIZE / 2;
        Object.assign(arrowElement.style, {
          left: `${Math.min(Math.max(pointAt, ARROW_SIZE), panel.offsetWidth - 2 * ARROW_SIZE)}px`,
          top: above ? '' : '-7px',
          bottom: above ? '-7px' : '',
        });
      }
    });
  };
  const cleanup = whileOpen(anchor, panel, update);
  function stop() {
    stopped = true;
    cleanup();
  }
  return stop;
}

/**
 * Calls `update` now and whenever the anchor may have moved: any scroll (capture sees scrolling
 * containers too), a window resize, or a change in the size of the anchor, the panel or the
 * page (content above the anchor growing or shrinking moves it). This does for a fixed panel
 * what floating-ui's autoUpdate does for any floating element, at a seventh of its size.
 */
function whileOpen(anchor: Element, panel: HTMLElement, update: () => void): () => void {
  const options = { capture: true, passive: true };
  addEventListener('scroll', update, options);
  addEventListener('resize', update, options);
  const sizes = new ResizeObserver(update);
  for (const element of [anchor, panel, document.documentElement]) sizes.observe(element);
  update();
  return () => {
    removeEventListener('scroll', update, options);
    removeEventListener('resize', update, options);
    sizes.disconnect();
  };
}
