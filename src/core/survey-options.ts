/**
 * The survey's options: what it says, how it looks, what its answers carry. Only a survey that
 * shows needs them, so the survey checks them as it loads (survey/survey.ts), not the pages
 * where none shows. The table is written with the rule makers it is given (the loader lends
 * its own, see option-rules.ts); the types are options.ts's. Pure: the page's URL is passed in.
 */
import { parseColor } from './contrast.js';
import { type LocaleStrings, type StringKey, STRING_KEYS } from './locale.js';
import type { OptionRules, Parsed, Rule } from './option-rules.js';
import type { Placement, SurveyConfig, SurveyOptions } from './options.js';
import { SCALES, thresholdsProblem } from './scale.js';

export const PLACEMENTS = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-bar', 'modal', 'inline'] as const satisfies readonly Placement[];

/** `{ fi: { thankYou: 'Kiitos!' } }`: known keys only, every value a string. */
function isStringsOverride(value: unknown): value is Record<string, Partial<LocaleStrings>> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (table) =>
        typeof table === 'object' &&
        table !== null &&
        Object.entries(table).every(([key, wording]) => STRING_KEYS.includes(key as StringKey) && typeof wording === 'string'),
    )
  );
}

/** The survey's table, written with `rules`. Wording options have no default: the locale's text is used when absent. */
export const surveyRules = ({ text, oneOf, number, integer, boolean, record, element, url, isText }: OptionRules) => {
  const threshold = number(1, 10, null, true);
  return {
    brand: text('', true),
    kind: oneOf(['nps', 'enps']),
    scale: oneOf(SCALES),
    promoterMin: threshold,
    passiveMin: threshold,
    placement: oneOf(PLACEMENTS),
    container: element,
    locale: text(null),
    strings: {
      allowed: `an object of locale tags to objects of wording (${STRING_KEYS.join(', ')})`,
      test: isStringsOverride,
      value: {},
    },
    localesUrl: text(null),
    theme: oneOf(['light', 'dark', 'auto']),
    accentColor: { allowed: 'a colour as #rgb, #rrggbb or rgb(r, g, b)', test: (v) => isText(v) && parseColor(v) !== null, value: null, trim: true },
    question: text(),
    followUp: text(),
    followUpDetractor: text(),
    followUpPassive: text(),
    followUpPromoter: text(),
    lowLabel: text(),
    highLabel: text(),
    placeholder: text(undefined, true),
    submitLabel: text(),
    thankYou: text(),
    closeLabel: text(),
    askConsent: boolean(false),
    consentQuestion: text(),
    // Where {score} may go is docs/options.md's to say; the error names what kind of URL is allowed.
    promoterLink: url('an https: URL, a same-origin path, or http: on localhost'),
    promoterLinkText: text(),
    autoCloseSeconds: number(0, 600, 4),
    commentMaxLength: integer(1, 10_000, 2000),
    metadata: record({}),
    nonce: text(),
    // Just under the 32-bit maximum, so a site can still put a cookie banner above it.
    zIndex: integer(-2_147_483_647, 2_147_483_647, 2_147_483_000),
    pageUrl: oneOf(['path', 'full', 'none']),
    // Absent: anonymous for eNPS (employees answer honestly only when they cannot be singled out), not for NPS.
    anonymous: { ...boolean(false), value: null },
  } satisfies Record<string, Rule>;
};

/** Checks the survey's options (what the loader left it), converting those that came as text. */
export function parseSurveyOptions({ given, asText }: SurveyOptions, baseUrl: string, rules: OptionRules): Parsed<SurveyConfig> {
  const table = surveyRules(rules);
  const input = asText ? Object.fromEntries(Object.entries(given).map(([name, raw]) => [name, rules.fromText(table, name, raw)])) : given;
  const parsed = rules.checkTable<SurveyConfig>(table, input, 'option', baseUrl);
  const reject = (message: string) => {
    parsed.errors.push(message);
    parsed.value = null;
  };
  if (input['placement'] === 'inline' && !input['container']) reject(`option "container" is missing; placement "inline" needs ${table.container.allowed}`);
  const problem = parsed.value && thresholdsProblem(parsed.value);
  if (problem) reject(`options "passiveMin" and "promoterMin": ${problem}`);
  return parsed;
}
