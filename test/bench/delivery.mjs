/**
 * npm run bench:delivery [-- --responses 200 --seed 1]
 * Gives responses through the real UI in Chromium while a local receiver misbehaves, the
 * visitor leaves, reloads and goes offline, and prints what reached the receiver.
 */
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { runChaos } from '../chaos/run-chaos.mjs';
import { TROUBLE } from '../chaos/flaky-receiver.mjs';

const { values } = parseArgs({
  options: { responses: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } },
});
const responses = Number(values.responses);
const seed = Number(values.seed);

console.log(`Delivery under chaos: ${responses} responses, seed ${seed}, ${cpus().length} cores, Node ${process.version}`);
console.log(
  `Receiver trouble while chaos is on: ${Object.entries(TROUBLE)
    .map(([k, v]) => `${k} ${Math.round(v * 100)}%`)
    .join(', ')}`,
);
/**
 * Both runs side by side: every answer to one survey, and every answer to a survey of its own
 * with the last page loading the widget for a survey never answered.
 * @type {Array<['one' | 'many', string]>}
 */
const RUNS = [
  ['one', 'one survey'],
  ['many', 'a survey per answer'],
];
const results = [];
for (const [surveys, label] of RUNS) {
  console.log(`\n${label}:`);
  results.push(await runChaos({ responses, seed, surveys, log: console.log }));
}

/** @param {Awaited<ReturnType<typeof runChaos>>} result */
const rowsOf = (result) => [
  ['responses given', result.given],
  ['final state stored', result.stored],
  ['lost', result.lost.length],
  ['stale (older state kept)', result.stale.length],
  ['split across ids', result.split.length],
  ['deliveries received', result.deliveries],
  ['duplicate deliveries', result.duplicates],
  ['invalid payloads', result.invalid],
  ['giving the answers (s)', (result.givingMs / 1000).toFixed(1)],
  ['last landed after the last answer (ms)', result.drainMs],
  ...Object.entries(result.behaviours).map(([behaviour, count]) => [`receiver answered: ${behaviour}`, count]),
];
const table = results.map(rowsOf);
const labels = (table[0] ?? []).map(([label]) => String(label));
const width = Math.max(...labels.map((label) => label.length));
console.log('');
console.log(`${''.padEnd(width)}  ${RUNS.map(([, label]) => label.padStart(20)).join('')}`);
labels.forEach((label, row) => console.log(`${label.padEnd(width)}  ${table.map((rows) => String(rows[row]?.[1] ?? '').padStart(20)).join('')}`));
for (const [index, result] of results.entries()) {
  if (result.lost.length || result.stale.length || result.split.length) {
    console.log(`\nFAILED (${RUNS[index]?.[1]}): lost ${result.lost.join(',')} stale ${result.stale.join(',')} split ${result.split.join(',')}`);
    process.exitCode = 1;
  }
}
