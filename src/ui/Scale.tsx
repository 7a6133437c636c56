/**
 * The scale (0-10, or a site's legacy 1-N) as a WAI-ARIA radio group: one Tab stop (roving tabindex), arrow keys move
 * and select, Home/End jump to the ends, Space/Enter select (native button clicks).
 */
import type { SurveyText } from '../core/text.js';

interface ScaleProps {
  low: number;
  high: number;
  score: number | null;
  labelledBy: string;
  /**
   * The digits as the language writes them and the choices' accessible names where the digit
   * alone is not enough (the ends carry their labels), both indexed by score; the end labels;
   * the direction.
   */
  text: Pick<SurveyText, 'digits' | 'choiceNames' | 'lowLabel' | 'highLabel' | 'dir'>;
  onScore: (score: number) => void;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Which choice (by position) a key moves focus and selection to from the focused one, or null when the key is not the scale's. */
function target(key: string, focused: number, count: number, rtl: boolean): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = STEP[key];
  if (step === undefined) return null;
  const forward = rtl && (key === 'ArrowLeft' || key === 'ArrowRight') ? -step : step;
  return (focused + forward + count) % count;
}

export function Scale({ low, high, score, labelledBy, text, onScore }: ScaleProps) {
  const rtl = text.dir === 'rtl'; // 0 sits at the right, so the arrow keys swap
  const scores = Array.from({ length: high - low + 1 }, (_, i) => low + i);
  const tabStop = score ?? low;
  // On narrow touch screens a long scale takes two rows (0-5 over 6-10) to keep 44 px targets.

  // The choices are found through the DOM, not refs: no hooks, fewer bytes in every page.
  function onKeyDown(event: KeyboardEvent) {
    const buttons = [...(event.currentTarget as HTMLElement).children] as HTMLElement[];
    const focused = buttons.indexOf(event.target as HTMLElement);
    const next = focused < 0 ? null : target(event.key, focused, buttons.length, rtl);
    if (next === null) return;
    event.preventDefault(); // arrows and Home/End would otherwise scroll the host page
    onScore(low + next);
    buttons[next]?.focus();
  }

  return (
    <div class="scale">
      <div
        class="choices"
        style={`--nps-row:${scores.length > 7 ? Math.ceil(scores.length / 2) : scores.length}`}
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby="nps-low nps-high"
        onKeyDown={onKeyDown}
      >
        {scores.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            class="choice"
            aria-checked={score === n}
            aria-label={text.choiceNames[n] ?? undefined}
            tabIndex={n === tabStop ? 0 : -1}
            onClick={() => onScore(n)}
          >
            {text.digits[n]}
          </button>
        ))}
      </div>
      <span id="nps-low" class="end low" aria-hidden="true">
        {text.lowLabel}
      </span>
      <span id="nps-high" class="end high" aria-hidden="true">
        {text.highLabel}
      </span>
    </div>
  );
}
