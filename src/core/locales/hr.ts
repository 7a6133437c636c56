import type { LocaleTable } from '../locale.js';

/** Croatian (hrvatski). Register: formal "vi", standard in Croatian customer surveys, with plural participles ("preporučili") so no gender is assumed; the brand follows a head noun ("tvrtku {brand}") so it stays uninflected. */
export default {
  tag: 'hr',
  dir: 'ltr',
  strings: {
    question: 'Koliko je vjerojatno da biste tvrtku {brand} preporučili prijatelju ili kolegi?',
    questionNoBrand: 'Koliko je vjerojatno da biste nas preporučili prijatelju ili kolegi?',
    questionEnps: 'Koliko je vjerojatno da biste organizaciju {brand} preporučili kao poslodavca?',
    questionEnpsNoBrand: 'Koliko je vjerojatno da biste našu organizaciju preporučili kao poslodavca?',
    lowLabel: 'Nimalo vjerojatno',
    highLabel: 'Iznimno vjerojatno',
    followUp: 'Koji je glavni razlog vaše ocjene?',
    placeholder: 'Neobavezno',
    submitLabel: 'Pošalji',
    thankYou: 'Hvala! Vaše mišljenje pomaže nam da budemo bolji.',
    closeLabel: 'Zatvori',
    choiceEnd: '{n}, {label}',
    announcement: 'Na kraju stranice otvorila se anketa s jednim pitanjem: {question}',
    consentQuestion: 'Smijemo li vas kontaktirati u vezi s vašim odgovorom?',
    consentYes: 'Da',
    consentNo: 'Ne',
    promoterLinkText: 'Napišite recenziju',
    opensInNewTab: '(otvara se u novoj kartici)',
  },
} satisfies LocaleTable;
