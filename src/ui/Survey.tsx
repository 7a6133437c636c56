/**
 * The survey as the respondent sees it. It renders state and reports intents (a score, a
 * submit, a close); it never sends, stores or decides whether to show.
 */
import type { Category } from '../core/category.js';
import type { Placement } from '../core/options.js';
import type { SurveyText } from '../core/text.js';
import { Scale } from './Scale.js';
import { FollowUp } from './FollowUp.js';

export type Layout = Placement | 'anchored';

/** Where the respondent is: choosing and explaining, answering the consent question, thanked. */
export type Stage = 'asking' | 'consent' | 'thanks';

/** The panel's classes for a layout: its name, and for the four corners also `corner` (a bottom sheet on phones). */
const layoutClass = (layout: Layout) => (/^(top|bottom)-(left|right)$/.test(layout) ? `corner ${layout}` : layout);

/** What Tab can reach in the panel: the radio group's one tab stop, the reason box, the buttons. */
const TABBABLE = 'button:not([tabindex="-1"]), textarea, a';

/** Keeps Tab and Shift+Tab inside the modal, wrapping at either end. */
function trapTab(event: KeyboardEvent): void {
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

export interface SurveyProps {
  text: SurveyText;
  theme: 'light' | 'dark' | 'auto';
  /** Tell screen readers, politely, that the survey appeared (set a moment after it mounts). */
  announce: boolean;
  /** The scale's lowest and highest score. */
  low: number;
  high: number;
  score: number | null;
  /** The chosen score's category (it picks the follow-up wording). */
  category: Category | null;
  stage: Stage;
  /** With the thank-you: where the promoter link goes, or null for no link. */
  link: string | null;
  /** Where the survey sits: a configured placement, or next to an element (`anchored`). */
  layout: Layout;
  commentMaxLength: number;
  onScore: (score: number) => void;
  onSubmit: (comment: string) => void;
  onConsent: (consent: boolean) => void;
  onClose: () => void;
}

export function Survey(props: SurveyProps) {
  const { text, theme, announce, score, category, stage, link, layout, onScore, onConsent, onClose } = props;
  const modal = layout === 'modal';

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation(); // the host page's own Esc handlers should not also fire
      onClose();
    } else if (event.key === 'Tab' && modal) {
      trapTab(event);
    }
  }

  return (
    <div class={`survey ${theme}`} lang={text.lang} dir={text.dir}>
      {/* Not role=status: the thank-you is the survey's one status message. */}
      <div class="sr-only" aria-live="polite">
        {announce ? text.announcement : ''}
      </div>
      {modal && <div class="backdrop" onClick={onClose} />}
      <div
        class={`panel ${layoutClass(layout)}`}
        role="dialog"
        aria-modal={modal ? 'true' : undefined}
        aria-labelledby="nps-question"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
      {layout === 'anchored' && <div class="arrow" aria-hidden="true" />}
      <p id="nps-question" class="question">
        {text.question}
      </p>
      {stage === 'asking' && (
        <Scale low={props.low} high={props.high} score={score} labelledBy="nps-question" text={text} onScore={onScore} />
      )}
      {stage === 'asking' && category && (
        <FollowUp label={text.followUp[category]} text={text} maxLength={props.commentMaxLength} onSubmit={props.onSubmit} />
      )}
      {stage === 'consent' && (
        // Two equal buttons and nothing chosen for the respondent: consent is never pre-ticked.
        <div class="consent" role="group" aria-labelledby="nps-consent">
          <p id="nps-consent">{text.consentQuestion}</p>
          <button type="button" class="choice" onClick={() => onConsent(true)}>
            {text.consentYes}
          </button>
          <button type="button" class="choice" onClick={() => onConsent(false)}>
            {text.consentNo}
          </button>
        </div>
      )}
      <div role="status" class="thanks">
        {stage === 'thanks' ? text.thankYou : ''}
      </div>
      {stage === 'thanks' && link && (
        <a class="link" href={link} target="_blank" rel="noopener">
          {text.promoterLinkText}
          <span class="sr-only"> {text.opensInNewTab}</span>
        </a>
      )}
      <button type="button" class="close" aria-label={text.closeLabel} title={text.closeLabel} onClick={onClose}>
      </button>
      </div>
    </div>
  );
}
