import type { LocaleTable } from '../locale.js';

/** Spanish as used in Spain (español de España). Register: formal usted, the safe choice for a survey that can appear on any organisation's site; Spain-specific wording (compañero, puntuación, perfect tense). */
export default {
  tag: 'es',
  dir: 'ltr',
  strings: {
    question: '¿Qué probabilidad hay de que recomiende {brand} a un amigo o compañero?',
    questionNoBrand: '¿Qué probabilidad hay de que nos recomiende a un amigo o compañero?',
    questionEnps: '¿Qué probabilidad hay de que recomiende {brand} como lugar de trabajo?',
    questionEnpsNoBrand: '¿Qué probabilidad hay de que recomiende nuestra organización como lugar de trabajo?',
    lowLabel: 'Nada probable',
    highLabel: 'Extremadamente probable',
    followUp: '¿Cuál es el motivo principal de su puntuación?',
    placeholder: 'Opcional',
    submitLabel: 'Enviar',
    thankYou: '¡Gracias! Su opinión nos ayuda a mejorar.',
    closeLabel: 'Cerrar',
    choiceEnd: '{n}, {label}',
    announcement: 'Se ha abierto una encuesta de una sola pregunta al final de la página: {question}',
    consentQuestion: '¿Podemos ponernos en contacto con usted acerca de su respuesta?',
    consentYes: 'Sí',
    consentNo: 'No',
    promoterLinkText: 'Escribir una reseña',
    opensInNewTab: '(se abre en una pestaña nueva)',
  },
} satisfies LocaleTable;
