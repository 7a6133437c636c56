import type { LocaleTable } from '../locale.js';

/** Finnish (suomi). Register: informal singular (sinä), as Finnish customer and employee surveys commonly address respondents; the brand follows a partitive head noun ("yritystä {brand}") so it never needs a case ending. */
export default {
  tag: 'fi',
  dir: 'ltr',
  strings: {
    question: 'Kuinka todennäköisesti suosittelisit yritystä {brand} ystävällesi tai kollegallesi?',
    questionNoBrand: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?',
    questionEnps: 'Kuinka todennäköisesti suosittelisit organisaatiota {brand} työpaikkana?',
    questionEnpsNoBrand: 'Kuinka todennäköisesti suosittelisit organisaatiotamme työpaikkana?',
    lowLabel: 'Erittäin epätodennäköisesti',
    highLabel: 'Erittäin todennäköisesti',
    followUp: 'Mikä on tärkein syy antamaasi arvosanaan?',
    placeholder: 'Vapaaehtoinen',
    submitLabel: 'Lähetä',
    thankYou: 'Kiitos! Palautteesi auttaa meitä kehittymään.',
    closeLabel: 'Sulje',
    choiceEnd: '{n}, {label}',
    announcement: 'Sivun loppuun avautui yhden kysymyksen kysely: {question}',
    consentQuestion: 'Saammeko ottaa sinuun yhteyttä vastaukseesi liittyen?',
    consentYes: 'Kyllä',
    consentNo: 'Ei',
    promoterLinkText: 'Kirjoita arvostelu',
    opensInNewTab: '(avautuu uuteen välilehteen)',
  },
} satisfies LocaleTable;
