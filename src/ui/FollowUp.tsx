/** The reason question that always follows the score, with the submit button. */
import { useState } from 'preact/hooks';

interface FollowUpProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  maxLength: number;
  onSubmit: (comment: string) => void;
}

export function FollowUp({ label, placeholder, submitLabel, maxLength, onSubmit }: FollowUpProps) {
  const [comment, setComment] = useState('');

  function submit(event: Event) {
    event.preventDefault();
    onSubmit(comment);
  }

  function onKeyDown(event: KeyboardEvent) {
    // Enter writes a new line in a reason; Ctrl/Cmd+Enter sends, as in most comment boxes.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  }

  return (
    <form class="follow-up" onSubmit={submit}>
      <label for="nps-reason">{label}</label>
      <textarea
        id="nps-reason"
        rows={3}
        maxLength={maxLength}
        placeholder={placeholder || undefined}
        value={comment}
        onInput={(event) => setComment(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="submit">
        {submitLabel}
      </button>
    </form>
  );
}
