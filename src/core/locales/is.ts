import type { LocaleTable } from '../locale.js';

/** Icelandic (íslenska). Register: informal þú, the only form Icelandic uses with customers and employees. The brand follows a noun in apposition (fyrirtækinu, vinnustaðnum) so it never has to take the dative. */
export default {
  tag: 'is',
  dir: 'ltr',
  strings: {
    question: 'Hversu líklegt er að þú myndir mæla með fyrirtækinu {brand} við vin eða samstarfsfélaga?',
    questionNoBrand: 'Hversu líklegt er að þú myndir mæla með okkur við vin eða samstarfsfélaga?',
    questionEnps: 'Hversu líklegt er að þú myndir mæla með vinnustaðnum {brand}?',
    questionEnpsNoBrand: 'Hversu líklegt er að þú myndir mæla með vinnustaðnum okkar?',
    lowLabel: 'Alls ekki líklegt',
    highLabel: 'Afar líklegt',
    followUp: 'Hver er helsta ástæðan fyrir einkunninni þinni?',
    placeholder: 'Valfrjálst',
    submitLabel: 'Senda',
    thankYou: 'Takk fyrir! Endurgjöfin þín hjálpar okkur að gera betur.',
    closeLabel: 'Loka',
    choiceEnd: '{n}, {label}',
    announcement: 'Könnun með einni spurningu hefur opnast neðst á síðunni: {question}',
    consentQuestion: 'Megum við hafa samband við þig vegna svarsins þíns?',
    consentYes: 'Já',
    consentNo: 'Nei',
    promoterLinkText: 'Skrifa umsögn',
    opensInNewTab: '(opnast í nýjum flipa)',
  },
} satisfies LocaleTable;
