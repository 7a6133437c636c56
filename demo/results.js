// The results page: polls the receiver's API (GET /responses for the records, GET /results for
// the counts per survey) and hands the records to the preview, or shows
// other data instead: what the visitor pastes, the Hungarian worked example, or a generated
// year. Data is written with textContent only; a comment is whatever a visitor typed.
import { generateYear, YEAR_COUNT } from './generated-year.js';

/** @typedef {import('../src/core/payload.js').NpsResponse} NpsResponse */
/** @typedef {import('../src/preview/mount.js').NpsPreview} PreviewHandle */
/** @typedef {import('../src/preview/mount.js').NpsPreviewInput} PreviewInput */
/**
 * The global dist/nps-preview.js defines.
 * @typedef {{ mountNpsPreview: typeof import('../src/preview/mount.js').mountNpsPreview, readPastedResults: typeof import('../src/core/results/paste.js').readPastedResults }} PreviewApi
 */

/**
 * The Hungarian article's worked example: 378 answers on scores 1-10, NPS -11.64, shown as -12.
 * Loaded through the paste box, as a table copied from the article would be.
 */
const HUNGARIAN_TABLE = ['Score\tResponses', '1\t42', '2\t54', '3\t22', '4\t31', '5\t13', '6\t19', '7\t22', '8\t38', '9\t62', '10\t75'].join('\n');

const REFRESH_MS = 2000;
const COMMENTS_SHOWN = 10;
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** @type {PreviewHandle | null} */
let preview = null;
/** The last rendered list, so an unchanged poll does not re-render (or re-announce) anything. */
let lastJson = '';
/** Whether the preview follows the receiver; false while pasted or example data is shown. */
let live = true;

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The results page has no #${id}`);
  return element;
}

/**
 * The receiver's read token. The demo hands it to its own pages; a real site would read
 * results on its server, or ask the viewer for the token.
 * @type {Promise<string> | null}
 */
let token = null;

/** The token, fetched once: the API calls send it, and the dashboard's link shows it to paste. */
function demoToken() {
  token ??= fetch('/api/demo/token').then(async (answer) => {
    if (!answer.ok) throw new Error(`GET /api/demo/token answered ${answer.status}`);
    return /** @type {{ token: string }} */ (await answer.json()).token;
  });
  return token;
}

/**
 * A GET of the receiver's API with the token.
 * @param {string} path
 */
async function readApi(path) {
  const answer = await fetch(path, { cache: 'no-store', headers: { Authorization: `Bearer ${await demoToken()}` } });
  if (!answer.ok) throw new Error(`GET ${path} answered ${answer.status}`);
  return answer.json();
}

/**
 * Every stored record (GET /responses): the preview's trends, segments and comments read them.
 * @returns {Promise<NpsResponse[]>}
 */
const fetchRecords = () => readApi('/responses');

/**
 * Responses per survey, from the receiver's tallies (GET /results): what the count line says.
 * @param {readonly string[]} surveyIds
 * @returns {Promise<Array<[surveyId: string, responses: number]>>}
 */
async function fetchTotals(surveyIds) {
  const tallies = await Promise.all(surveyIds.map((id) => readApi(`/results?surveyId=${encodeURIComponent(id)}`)));
  return tallies.map((tally, index) => [
    surveyIds[index] ?? '',
    /** @type {{ total: { counts: number[] } }} */ (tally).total.counts.reduce((a, b) => a + b, 0),
  ]);
}

/** @returns {PreviewApi} */
function previewApi() {
  const api = /** @type {Window & { NpsPreview?: PreviewApi }} */ (window).NpsPreview;
  if (!api) throw new Error('/nps-preview.js did not load; run npm run build, then reload.');
  return api;
}

/** The scale the preview on screen reads scores and counts on. */
let previewScale = '0-10';

/**
 * @param {PreviewInput} input
 * @param {string} title
 * @param {string} [scale] what pasted scores and counts were given on
 * @returns {PreviewHandle}
 */
function showPreview(input, title, scale = '0-10') {
  // The scale is an option of the first mount: another scale needs a preview of its own.
  if (scale !== previewScale) preview?.destroy();
  previewScale = scale;
  preview = previewApi().mountNpsPreview(byId('preview'), input, { title, scale: /** @type {'0-10' | '1-10' | '1-7' | '1-5'} */ (scale) });
  return preview;
}

/**
 * Shows data other than the receiver's, until "Show live answers".
 * @param {PreviewInput} input
 * @param {string} title
 * @param {string} description
 * @param {string} [scale]
 */
async function showOther(input, title, description, scale = '0-10') {
  live = false;
  byId('live-comments').hidden = true;
  byId('source').textContent = `Showing: ${description}`;
  await showPreview(input, title, scale).ready();
}

function showLive() {
  live = true;
  lastJson = '';
  byId('live-comments').hidden = false;
  byId('source').textContent = 'Live answers from the receiver.';
  void refresh();
}

/** Reads the paste box; says which form it recognised, or what is wrong and where. */
function showPasted() {
  const status = byId('paste-status');
  const scale = /** @type {'0-10' | '1-10' | '1-7' | '1-5'} */ (/** @type {HTMLSelectElement} */ (byId('paste-scale')).value);
  const pasted = previewApi().readPastedResults(/** @type {HTMLTextAreaElement} */ (byId('paste')).value, scale);
  status.classList.toggle('is-error', !pasted.ok);
  if (!pasted.ok) {
    status.textContent = pasted.error;
    return;
  }
  status.textContent = pasted.summary;
  // Scores and counts are read on the chosen scale; records carry their own.
  const onChosenScale = !Array.isArray(pasted.input) || typeof pasted.input[0] === 'number';
  const said = onChosenScale && scale !== '0-10' ? `, ${scale} scale` : '';
  void showOther(pasted.input, 'Pasted data', `pasted data (${pasted.form}${said}).`, scale);
}

/** A million records take a few seconds to make: in batches, with a progress bar, the page never freezes. */
async function loadGeneratedYear() {
  const button = /** @type {HTMLButtonElement} */ (byId('load-year'));
  const bar = /** @type {HTMLProgressElement} */ (byId('generating-bar'));
  button.disabled = true;
  byId('generating').hidden = false;
  try {
    const generator = generateYear();
    let step = generator.next();
    while (!step.done) {
      bar.value = (100 * step.value) / YEAR_COUNT;
      await new Promise((resolve) => setTimeout(resolve, 0));
      step = generator.next();
    }
    byId('generating').hidden = true;
    const count = step.value.length.toLocaleString('en');
    await showOther(step.value, 'A generated year', `a generated year of a busy shop, ${count} answers (seeded, the same every time).`);
  } catch (error) {
    showProblem(error instanceof Error ? error.message : String(error));
  } finally {
    byId('generating').hidden = true;
    button.disabled = false;
  }
}

/**
 * @param {Array<[surveyId: string, responses: number]>} totals
 */
function showTotal(totals) {
  const count = totals.reduce((sum, [, responses]) => sum + responses, 0);
  const perSurvey = totals.length > 1 ? ` (${totals.map(([id, responses]) => `${id}: ${responses}`).join(', ')})` : '';
  const text = `${count === 1 ? '1 response stored' : `${count} responses stored`}${perSurvey}`;
  // Every poll lands here; rewriting the same text would make screen readers say it again.
  if (byId('total').textContent !== text) byId('total').textContent = text;
}

/** @param {NpsResponse[]} records */
function showComments(records) {
  const withComment = records.filter((record) => record.comment !== null);
  withComment.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  const latest = withComment.slice(0, COMMENTS_SHOWN);
  const rows = latest.length > 0 ? latest.map(commentRow) : [emptyRow('No comments yet. Answer the survey on the shop page.')];
  byId('comment-rows').replaceChildren(...rows);
}

/** @param {NpsResponse} record */
function commentRow(record) {
  const row = document.createElement('tr');
  const when = document.createElement('time');
  when.dateTime = record.sentAt;
  when.textContent = time.format(new Date(record.sentAt));
  row.append(
    cell(String(record.score)),
    cell(record.category, `category category-${record.category}`),
    cell(record.comment ?? ''),
    cell(record.touchpoint ?? '(none)'),
    cell(when),
  );
  return row;
}

/**
 * @param {string | Node} content
 * @param {string} [className]
 */
function cell(content, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.append(content);
  return td;
}

/** @param {string} text */
function emptyRow(text) {
  const td = cell(text, 'muted');
  td.colSpan = 5;
  const row = document.createElement('tr');
  row.append(td);
  return row;
}

/** @param {string | null} message */
function showProblem(message) {
  const problem = byId('problem');
  if (problem.textContent !== (message ?? '')) problem.textContent = message ?? '';
  problem.hidden = message === null;
}

async function refresh() {
  try {
    const records = await fetchRecords();
    const json = JSON.stringify(records);
    showTotal(await fetchTotals([...new Set(records.map((record) => record.surveyId))].sort()));
    if (live && json !== lastJson) {
      showComments(records);
      showPreview(records, 'Live answers');
      lastJson = json;
    }
    showProblem(null);
  } catch (error) {
    showProblem(error instanceof Error ? error.message : String(error));
  }
}

/** Each poll starts after the last one ends, so a slow answer never stacks requests. */
async function keepRefreshing() {
  await refresh();
  setTimeout(() => void keepRefreshing(), REFRESH_MS);
}

async function resetDemoData() {
  const button = /** @type {HTMLButtonElement} */ (byId('reset'));
  button.disabled = true;
  try {
    const response = await fetch('/api/responses', { method: 'DELETE' });
    if (!response.ok) throw new Error(`DELETE /api/responses answered ${response.status}`);
    await refresh();
  } catch (error) {
    showProblem(error instanceof Error ? error.message : String(error));
  } finally {
    button.disabled = false;
  }
}

byId('reset').addEventListener('click', () => void resetDemoData());
byId('show-live').addEventListener('click', showLive);
byId('load-year').addEventListener('click', () => void loadGeneratedYear());
byId('load-hungarian').addEventListener('click', () => {
  /** @type {HTMLTextAreaElement} */ (byId('paste')).value = HUNGARIAN_TABLE;
  showPasted();
});
byId('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  showPasted();
});
// Background tabs poll slowly (browsers throttle timers); catch up the moment this one is seen.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh();
});
void keepRefreshing();
void demoToken().then((value) => {
  byId('demo-token').textContent = value;
});
