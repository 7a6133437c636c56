/** The words a respondent sees: the site's wording where given, else the locale's, with {brand} filled. */
import type { Category } from './category.js';
import type { Config } from './options.js';
import { en } from './locales/en.js';

export interface SurveyText {
  question: string;
  lowLabel: string;
  highLabel: string;
  followUp: Record<Category, string>;
  placeholder: string;
  submitLabel: string;
  thankYou: string;
  closeLabel: string;
}

export function surveyText(config: Config): SurveyText {
  const strings = en;
  const brand = config.brand.trim() || strings.brandFallback;
  const fill = (template: string) => template.replaceAll('{brand}', brand);
  const followUp = config.followUp ?? strings.followUp;
  return {
    question: fill(config.question ?? (config.kind === 'enps' ? strings.questionEnps : strings.question)),
    lowLabel: fill(config.lowLabel ?? strings.lowLabel),
    highLabel: fill(config.highLabel ?? strings.highLabel),
    followUp: {
      detractor: fill(config.followUpDetractor ?? followUp),
      passive: fill(config.followUpPassive ?? followUp),
      promoter: fill(config.followUpPromoter ?? followUp),
    },
    placeholder: fill(config.placeholder ?? strings.placeholder),
    submitLabel: fill(config.submitLabel ?? strings.submitLabel),
    thankYou: fill(config.thankYou ?? strings.thankYou),
    closeLabel: fill(config.closeLabel ?? strings.closeLabel),
  };
}
