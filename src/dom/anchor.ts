/**
 * Keeps an anchored survey next to its element, with floating-ui as its authors meant it:
 * `computePosition` on its DOM platform, kept current by `autoUpdate`. Only anchored surveys
 * load this module (it is most of dist/nps-widget-anchored.js); it never renders or decides.
 */
import { arrow, autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';

/** Between the anchor and the panel; the arrow, 12 px turned 45 degrees, spans about 8 of it. */
const GAP = 12;
/** The panel keeps this far from the viewport's edges. */
const EDGE = 8;
/** The arrow keeps this far from the panel's corners, which are rounded. */
const ARROW_PADDING = 12;
/**
 * The least height the panel is squeezed to on a short viewport: the question and two rows of
 * choices. Below that it may leave the screen, which beats a panel too small to answer in.
 */
const MIN_HEIGHT = 120;

/**
 * Places `panel` below `anchor`, or above it when there is more room there (flip, vertical
 * only: `shift` keeps it on screen sideways), no taller than the room it has (size), points
 * `arrowElement` at the anchor (arrow), and hides the panel while the anchor is scrolled out
 * of view, in a scrolling container too (hide). It follows scrolling, resizing and layout
 * shifts until stopped, and calls `onLost` (having stopped) if the anchor leaves the document.
 * Returns the function that stops it.
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
      // The panel is position: fixed in a shadow root on <body>.
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        offset(GAP),
        flip({ crossAxis: false, fallbackPlacements: ['top'], padding: EDGE }),
        shift({ padding: EDGE }),
        // A short viewport must not push Submit off screen, where a fixed panel cannot be scrolled to.
        size({ padding: EDGE, apply: ({ availableHeight }) => void (panel.style.maxHeight = `${Math.max(MIN_HEIGHT, availableHeight)}px`) }),
        arrowElement && arrow({ element: arrowElement, padding: ARROW_PADDING }),
        hide(),
      ],
    }).then(({ x, y, placement, middlewareData }) => {
      if (stopped) return;
      const above = placement === 'top';
      Object.assign(panel.style, {
        left: `${x}px`,
        top: `${y}px`,
        visibility: middlewareData.hide?.referenceHidden ? 'hidden' : '',
        // Scroll inside only when it must: scrolling clips the arrow, which sits outside the edge.
        overflowY: panel.scrollHeight > panel.clientHeight ? 'auto' : '',
      });
      panel.dataset['side'] = placement;
      if (arrowElement) {
        Object.assign(arrowElement.style, {
          left: `${middlewareData.arrow?.x ?? 0}px`,
          // Half the arrow's diagonal out of the panel's edge, its border on the outside.
          top: above ? '' : '-7px',
          bottom: above ? '-7px' : '',
        });
      }
    });
  };
  const cleanup = autoUpdate(anchor, panel, update);
  function stop() {
    stopped = true;
    cleanup();
  }
  return stop;
}
