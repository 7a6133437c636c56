/**
 * The words of one widget's survey: which language (the option, else the page's, else the
 * browser's), its table loaded once before the first showing, and the text the survey
 * renders. A page where no survey shows never runs this file, so it pays for neither the
 * locale file nor the first Intl.NumberFormat (tens of milliseconds in a fresh page).
 */
import { PREFIX } from '../core/api.js';
import { type LocaleTable, englishFirst } from '../core/locale.js';
import en from '../core/locales/en.js';
import { messageOf } from '../core/report.js';
import { type SurveyText, surveyText } from '../core/text.js';
import { loadLocaleFrom, pickLocaleFrom } from '../dom/locale-url.js';
import type { SurveyContext } from './contract.js';

export interface Wording {
  /** Loads the language's table, once; English needs nothing. Never rejects: English is the fallback. */
  ready(): Promise<void>;
  current(): SurveyText;
}

export function createWording({ config, parts, debug }: SurveyContext): Wording {
  let table: LocaleTable = en;
  let text: SurveyText | null = null;
  let loading: Promise<void> | null = null;
  const load = async () => {
    const wanted = [config.locale, document.documentElement.lang || null, navigator.languages ?? []] as const;
    if (englishFirst(...wanted)) return;
    // Named in the warning should the matcher itself fail to load.
    let tag: string = wanted.flat().find(Boolean) ?? 'en';
    try {
      const folder = config.localesUrl ?? parts.localesFolder;
      const packaged =
        folder === null ? await (parts.packagedLocales?.() ?? Promise.reject(new Error("the script's own URL is unknown; set the localesUrl option"))) : null;
      tag = await (packaged ? packaged.pickLocale(...wanted) : pickLocaleFrom(folder as string, ...wanted));
      if (tag === 'en') return;
      table = await (packaged ? packaged.loadLocale(tag) : loadLocaleFrom(folder as string, tag));
      text = null;
      debug('wording', tag);
    } catch (error) {
      console.warn(`${PREFIX} could not load the "${tag}" wording (${messageOf(error)}); showing English.`);
    }
  };
  return {
    ready: () => (loading ??= load()),
    current: () => (text ??= surveyText(config, table)),
  };
}
