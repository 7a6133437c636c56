/** Asks for the receiver's read token, and says why when the last one was refused. Renders only. */
import { useEffect, useRef, useState } from 'preact/hooks';

export function TokenForm({ problem, busy, onSubmit }: { problem: string | null; busy: boolean; onSubmit(token: string): void }) {
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // After a refusal the field takes focus again, so the next try is typing, not finding it.
  useEffect(() => {
    if (problem !== null) field.current?.focus();
  }, [problem]);
  return (
    <section class="panel token" aria-labelledby="token-title">
      <h2 id="token-title">Sign in with the read token</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '') onSubmit(text.trim());
        }}
      >
        <div class="field">
          <label for="token">Read token</label>
          <input
            id="token"
            ref={field}
            type="password"
            autocomplete="off"
            spellcheck={false}
            required
            value={text}
            aria-describedby="token-hint"
            aria-invalid={problem !== null}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <p id="token-hint" class="muted">
          The token <code>nps-widget serve</code> printed when it started (or its <code>--token</code>). It is kept for this tab only, until the tab is closed.
        </p>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Show the results'}
        </button>
      </form>
    </section>
  );
}
