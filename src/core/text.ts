/**
 * The words a respondent sees and hears, in one language: the site's wording options first,
 * then its per-locale `strings`, then the built-in table; `{brand}` and numbers filled in.
 */
import type { Category } from './category.js';
import { MAX_SCORE } from './category.js';
import type { Config } from './options.js';
import { scaleRange } from './scale.js';
import { type LocaleStrings, type LocaleTable, fill } from './locale.js';

export interface SurveyText {
  /** BCP 47 tag of the language shown (the payload's `locale`). */
  lang: string;
  dir: 'ltr' | 'rtl';
  question: string;
  lowLabel: string;
  highLabel: string;
  /** The numbers 0-10 as the language writes them (index = score). */
  digits: string[];
  /** Accessible names of the choices where the digit alone is not enough (the scale's ends), else null (index = score). */
  choiceNames: Array<string | null>;
  followUp: Record<Category, string>;
  placeholder: string;
  submitLabel: string;
  thankYou: string;
  closeLabel: string;
  announcement: string;
  consentQuestion: string;
  consentYes: string;
  consentNo: string;
  promoterLinkText: string;
  opensInNewTab: string;
}

/** Site wording options, which apply whatever the language. */
type Wording = Pick<
  Config,
  'question' | 'lowLabel' | 'highLabel' | 'followUp' | 'placeholder' | 'submitLabel' | 'thankYou' | 'closeLabel' | 'consentQuestion' | 'promoterLinkText'
>;

export function surveyText(config: Config, table: LocaleTable): SurveyText {
  const s: LocaleStrings = { ...table.strings, ...config.strings[table.tag] };
  const site: Partial<Wording> = config;
  const brand = config.brand.trim();
  const pick = <K extends keyof Wording & keyof LocaleStrings>(key: K) => fill(site[key] ?? s[key], { brand });
  const question = fill(
    site.question ??
      (config.kind === 'enps' ? (brand ? s.questionEnps : s.questionEnpsNoBrand) : brand ? s.question : s.questionNoBrand),
    { brand },
  );
  const lowLabel = pick('lowLabel');
  const highLabel = pick('highLabel');
  const format = new Intl.NumberFormat(table.tag);
  const digits = Array.from({ length: MAX_SCORE + 1 }, (_, n) => format.format(n));
  const [low, high] = scaleRange(config.scale);
  const endName = (n: number, label: string) => fill(s.choiceEnd, { n: digits[n] ?? String(n), label });
  const followUp = (own?: string) => fill(own ?? site.followUp ?? s.followUp, { brand });
  return {
    // What no option overrides (consentYes, consentNo, opensInNewTab) is the locale's as it stands.
    ...s,
    lang: table.tag,
    dir: table.dir,
    question,
    lowLabel,
    highLabel,
    digits,
    choiceNames: digits.map((_, n) => (n === low ? endName(n, lowLabel) : n === high ? endName(n, highLabel) : null)),
    followUp: {
      detractor: followUp(config.followUpDetractor),
      passive: followUp(config.followUpPassive),
      promoter: followUp(config.followUpPromoter),
    },
    placeholder: pick('placeholder'),
    submitLabel: pick('submitLabel'),
    thankYou: pick('thankYou'),
    closeLabel: pick('closeLabel'),
    announcement: fill(s.announcement, { question }),
    consentQuestion: pick('consentQuestion'),
    promoterLinkText: pick('promoterLinkText'),
  };
}
