/**
 * What a showing tells the eligibility rules' memory: the survey was shown, got its first
 * score, was dismissed. The loader decides from that memory (loader/rules.ts); the rules
 * themselves are core/eligibility.ts's.
 */
import { recordAsk, recordDismissal, recordResponse, recordShown } from '../core/eligibility.js';
import type { SurveyContext } from './contract.js';

export function remember({ config, history, site }: SurveyContext, event: 'shown' | 'answered' | 'dismissed'): void {
  const now = Date.now();
  if (event === 'shown') {
    history.write(recordAsk(history.read(), config, now));
    site.write(recordShown(config.surveyId, now));
  } else {
    history.write((event === 'answered' ? recordResponse : recordDismissal)(history.read(), now));
  }
}
