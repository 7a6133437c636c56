/**
 * <nps-survey endpoint="/api/nps" brand="Acme"></nps-survey>: the survey as a custom element,
 * for plain HTML, frameworks and CMS blocks. Its attributes are the options in kebab case
 * (as data attributes are on the script tag, and converted the same way); it shows inline
 * inside itself unless a `placement` says otherwise, and destroys its survey when removed.
 */
import { optionsFromDataset } from '../core/options.js';
import type { NpsOptions } from '../core/options.js';
import type { NpsWidget } from '../core/api.js';

export const ELEMENT_NAME = 'nps-survey';

/** `<nps-survey>`: its attributes are its options; it has no properties or methods of its own. */
export interface NpsSurveyElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'nps-survey': NpsSurveyElement;
  }
}

export function defineSurveyElement(createNpsWidget: (options: NpsOptions) => NpsWidget): void {
  // A server render, or the element defined already (the script and the package on one page).
  if (typeof customElements === 'undefined' || customElements.get(ELEMENT_NAME)) return;
  customElements.define(
    ELEMENT_NAME,
    class extends HTMLElement {
      // Declared only: a field initialiser would be lowered into a page of helpers for older engines.
      declare survey?: NpsWidget | undefined;

      connectedCallback() {
        const given: Record<string, string> = {};
        for (const { name, value } of this.attributes) given[name.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase())] = value;
        this.survey?.destroy();
        this.survey = createNpsWidget({ placement: 'inline', ...(optionsFromDataset(given) as NpsOptions), container: this });
      }

      disconnectedCallback() {
        this.survey?.destroy();
        this.survey = undefined;
      }
    },
  );
}
