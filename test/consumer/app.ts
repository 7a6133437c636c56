/**
 * An app that uses every public subpath of the installed package, type-checked as a user's
 * project would be (strict, skipLibCheck: false) under `moduleResolution: bundler` and
 * `node16` (test/integration/packed.test.ts). Not part of the repository's own program: it
 * imports 'nps-widget' as installed. Each `@ts-expect-error` proves a type is real, not `any`.
 */
/// <reference types="nps-widget/nps-widget.js" />
/// <reference types="nps-widget/nps-widget.full.js" />
/// <reference types="nps-widget/nps-preview.js" />
import { calculateNps, createNpsWidget, validateResponse, type NpsResponse, type ShowOptions } from 'nps-widget';
import { aggregateResults, mountNpsPreview, type NpsResult } from 'nps-widget/results';
import type { NpsSurveyElement } from 'nps-widget/element';
import { createReceiver, pglite } from 'nps-widget/server';
import fi from 'nps-widget/locales/fi';
import { pickLocale } from 'nps-widget/locales/match';
import { createSurvey } from 'nps-widget/nps-widget-survey.js';
import { anchoredCss, followAnchor } from 'nps-widget/nps-widget-anchored.js';
import { themeCss } from 'nps-widget/nps-widget-extras.js';

const widget = createNpsWidget({ endpoint: '/api/nps', brand: 'Acme', show: 'manual', strings: { fi: fi.strings } });
const checkout: ShowOptions = { touchpoint: 'checkout' };
widget.show(checkout);
widget.show({ anchor: document.querySelector('#order') });
widget.show();
const off = widget.on('submit', (response: NpsResponse) => console.log(response.score, response.comment));
off();
// @ts-expect-error show() takes only its four options
widget.show({ touchpoints: 'checkout' });
// @ts-expect-error an event the widget does not have
widget.on('submitted', () => {});

const result: NpsResult = calculateNps([10, 9, 3]);
console.log(result.rounded, aggregateResults([], { timeZone: 'Europe/Helsinki' }).received, validateResponse({}).ok);
const preview = mountNpsPreview(document.querySelector('#results'), [10, 9, 3], { title: 'Last month' });
mountNpsPreview('#results', { counts: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3] }).destroy();
await preview.ready();

const element: NpsSurveyElement | null = document.querySelector('nps-survey');
const created: NpsSurveyElement = document.createElement('nps-survey');
console.log(element?.isConnected, created.tagName);

// The script tag's globals, typed by the references above.
window.nps?.('init', { endpoint: '/api/nps' });
window.nps?.('show', { touchpoint: 'checkout', force: true });
window.nps?.('on', 'score', (response) => console.log(response.score));
// @ts-expect-error not a command
window.nps?.('launch');
window.NpsWidget?.createNpsWidget({ endpoint: '/api/nps' }).destroy();
console.log(window.NpsWidget?.calculateNps([10, 9]).nps);
window.NpsPreview?.mountNpsPreview('#results', [10]);

const receiver = createReceiver({ storage: pglite({ dataDir: './nps-data' }), token: 'secret' });
console.log(receiver, pickLocale(null, 'fi-FI', []), typeof createSurvey, typeof followAnchor);
const css: string = anchoredCss + themeCss;
console.log(css.length, fi.tag);
