// Choices the widget accepts but a site owner probably does not mean, each with what it does to
// visitors. The widget's own warnings (an accent colour that fails contrast, an invalid value)
// come from the widget itself, through the frame; these are the playground's advice.

import { OPTIONS } from './options.js';

/** @typedef {import('./options.js').Value} Value */
/** @typedef {Record<string, Value | null>} Settled every option, given or default */

/** Past this, most visitors have left the page before the survey may appear. */
const LONG_DELAY_SECONDS = 60;

/** @type {ReadonlyArray<{ option: string, when: (v: Settled) => boolean, says: (v: Settled) => string }>} */
const ADVICE = [
  { option: 'sampleRate', when: (v) => v['sampleRate'] === 0, says: () => 'sampleRate 0: nobody is ever asked.' },
  {
    option: 'resurveyDays',
    when: (v) => v['resurveyDays'] === 0,
    says: () => 'resurveyDays 0: a visitor who answered is asked again on every page view (fine after each purchase with a touchpoint, tiring anywhere else).',
  },
  {
    option: 'dismissCooldownDays',
    when: (v) => v['dismissCooldownDays'] === 0,
    says: () => 'dismissCooldownDays 0: closing the survey does not keep it away; it comes back on the next page.',
  },
  {
    option: 'delaySeconds',
    when: (v) => v['show'] === 'auto' && Number(v['delaySeconds']) > LONG_DELAY_SECONDS,
    says: (v) => `delaySeconds ${v['delaySeconds']}: most visitors leave a page sooner, so most will never see the survey.`,
  },
  {
    option: 'show',
    when: (v) => v['show'] === 'manual' && (v['delaySeconds'] !== 0 || v['scrollPercent'] !== null || v['exitIntent'] === true),
    says: () => "delaySeconds, scrollPercent and exitIntent only apply with show: 'auto'; with 'manual' the survey shows when show() is called.",
  },
  {
    option: 'touchpoint',
    when: (v) => v['show'] === 'auto' && v['touchpoint'] !== null,
    says: () => "touchpoint with show: 'auto': the survey may show by itself first, without the touchpoint. Use show: 'manual'.",
  },
  {
    option: 'autoCloseSeconds',
    when: (v) => Number(v['autoCloseSeconds']) > 0 && Number(v['autoCloseSeconds']) < 2,
    says: (v) => `autoCloseSeconds ${v['autoCloseSeconds']}: the thank-you is gone before it can be read.`,
  },
  {
    option: 'pageUrl',
    when: (v) => v['pageUrl'] === 'full',
    says: () => "pageUrl 'full': query strings and fragments often carry personal data (emails, tokens) into your answers.",
  },
  {
    option: 'credentials',
    when: (v) => v['credentials'] === 'include',
    says: () =>
      "credentials 'include': cookies go with every answer, and a cross-origin endpoint must answer with your exact origin and Access-Control-Allow-Credentials.",
  },
  {
    option: 'scale',
    when: (v) => v['scale'] !== '0-10',
    says: (v) =>
      `scale ${v['scale']}: the result is a non-standard NPS, not comparable with 0-10 NPS benchmarks or with your own 0-10 answers. Keep it only to continue a legacy survey.`,
  },
  {
    option: 'promoterLink',
    when: (v) =>
      typeof v['promoterLink'] === 'string' && !String(v['promoterLink']).includes('{score}') && /[?&](score|rating|stars)=/.test(String(v['promoterLink'])),
    says: () => 'promoterLink: write {score} where the score should go; the widget replaces only that.',
  },
  { option: 'debug', when: (v) => v['debug'] === true, says: () => 'debug: every visitor’s console gets the log; leave it off in production.' },
];

/**
 * @param {import('./options.js').Values} values
 * @returns {Array<{ option: string, text: string }>}
 */
export function adviceFor(values) {
  /** @type {Settled} */
  const settled = Object.fromEntries(OPTIONS.map((option) => [option.name, values[option.name] ?? option.default]));
  return ADVICE.filter((advice) => advice.when(settled)).map((advice) => ({ option: advice.option, text: advice.says(settled) }));
}
