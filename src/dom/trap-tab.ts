/** Focus in the modal: only configurations that use it load this (see extras.ts). */

/** What Tab can reach in the panel: the radio group's one tab stop, the reason box, the buttons, the link. */
const TABBABLE = 'button:not([tabindex="-1"]), textarea, a';

/** Keeps Tab and Shift+Tab inside the modal's panel (the event's current target), wrapping at either end. */
export function trapTab(event: KeyboardEvent): void {
  const panel = event.currentTarget as HTMLElement;
  const tabbable = [...panel.querySelectorAll<HTMLElement>(TABBABLE)];
  const first = tabbable[0];
  const last = tabbable.at(-1);
  const active = (panel.getRootNode() as ShadowRoot).activeElement;
  if (event.shiftKey && (active === first || active === panel)) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first?.focus();
  }
}
