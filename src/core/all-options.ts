/**
 * Both option tables at once: every option's name, and a check of them all together, for
 * tools and tests (the docs test, the playground). The widget checks each table where it is
 * used: the loader's as it is created, the survey's as the survey loads.
 */
import { LOADER_RULES, type Config, type Parsed, parseLoaderOptions } from './options.js';
import { OPTION_RULES, isPlainObject } from './option-rules.js';
import { parseSurveyOptions, surveyRules } from './survey-options.js';

export type OptionName = keyof typeof LOADER_RULES | keyof ReturnType<typeof surveyRules>;

/** Every option name (the docs test checks each is in docs/options.md). */
export const OPTION_NAMES = [...Object.keys(LOADER_RULES), ...Object.keys(surveyRules(OPTION_RULES))] as OptionName[];

/** Checks every option at once: both tables (for tools and tests; the widget checks each table where it is used). */
export function parseOptions(input: unknown, baseUrl: string): Parsed<Config> {
  const loader = parseLoaderOptions(input, baseUrl);
  const survey = parseSurveyOptions(loader.value?.survey ?? { given: isPlainObject(input) ? input : {}, asText: false }, baseUrl, OPTION_RULES);
  const errors = [...loader.errors, ...(loader.value ? survey.errors : [])];
  const value = loader.value && survey.value && { ...loader.value, ...survey.value };
  return { value: errors.length ? null : value, errors, warnings: loader.value ? survey.warnings : loader.warnings };
}
