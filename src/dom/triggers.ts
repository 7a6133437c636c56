/**
 * When `show: 'auto'` fires: after `delaySeconds` on the page and, if `scrollPercent` or
 * `exitIntent` is set, once the visitor has scrolled that far or moves to leave. The delay is
 * a minimum; the other two are signals of engagement, either of which will do.
 */

export interface Triggers {
  delayMs: number;
  scrollPercent: number | null;
  exitIntent: boolean;
}

/** How much of the page has been seen, 0-100: the bottom of the viewport against the page's height. */
export function scrolledPercent(scrollTop: number, viewportHeight: number, pageHeight: number): number {
  if (pageHeight <= viewportHeight) return 100;
  return Math.min(100, ((scrollTop + viewportHeight) / pageHeight) * 100);
}

/** Exit intent is a mouse gesture; phones and tablets have none to read. */
const canSenseExit = () => typeof matchMedia === 'function' && matchMedia('(hover: hover) and (pointer: fine)').matches;

/** Calls `fire` once when the triggers allow; returns the function that stops watching. */
export function whenTriggered(triggers: Triggers, fire: () => void): () => void {
  const waitsForSignal = triggers.scrollPercent !== null || triggers.exitIntent;
  let delayed = false;
  let signalled = !waitsForSignal;
  const cleanups: Array<() => void> = [];
  const stop = () => cleanups.splice(0).forEach((cleanup) => cleanup());

  function check(): void {
    if (!delayed || !signalled) return;
    stop();
    fire();
  }

  function listen<K extends keyof WindowEventMap | keyof DocumentEventMap>(target: Window | Document, type: K, handler: (event: Event) => void): void {
    target.addEventListener(type, handler, { passive: true });
    cleanups.push(() => target.removeEventListener(type, handler));
  }

  const { scrollPercent } = triggers;
  if (scrollPercent !== null) {
    const onScroll = () => {
      const root = document.documentElement;
      if (scrolledPercent(window.scrollY, window.innerHeight, root.scrollHeight) >= scrollPercent) {
        signalled = true;
        check();
      }
    };
    listen(window, 'scroll', onScroll);
    onScroll(); // a short page may already be seen in full
  }
  if (triggers.exitIntent && canSenseExit()) {
    listen(document, 'mouseout', (event) => {
      const { relatedTarget, clientY } = event as MouseEvent;
      if (relatedTarget === null && clientY <= 0) {
        signalled = true;
        check();
      }
    });
  }
  const timer = setTimeout(() => {
    delayed = true;
    check();
  }, triggers.delayMs);
  cleanups.push(() => clearTimeout(timer));
  return stop;
}
