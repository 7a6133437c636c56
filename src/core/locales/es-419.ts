import type { LocaleTable } from '../locale.js';

/** Latin American Spanish (español de Latinoamérica). Register: formal usted, the usual register of customer and employee surveys across Latin America; regional wording (qué tan, colega, calificación, preterite). */
export default {
  tag: 'es-419',
  dir: 'ltr',
  strings: {
    question: '¿Qué tan probable es que recomiende {brand} a un amigo o colega?',
    questionNoBrand: '¿Qué tan probable es que nos recomiende a un amigo o colega?',
    questionEnps: '¿Qué tan probable es que recomiende {brand} como lugar para trabajar?',
    questionEnpsNoBrand: '¿Qué tan probable es que recomiende nuestra organización como lugar para trabajar?',
    lowLabel: 'Nada probable',
    highLabel: 'Extremadamente probable',
    followUp: '¿Cuál es el motivo principal de su calificación?',
    placeholder: 'Opcional',
    submitLabel: 'Enviar',
    thankYou: '¡Gracias! Sus comentarios nos ayudan a mejorar.',
    closeLabel: 'Cerrar',
    choiceEnd: '{n}, {label}',
    announcement: 'Se abrió una encuesta de una sola pregunta al final de la página: {question}',
    consentQuestion: '¿Podemos comunicarnos con usted acerca de su respuesta?',
    consentYes: 'Sí',
    consentNo: 'No',
    promoterLinkText: 'Escribir una reseña',
    opensInNewTab: '(se abre en una pestaña nueva)',
  },
} satisfies LocaleTable;
