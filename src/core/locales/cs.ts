import type { LocaleTable } from '../locale.js';

/** Czech (čeština). Register: formal vykání, standard in Czech customer surveys, with plural participles ("doporučili") so no gender is assumed; the brand follows a head noun ("společnost {brand}") so it stays uninflected. */
export default {
  tag: 'cs',
  dir: 'ltr',
  strings: {
    question: 'S jakou pravděpodobností byste doporučili společnost {brand} příteli nebo kolegovi?',
    questionNoBrand: 'S jakou pravděpodobností byste nás doporučili příteli nebo kolegovi?',
    questionEnps: 'S jakou pravděpodobností byste doporučili organizaci {brand} jako zaměstnavatele?',
    questionEnpsNoBrand: 'S jakou pravděpodobností byste doporučili naši organizaci jako zaměstnavatele?',
    lowLabel: 'Vůbec nepravděpodobné',
    highLabel: 'Velmi pravděpodobné',
    followUp: 'Jaký je hlavní důvod vašeho hodnocení?',
    placeholder: 'Nepovinné',
    submitLabel: 'Odeslat',
    thankYou: 'Děkujeme! Vaše zpětná vazba nám pomáhá se zlepšovat.',
    closeLabel: 'Zavřít',
    choiceEnd: '{n}, {label}',
    announcement: 'Na konci stránky se otevřel dotazník s jednou otázkou: {question}',
    consentQuestion: 'Můžeme vás kontaktovat ohledně vaší odpovědi?',
    consentYes: 'Ano',
    consentNo: 'Ne',
    promoterLinkText: 'Napsat recenzi',
    opensInNewTab: '(otevře se na nové kartě)',
  },
} satisfies LocaleTable;
