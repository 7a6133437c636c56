import type { LocaleTable } from '../locale.js';

/** French (français). Register: formal vous, as French customer and employee surveys always use. Narrow no-break space (U+202F) before ? and !, no-break space (U+00A0) before the colon. */
export default {
  tag: 'fr',
  dir: 'ltr',
  strings: {
    question: 'Quelle est la probabilité que vous recommandiez {brand} à un ami ou à un collègue ?',
    questionNoBrand: 'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue ?',
    questionEnps: 'Quelle est la probabilité que vous recommandiez {brand} comme employeur ?',
    questionEnpsNoBrand: 'Quelle est la probabilité que vous recommandiez notre organisation comme employeur ?',
    lowLabel: 'Pas du tout probable',
    highLabel: 'Extrêmement probable',
    followUp: 'Quelle est la raison principale de votre note ?',
    placeholder: 'Facultatif',
    submitLabel: 'Envoyer',
    thankYou: 'Merci ! Vos commentaires nous aident à nous améliorer.',
    closeLabel: 'Fermer',
    choiceEnd: '{n}, {label}',
    announcement: 'Un questionnaire d’une seule question s’est ouvert en bas de la page : {question}',
    consentQuestion: 'Pouvons-nous vous contacter au sujet de votre réponse ?',
    consentYes: 'Oui',
    consentNo: 'Non',
    promoterLinkText: 'Laisser un avis',
    opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  },
} satisfies LocaleTable;
