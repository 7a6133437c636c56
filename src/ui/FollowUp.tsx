/** The reason question that always follows the score, with the submit button. */
import type { SurveyText } from '../core/text.js';

interface FollowUpProps {
  label: string;
  text: Pick<SurveyText, 'placeholder' | 'submitLabel'>;
  maxLength: number;
  onSubmit: (comment: string) => void;
}

export function FollowUp({ label, text, maxLength, onSubmit }: FollowUpProps) {
  // Uncontrolled and read from the form when sent: nothing typed can be lost to a pending
  // re-render, and no hooks are needed.
  function submit(event: Event) {
    event.preventDefault();
    const form = (event.currentTarget as HTMLElement).closest('form');
    onSubmit(form?.querySelector('textarea')?.value ?? '');
  }

  function onKeyDown(event: KeyboardEvent) {
    // Enter writes a new line in a reason; Ctrl/Cmd+Enter sends, as in most comment boxes.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  }

  return (
    <form class="follow-up" onSubmit={submit}>
      <label for="nps-reason">{label}</label>
      <textarea id="nps-reason" rows={3} maxLength={maxLength} placeholder={text.placeholder || undefined} onKeyDown={onKeyDown} />
      <button type="submit" class="submit">
        {text.submitLabel}
      </button>
    </form>
  );
}
