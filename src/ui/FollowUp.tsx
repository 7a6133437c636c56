/** The reason question that always follows the score, with the submit button. */
import { useRef } from 'preact/hooks';

interface FollowUpProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  maxLength: number;
  onSubmit: (comment: string) => void;
}

export function FollowUp({ label, placeholder, submitLabel, maxLength, onSubmit }: FollowUpProps) {
  // Uncontrolled: the text is read when sent, so nothing typed can be lost to a pending re-render.
  const reason = useRef<HTMLTextAreaElement>(null);

  function submit(event: Event) {
    event.preventDefault();
    onSubmit(reason.current?.value ?? '');
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
        ref={reason}
        rows={3}
        maxLength={maxLength}
        placeholder={placeholder || undefined}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="submit">
        {submitLabel}
      </button>
    </form>
  );
}
