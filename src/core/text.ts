/**
 * The words a respondent sees and hears, in one language: the site's wording options first,
 * then its per-locale `strings`, then the built-in table; `{brand}` and numbers filled in.
 */
import type { Category } from './category.js';
import { MAX_SCORE } from './category.js';
import type { Config } from './options.js';
import { scaleRange } from './scale.js';
import { type LocaleStrings, type LocaleTable, STRING_KEYS, fill } from './locale.js';

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

export function surveyText(config: Config, table: LocaleTable): SurveyText {
  const brand = config.brand.trim();
  /** The site's wording options (`question`, `lowLabel`...), named as the strings they replace. */
  const site: Partial<LocaleStrings> = config;
  const s: LocaleStrings = { ...table.strings, ...config.strings[table.tag] };
  // Each string is the site's option, else the locale's, with `{brand}` filled in; the other
  // placeholders are filled below, and a string without any stays as it is.
  for (const key of STRING_KEYS) s[key] = fill(site[key] ?? s[key], { brand });
  const variant = config.kind === 'enps' ? (brand ? 'questionEnps' : 'questionEnpsNoBrand') : brand ? 'question' : 'questionNoBrand';
  const question = s[site.question === undefined ? variant : 'question'];
  const format = new Intl.NumberFormat(table.tag);
  const digits = Array.from({ length: MAX_SCORE + 1 }, (_, n) => format.format(n));
  const [low, high] = scaleRange(config.scale);
  const endName = (n: number, label: string) => fill(s.choiceEnd, { n: digits[n] ?? String(n), label });
  const followUp = (own?: string) => (own === undefined ? s.followUp : fill(own, { brand }));
  return {
    ...s,
    lang: table.tag,
    dir: table.dir,
    question,
    digits,
    choiceNames: digits.map((_, n) => (n === low ? endName(n, s.lowLabel) : n === high ? endName(n, s.highLabel) : null)),
    followUp: {
      detractor: followUp(config.followUpDetractor),
      passive: followUp(config.followUpPassive),
      promoter: followUp(config.followUpPromoter),
    },
    announcement: fill(s.announcement, { question }),
  };
}
