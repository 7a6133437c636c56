/**
 * Showing: one survey on screen, from the host element to its removal. It mounts the survey,
 * draws it for each step, keeps an anchored panel next to its anchor, moves focus the way
 * docs/accessibility.md promises, and closes by itself after the thank-you. What the
 * respondent answers is answer.ts's; whether to show at all was the loader's to decide.
 */
import { createElement, render } from 'preact';
import { PREFIX } from '../core/api.js';
import { fill } from '../core/locale.js';
import type { Placement, ShowConfig } from '../core/options.js';
import { toPayload } from '../core/payload.js';
import { guard } from '../core/report.js';
import { scaleRange } from '../core/scale.js';
import type { SurveyText } from '../core/text.js';
import { resolveElement } from '../dom/resolve-element.js';
import { createShadowMount } from '../dom/shadow.js';
import { type Layout, type Stage, Survey, isCorner } from '../ui/Survey.js';
import loopCss from '../ui/loop.css?inline';
import css from '../ui/styles.css?inline';
import { createAnswer } from './answer.js';
import type { AnchoredModule, Showing, SurveyContext } from './contract.js';
import type { Look } from './look.js';

/** Screen readers are told of a survey that appeared by itself once its live region exists: text put in at birth goes unheard. */
const ANNOUNCE_AFTER_MS = 250;
const noop = () => {};

/** Where an anchored survey goes when its anchor disappears: the configured place, if it floats. */
const floatingPlacement = (placement: Placement): Layout => (placement === 'inline' ? 'bottom-right' : placement);

export interface Opening {
  host: SurveyContext;
  options: ShowConfig;
  text: SurveyText;
  look: Look;
  /** The anchor, with the positioning that follows it; null for a survey at its placement. */
  anchored: { anchor: Element; module: AnchoredModule } | null;
  onClosed: () => void;
}

/** The element the survey is mounted in, or null (with the reason logged) when it cannot show. */
function mountParent(layout: Layout, container: Element | string | null): Element | null {
  if (layout !== 'inline' || container === null) return document.body;
  const found = resolveElement(container, 'container');
  if (typeof found !== 'string') return found;
  console.error(`${PREFIX} ${found}; the inline survey cannot show.`);
  return null;
}

export function openSurvey({ host, options, text, look, anchored, onClosed }: Opening): Showing | null {
  const { config, debug } = host;
  // Without the extras only the corners have their styles.
  let layout: Layout = anchored ? 'anchored' : !look.placed && !isCorner(config.placement) ? 'bottom-right' : config.placement;
  const parent = mountParent(layout, config.container);
  if (!parent) return null;
  const styles = look.styles + (anchored ? anchored.module.anchoredCss : '') + loopCss + css;
  const mount = createShadowMount(parent, 'data-nps-widget', config.surveyId, styles, config.nonce);
  const { host: element, container } = mount;
  const root = element.shadowRoot;
  // Custom properties inherit into a shadow root, so the host sets all of ours, even unused
  // ones: 'initial' blocks a page's own --nps-accent on :root from recolouring the survey.
  element.style.setProperty('--nps-z', String(config.zIndex));
  element.style.setProperty('--nps-accent', look.accentText ? (config.accentColor as string) : 'initial');
  element.style.setProperty('--nps-accent-text', look.accentText ?? 'initial');

  const answer = createAnswer(host, options, text.lang);
  const [low, high] = scaleRange(config.scale);
  let stage: Stage = 'asking';
  let open = true;
  /** Whether screen readers have been told that the survey appeared. */
  let announced = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let autoClose: ReturnType<typeof setTimeout> | undefined;
  let stopFollowing: () => void = noop;
  /** Where focus was before the respondent tabbed into the survey (or a modal took it), to return it on close. */
  let focusOrigin: Element | null = layout === 'modal' ? document.activeElement : null;
  element.addEventListener('focusin', (event) => {
    if (!focusOrigin && event.relatedTarget instanceof Element && !element.contains(event.relatedTarget)) focusOrigin = event.relatedTarget;
  });

  /** Promoters' thank-you link; the score goes along only where the site wrote `{score}`. */
  function promoterLink(): string | null {
    const { response } = answer;
    return config.promoterLink && response?.category === 'promoter' ? fill(config.promoterLink, { score: String(response.score) }) : null;
  }

  function draw(): void {
    const { response } = answer;
    render(
      createElement(Survey, {
        text,
        theme: config.theme,
        announce: announced,
        low,
        high,
        score: response?.score ?? null,
        category: response?.category ?? null,
        stage,
        link: promoterLink(),
        trapTab: look.trapTab,
        layout,
        commentMaxLength: config.commentMaxLength,
        onScore: guard('score', chooseScore, undefined),
        onSubmit: guard('submit', submit, undefined),
        onConsent: guard('consent', consent, undefined),
        onClose: guard('close', dismiss, undefined),
      }),
      container,
    );
  }

  function chooseScore(score: number): void {
    if (!open || stage !== 'asking') return;
    answer.score(score);
    draw();
  }

  function submit(comment: string): void {
    if (!open || !answer.response || stage !== 'asking') return;
    answer.submit(comment);
    moveTo(config.askConsent ? 'consent' : 'thanks');
  }

  function consent(given: boolean): void {
    if (!open || !answer.response || stage !== 'consent') return;
    answer.consent(given);
    moveTo('thanks');
  }

  function moveTo(next: Stage): void {
    stage = next;
    const focusWasInside = root?.activeElement != null;
    draw();
    // The button pressed is gone now; keep keyboard focus in the survey instead of losing it to <body>.
    if (focusWasInside) root?.querySelector<HTMLElement>(next === 'consent' ? '.consent button' : '.close')?.focus();
    // An inline survey is part of the page: it keeps its thank-you. A promoter's link stays until closed.
    if (next === 'thanks' && config.autoCloseSeconds > 0 && layout !== 'inline' && !promoterLink()) {
      autoClose = setTimeout(close, config.autoCloseSeconds * 1000);
    }
  }

  /** The close button, Esc or the modal's backdrop: a dismissal while the question is still open. */
  function dismiss(): void {
    if (!open) return;
    if (stage === 'asking') {
      host.remember('dismissed');
      const { response } = answer;
      host.emit('dismiss', { surveyId: config.surveyId, response: response ? toPayload(response, new Date()) : null });
    }
    close();
  }

  function close(): void {
    if (!open) return;
    open = false;
    clearTimeout(announceTimer);
    clearTimeout(autoClose);
    const focusWasInside = root?.activeElement != null || document.activeElement === element;
    stopFollowing();
    render(null, container);
    mount.remove();
    if (focusWasInside && focusOrigin instanceof HTMLElement && focusOrigin.isConnected) focusOrigin.focus();
    debug('closed');
    onClosed();
  }

  draw();
  const panel = root?.querySelector<HTMLElement>('.panel');
  if (anchored && panel) {
    stopFollowing = anchored.module.followAnchor(anchored.anchor, panel, root?.querySelector<HTMLElement>('.arrow') ?? null, () => {
      layout = floatingPlacement(config.placement);
      debug('anchorLost', layout);
      panel.removeAttribute('style');
      draw();
    });
  }
  // A modal takes focus (it blocks the page). Anything else waits to be tabbed to, and screen
  // readers are told politely.
  if (layout === 'modal') root?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
  else {
    announceTimer = setTimeout(() => {
      announced = true;
      draw();
    }, ANNOUNCE_AFTER_MS);
  }
  host.remember('shown');
  debug('shown', layout, options.touchpoint);
  host.emit('show', { surveyId: config.surveyId, surveyType: options.touchpoint ? 'transactional' : 'relationship', touchpoint: options.touchpoint });
  return { close };
}
