/**
 * The steps that close the loop, which only some sites turn on: the consent question after
 * the reason (askConsent) and the promoters' thank-you link (promoterLink). Part of the
 * survey, styled by loop.css: they cost a few hundred bytes only when a survey shows, and a
 * site that asks for consent gets its question even where the extras cannot load.
 */
import type { SurveyText } from '../core/text.js';

export function ConsentStep({ text, onConsent }: { text: SurveyText; onConsent: (consent: boolean) => void }) {
  // Two equal buttons and nothing chosen for the respondent: consent is never pre-ticked.
  return (
    <div class="consent" role="group" aria-labelledby="nps-consent">
      <p id="nps-consent">{text.consentQuestion}</p>
      <button type="button" class="choice" onClick={() => onConsent(true)}>
        {text.consentYes}
      </button>
      <button type="button" class="choice" onClick={() => onConsent(false)}>
        {text.consentNo}
      </button>
    </div>
  );
}

export function PromoterLink({ text, href }: { text: SurveyText; href: string }) {
  return (
    <a class="link" href={href} target="_blank" rel="noopener">
      {text.promoterLinkText}
      <span class="sr-only"> {text.opensInNewTab}</span>
    </a>
  );
}
