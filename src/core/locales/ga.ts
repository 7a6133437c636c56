import type { LocaleTable } from '../locale.js';

/** Irish (Gaeilge). Register: second person singular ("tú"), the only and fully courteous way Irish addresses one reader; surveys and official forms use it. */
export default {
  tag: 'ga',
  dir: 'ltr',
  strings: {
    question: 'Cé chomh dóchúil is atá sé go molfá {brand} do chara nó do chomhghleacaí?',
    questionNoBrand: 'Cé chomh dóchúil is atá sé go molfá sinn do chara nó do chomhghleacaí?',
    questionEnps: 'Cé chomh dóchúil is atá sé go molfá {brand} mar áit oibre?',
    questionEnpsNoBrand: 'Cé chomh dóchúil is atá sé go molfá ár n-eagraíocht mar áit oibre?',
    lowLabel: 'Ní dóchúil ar chor ar bith',
    highLabel: 'Thar a bheith dóchúil',
    followUp: 'Cén phríomhchúis atá leis an scór a thug tú?',
    placeholder: 'Roghnach',
    submitLabel: 'Seol',
    thankYou: "Go raibh maith agat! Cabhraíonn d'aiseolas linn feabhas a chur ar ár seirbhís.",
    closeLabel: 'Dún',
    choiceEnd: '{n}, {label}',
    announcement: 'Osclaíodh suirbhé le ceist amháin ag bun an leathanaigh: {question}',
    consentQuestion: "An féidir linn teagmháil a dhéanamh leat faoi d'fhreagra?",
    consentYes: 'Is féidir',
    consentNo: 'Ní féidir',
    promoterLinkText: 'Scríobh léirmheas',
    opensInNewTab: '(osclaítear i gcluaisín nua é)',
  },
} satisfies LocaleTable;
