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
console.log(`Receiver trouble while chaos is on: ${Object.entries(TROUBLE).map(([k, v]) => `${k} ${Math.round(v * 100)}%`).join(', ')}`);
const result = await runChaos({ responses, seed, log: console.log });

const rows = [
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
const width = Math.max(...rows.map(([label]) => String(label).length));
console.log('');
for (const [label, value] of rows) console.log(`${String(label).padEnd(width)}  ${value}`);
if (result.lost.length || result.stale.length || result.split.length) {
  console.log(`\nFAILED: lost ${result.lost.join(',')} stale ${result.stale.join(',')} split ${result.split.join(',')}`);
  process.exitCode = 1;
}
