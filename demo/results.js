// The results page: polls the demo collector and hands the records to the preview. Data is
// written with textContent only; a comment is whatever a visitor typed.

/** @typedef {import('../src/core/payload.js').NpsResponse} NpsResponse */
/** @typedef {{ update(input: NpsResponse[]): void, destroy(): void }} PreviewHandle */
/** @typedef {{ mountNpsPreview(element: HTMLElement, input: NpsResponse[]): PreviewHandle }} PreviewApi */

const REFRESH_MS = 2000;
const COMMENTS_SHOWN = 10;
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** @type {PreviewHandle | null} */
let preview = null;
/** The last rendered list, so an unchanged poll does not re-render (or re-announce) anything. */
let lastJson = '';

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The results page has no #${id}`);
  return element;
}

/** @returns {Promise<NpsResponse[]>} */
async function fetchRecords() {
  const response = await fetch('/api/responses', { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/responses answered ${response.status}`);
  return response.json();
}

/** @param {NpsResponse[]} records */
function showPreview(records) {
  if (preview) return preview.update(records);
  const api = /** @type {Window & { NpsPreview?: PreviewApi }} */ (window).NpsPreview;
  if (!api) throw new Error('/nps-preview.js did not load; run npm run build, then reload.');
  preview = api.mountNpsPreview(byId('preview'), records);
}

/** @param {number} count */
function showTotal(count) {
  byId('total').textContent = count === 1 ? '1 response stored' : `${count} responses stored`;
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
    if (json !== lastJson) {
      showTotal(records.length);
      showComments(records);
      showPreview(records);
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
// Background tabs poll slowly (browsers throttle timers); catch up the moment this one is seen.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh();
});
void keepRefreshing();
