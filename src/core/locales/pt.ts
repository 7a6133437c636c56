import type { LocaleTable } from '../locale.js';

/** European Portuguese (português europeu). Register: polite and impersonal, as Portuguese surveys are: infinitive constructions and the third-person "sua", never tu and no explicit você. The brand takes no article, so its gender never matters. */
export default {
  tag: 'pt',
  dir: 'ltr',
  strings: {
    question: 'Qual é a probabilidade de recomendar {brand} a um amigo ou colega?',
    questionNoBrand: 'Qual é a probabilidade de nos recomendar a um amigo ou colega?',
    questionEnps: 'Qual é a probabilidade de recomendar {brand} como local de trabalho?',
    questionEnpsNoBrand: 'Qual é a probabilidade de recomendar a nossa organização como local de trabalho?',
    lowLabel: 'Nada provável',
    highLabel: 'Extremamente provável',
    followUp: 'Qual é o principal motivo da sua avaliação?',
    placeholder: 'Opcional',
    submitLabel: 'Enviar',
    thankYou: 'Obrigado! A sua opinião ajuda-nos a melhorar.',
    closeLabel: 'Fechar',
    choiceEnd: '{n}, {label}',
    announcement: 'Abriu-se um inquérito de uma só pergunta no fim da página: {question}',
    consentQuestion: 'Podemos entrar em contacto consigo sobre a sua resposta?',
    consentYes: 'Sim',
    consentNo: 'Não',
    promoterLinkText: 'Deixar a sua opinião',
    opensInNewTab: '(abre num novo separador)',
  },
} satisfies LocaleTable;
