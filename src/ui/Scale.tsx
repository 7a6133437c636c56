/**
 * The 0-10 scale as a WAI-ARIA radio group: one Tab stop (roving tabindex), arrow keys move
 * and select, Home/End jump to the ends, Space/Enter select (native button clicks).
 */
import { MAX_SCORE } from '../core/category.js';

interface ScaleProps {
  score: number | null;
  labelledBy: string;
  /** The numbers as the language writes them. */
  digits: string[];
  /** Accessible names where the digit alone is not enough (0 and 10 carry their labels). */
  names: Array<string | null>;
  lowLabel: string;
  highLabel: string;
  /** Right-to-left: 0 sits at the right, so the arrow keys swap. */
  rtl: boolean;
  onScore: (score: number) => void;
}

const SCORES = Array.from({ length: MAX_SCORE + 1 }, (_, i) => i);

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Where a key moves focus and selection from the focused choice, or null when the key is not the scale's. */
function target(key: string, focused: number, rtl: boolean): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return MAX_SCORE;
  const step = STEP[key];
  if (step === undefined) return null;
  const forward = rtl && (key === 'ArrowLeft' || key === 'ArrowRight') ? -step : step;
  return (focused + forward + SCORES.length) % SCORES.length;
}

export function Scale({ score, labelledBy, digits, names, lowLabel, highLabel, rtl, onScore }: ScaleProps) {
  const tabStop = score ?? 0;

  // The choices are found through the DOM, not refs: no hooks, fewer bytes in every page.
  function onKeyDown(event: KeyboardEvent) {
    const buttons = [...(event.currentTarget as HTMLElement).children] as HTMLElement[];
    const focused = buttons.indexOf(event.target as HTMLElement);
    const next = focused < 0 ? null : target(event.key, focused, rtl);
    if (next === null) return;
    event.preventDefault(); // arrows and Home/End would otherwise scroll the host page
    onScore(next);
    buttons[next]?.focus();
  }

  return (
    <div class="scale">
      <div class="choices" role="radiogroup" aria-labelledby={labelledBy} aria-describedby="nps-low nps-high" onKeyDown={onKeyDown}>
        {SCORES.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            class="choice"
            aria-checked={score === n}
            aria-label={names[n] ?? undefined}
            tabIndex={n === tabStop ? 0 : -1}
            onClick={() => onScore(n)}
          >
            {digits[n]}
          </button>
        ))}
      </div>
      <span id="nps-low" class="end low" aria-hidden="true">
        {lowLabel}
      </span>
      <span id="nps-high" class="end high" aria-hidden="true">
        {highLabel}
      </span>
    </div>
  );
}
