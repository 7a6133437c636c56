import type { LocaleTable } from '../locale.js';

/** Brazilian Portuguese (português do Brasil). Register: você, the standard polite-neutral form in Brazilian customer and employee surveys. The brand takes no article, so its gender never matters. */
export default {
  tag: 'pt-BR',
  dir: 'ltr',
  strings: {
    question: 'Qual é a probabilidade de você recomendar {brand} a um amigo ou colega?',
    questionNoBrand: 'Qual é a probabilidade de você nos recomendar a um amigo ou colega?',
    questionEnps: 'Qual é a probabilidade de você recomendar {brand} como lugar para trabalhar?',
    questionEnpsNoBrand: 'Qual é a probabilidade de você recomendar nossa organização como lugar para trabalhar?',
    lowLabel: 'Nada provável',
    highLabel: 'Extremamente provável',
    followUp: 'Qual é o principal motivo da sua nota?',
    placeholder: 'Opcional',
    submitLabel: 'Enviar',
    thankYou: 'Obrigado! Sua opinião nos ajuda a melhorar.',
    closeLabel: 'Fechar',
    choiceEnd: '{n}, {label}',
    announcement: 'Uma pesquisa de uma só pergunta foi aberta no final da página: {question}',
    consentQuestion: 'Podemos entrar em contato com você sobre sua resposta?',
    consentYes: 'Sim',
    consentNo: 'Não',
    promoterLinkText: 'Deixar uma avaliação',
    opensInNewTab: '(abre em uma nova aba)',
  },
} satisfies LocaleTable;
