/**
 * The survey as the respondent sees it. It renders state and reports intents (a score, a
 * submit, a close); it never sends, stores or decides whether to show.
 */
import { categoryOf } from '../core/category.js';
import type { SurveyText } from '../core/text.js';
import { Scale } from './Scale.js';
import { FollowUp } from './FollowUp.js';

export interface SurveyProps {
  text: SurveyText;
  score: number | null;
  submitted: boolean;
  /** Placed next to an element by the shell rather than in a corner. */
  anchored: boolean;
  commentMaxLength: number;
  onScore: (score: number) => void;
  onSubmit: (comment: string) => void;
  onClose: () => void;
}

export function Survey({ text, score, submitted, anchored, commentMaxLength, onScore, onSubmit, onClose }: SurveyProps) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation(); // the host page's own Esc handlers should not also fire
      onClose();
    }
  }

  return (
    <div class={anchored ? 'panel anchored' : 'panel'} role="dialog" aria-labelledby="nps-question" onKeyDown={onKeyDown}>
      <p id="nps-question" class="question">
        {text.question}
      </p>
      {!submitted && (
        <Scale score={score} labelledBy="nps-question" lowLabel={text.lowLabel} highLabel={text.highLabel} onScore={onScore} />
      )}
      {!submitted && score !== null && (
        <FollowUp
          label={text.followUp[categoryOf(score)]}
          placeholder={text.placeholder}
          submitLabel={text.submitLabel}
          maxLength={commentMaxLength}
          onSubmit={onSubmit}
        />
      )}
      <div role="status" class={submitted ? 'thanks' : 'thanks empty'}>
        {submitted ? text.thankYou : ''}
      </div>
      <button type="button" class="close" aria-label={text.closeLabel} title={text.closeLabel} onClick={onClose}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}
