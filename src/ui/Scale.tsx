/**
 * The 0-10 scale as a WAI-ARIA radio group: one Tab stop (roving tabindex), arrow keys move
 * and select, Home/End jump to the ends, Space/Enter select (native button clicks).
 */
import { useRef } from 'preact/hooks';
import { MAX_SCORE } from '../core/category.js';

interface ScaleProps {
  score: number | null;
  labelledBy: string;
  lowLabel: string;
  highLabel: string;
  onScore: (score: number) => void;
}

const SCORES = Array.from({ length: MAX_SCORE + 1 }, (_, i) => i);

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Where a key moves focus and selection from the focused choice, or null when the key is not the scale's. */
function target(key: string, focused: number): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return MAX_SCORE;
  const step = STEP[key];
  return step === undefined ? null : (focused + step + SCORES.length) % SCORES.length;
}

export function Scale({ score, labelledBy, lowLabel, highLabel, onScore }: ScaleProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = score ?? 0;

  function onKeyDown(event: KeyboardEvent) {
    const focused = buttons.current.indexOf(event.target as HTMLButtonElement);
    const next = focused < 0 ? null : target(event.key, focused);
    if (next === null) return;
    event.preventDefault(); // arrows and Home/End would otherwise scroll the host page
    onScore(next);
    buttons.current[next]?.focus();
  }

  return (
    <div class="scale">
      <div class="choices" role="radiogroup" aria-labelledby={labelledBy} aria-describedby="nps-low nps-high" onKeyDown={onKeyDown}>
        {SCORES.map((n) => (
          <button
            key={n}
            ref={(el) => {
              buttons.current[n] = el;
            }}
            type="button"
            role="radio"
            class="choice"
            aria-checked={score === n}
            aria-label={n === 0 ? `0, ${lowLabel}` : n === MAX_SCORE ? `${n}, ${highLabel}` : undefined}
            tabIndex={n === tabStop ? 0 : -1}
            onClick={() => onScore(n)}
          >
            {n}
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
