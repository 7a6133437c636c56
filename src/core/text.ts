/**
 * The words a respondent sees and hears, in one language: the site's wording options first,
 * then its per-locale `strings`, then the built-in table; `{brand}` and numbers filled in.
 */
import type { Category } from './category.js';
import { MAX_SCORE } from './category.js';
import type { Config } from './options.js';
import { type LocaleStrings, type LocaleTable, fill } from './locale.js';

export interface SurveyText {
  /** BCP 47 tag of the language shown (the payload's `locale`). */
  lang: string;
  dir: 'ltr' | 'rtl';
  question: string;
  lowLabel: string;
  highLabel: string;
  /** The 11 choices as the language writes numbers. */
  digits: string[];
  /** Accessible names of the choices where the digit alone is not enough (0 and 10), else null. */
  choiceNames: Array<string | null>;
  followUp: Record<Category, string>;
  placeholder: string;
  submitLabel: string;
  thankYou: string;
  closeLabel: string;
  announcement: string;
}

/** Site wording options, which apply whatever the language. */
type Wording = Pick<Config, 'question' | 'lowLabel' | 'highLabel' | 'followUp' | 'placeholder' | 'submitLabel' | 'thankYou' | 'closeLabel'>;

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
  const format = new Intl.NumberFormat(table.tag, { useGrouping: false });
  const digits = Array.from({ length: MAX_SCORE + 1 }, (_, n) => format.format(n));
  const endName = (n: number, label: string) => fill(s.choiceEnd, { n: digits[n] ?? String(n), label });
  const followUp = site.followUp ?? s.followUp;
  return {
    lang: table.tag,
    dir: table.dir,
    question,
    lowLabel,
    highLabel,
    digits,
    choiceNames: digits.map((_, n) => (n === 0 ? endName(0, lowLabel) : n === MAX_SCORE ? endName(n, highLabel) : null)),
    followUp: {
      detractor: fill(config.followUpDetractor ?? followUp, { brand }),
      passive: fill(config.followUpPassive ?? followUp, { brand }),
      promoter: fill(config.followUpPromoter ?? followUp, { brand }),
    },
    placeholder: pick('placeholder'),
    submitLabel: pick('submitLabel'),
    thankYou: pick('thankYou'),
    closeLabel: pick('closeLabel'),
    announcement: fill(s.announcement, { question }),
  };
}
