/**
 * The survey as the respondent sees it. It renders state and reports intents (a score, a
 * submit, a close); it never sends, stores or decides whether to show.
 */
import type { Category } from '../core/category.js';
import type { Placement } from '../core/options.js';
import type { SurveyText } from '../core/text.js';
import { Scale } from './Scale.js';
import { FollowUp } from './FollowUp.js';
import { ConsentStep, PromoterLink } from './ClosingTheLoop.js';

export type Layout = Placement | 'anchored';

/** Where the respondent is: choosing and explaining, answering the consent question, thanked. */
export type Stage = 'asking' | 'consent' | 'thanks';

/** The four corners: the placements whose styles are the survey's own (the others load with the extras or the positioning). */
export const isCorner = (layout: Layout) => /^(top|bottom)-(left|right)$/.test(layout);

/** The panel's classes for a layout: its name, and for the four corners also `corner` (a bottom sheet on phones). */
const layoutClass = (layout: Layout) => (isCorner(layout) ? `corner ${layout}` : layout);

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
  /** In the modal: keeps Tab inside it (extras, loaded for modals). */
  trapTab: ((event: KeyboardEvent) => void) | undefined;
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
      props.trapTab?.(event);
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
        {stage === 'asking' && <Scale low={props.low} high={props.high} score={score} labelledBy="nps-question" text={text} onScore={onScore} />}
        {stage === 'asking' && category && (
          <FollowUp label={text.followUp[category]} text={text} maxLength={props.commentMaxLength} onSubmit={props.onSubmit} />
        )}
        {stage === 'consent' && <ConsentStep text={text} onConsent={onConsent} />}
        <div role="status" class="thanks">
          {stage === 'thanks' ? text.thankYou : ''}
        </div>
        {stage === 'thanks' && link && <PromoterLink text={text} href={link} />}
        <button type="button" class="close" aria-label={text.closeLabel} title={text.closeLabel} onClick={onClose}></button>
      </div>
    </div>
  );
}
