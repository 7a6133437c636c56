/**
 * The raw records as CSV, one response a row, and back: what `recordsToCsv` writes,
 * `recordsFromCsv` reads into the same records. A CSV from elsewhere needs only a `score`
 * column; columns it does not know become metadata, so they can be segments too.
 */
import { categoryOf, isScore } from '../category.js';
import type { FlatRecord } from '../payload.js';
import { formatCsv, unguard, type CsvTable, type CsvValue } from './csv.js';
import { readRecord, type ResultRecord } from './record.js';
import { STANDARD_SCALE, type Scale } from './scale.js';

/** In the order written. */
export const RECORD_COLUMNS = [
  'id',
  'createdAt',
  'scale',
  'score',
  'category',
  'comment',
  'consentToContact',
  'touchpoint',
  'surveyType',
  'kind',
  'locale',
  'surveyId',
  'complete',
  'pageUrl',
  'user',
  'metadata',
  'sentAt',
  'schemaVersion',
] as const;
type Column = (typeof RECORD_COLUMNS)[number];

/** Header names other tools use for the same thing (compared in lower case). */
const ALIASES: Record<string, Column> = {
  rating: 'score',
  nps: 'score',
  date: 'createdAt',
  timestamp: 'createdAt',
  time: 'createdAt',
  reason: 'comment',
  feedback: 'comment',
};

function cellsOf(record: ResultRecord): Record<Column, CsvValue> {
  return {
    id: record.id,
    createdAt: record.createdAt,
    scale: record.scale ?? STANDARD_SCALE,
    score: record.score,
    category: record.category,
    comment: record.comment,
    consentToContact: record.consentToContact ?? null,
    touchpoint: record.touchpoint,
    surveyType: record.surveyType,
    kind: record.kind,
    locale: record.locale,
    surveyId: record.surveyId,
    complete: record.complete,
    pageUrl: record.pageUrl,
    user: record.user === null || record.user === undefined ? null : JSON.stringify(record.user),
    metadata: JSON.stringify(record.metadata ?? {}),
    sentAt: record.sentAt,
    schemaVersion: record.schemaVersion,
  };
}

/** One record's cells, in RECORD_COLUMNS order (a receiver streaming an export writes rows one page at a time). */
export function recordRow(record: ResultRecord): CsvValue[] {
  const cells = cellsOf(record);
  return RECORD_COLUMNS.map((column) => cells[column] ?? null);
}

export function recordsToCsv(records: readonly ResultRecord[]): string {
  return formatCsv([RECORD_COLUMNS, ...records.map(recordRow)]);
}

const problem = (line: number, message: string) => new RangeError(`line ${line}: ${message}`);

function flatObject(text: string, line: number, column: string): FlatRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problem(line, `${column} is ${JSON.stringify(text)}; expected a JSON object`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem(line, `${column} is ${JSON.stringify(text)}; expected a JSON object`);
  return value as FlatRecord;
}

function booleanOf(text: string, line: number, column: string): boolean | undefined {
  if (text === '') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  throw problem(line, `${column} is ${JSON.stringify(text)}; expected true or false`);
}

/** The column index of each known field, by header name (any case, or an alias). */
function columnsOf(header: readonly string[]): { known: Partial<Record<Column, number>>; extra: Array<[string, number]> } {
  const known: Partial<Record<Column, number>> = {};
  const extra: Array<[string, number]> = [];
  header.forEach((raw, index) => {
    const name = unguard(raw.trim());
    const lower = name.toLowerCase();
    const column = RECORD_COLUMNS.find((c) => c.toLowerCase() === lower) ?? ALIASES[lower];
    if (column && known[column] === undefined) known[column] = index;
    else if (name !== '') extra.push([name, index]);
  });
  return { known, extra };
}

/** Whether a CSV header names a score column, i.e. the table holds one response a row. */
export function hasScoreColumn(header: readonly string[]): boolean {
  return columnsOf(header).known.score !== undefined;
}

/** Records from a CSV table whose first row is a header with a score column. Throws naming the line. */
export function recordsFromCsv({ rows, lines }: CsvTable): ResultRecord[] {
  const [header = [], ...body] = rows;
  const { known, extra } = columnsOf(header);
  if (known.score === undefined) throw problem(lines[0] ?? 1, 'the header has no score column');
  return body.map((row, index) => {
    const line = lines[index + 1] ?? index + 2;
    const text = (column: Column) => {
      const at = known[column];
      return at === undefined ? '' : unguard(row[at] ?? '');
    };
    const nullable = (column: Column) => (text(column) === '' ? null : text(column));

    const scaleText = text('scale').trim();
    const standard = scaleText === '' || scaleText === STANDARD_SCALE;
    const scoreText = text('score').trim();
    const score = /^\d+$/.test(scoreText) ? Number(scoreText) : scoreText;
    const createdAt = text('createdAt').trim();
    const metadata = known.metadata !== undefined && text('metadata') !== '' ? flatObject(text('metadata'), line, 'metadata') : {};
    for (const [name, at] of extra) {
      const value = unguard(row[at] ?? '');
      if (value !== '') metadata[name] = value;
    }
    const touchpoint = nullable('touchpoint');
    const record: ResultRecord = {
      schemaVersion: 1,
      id: text('id') || `row-${line}`,
      surveyId: text('surveyId') || 'nps',
      kind: (text('kind') || 'nps') as ResultRecord['kind'],
      // As the widget sends it; a file without the column was written before scales, on 0-10.
      scale: (standard ? STANDARD_SCALE : scaleText) as Scale,
      score: score as number,
      // On 0-10 the score decides; on other scales only the recorded category can.
      category: (text('category') || (standard && isScore(score) ? categoryOf(score) : '')) as ResultRecord['category'],
      comment: nullable('comment'),
      complete: booleanOf(text('complete'), line, 'complete') ?? true,
      surveyType: (text('surveyType') || (touchpoint === null ? 'relationship' : 'transactional')) as ResultRecord['surveyType'],
      touchpoint,
      user: text('user') === '' ? null : flatObject(text('user'), line, 'user'),
      metadata,
      locale: text('locale'),
      pageUrl: nullable('pageUrl'),
      createdAt,
      sentAt: text('sentAt') || createdAt,
    };
    readRecord(record, `line ${line}`);
    const consent = booleanOf(text('consentToContact'), line, 'consentToContact');
    if (consent !== undefined) record.consentToContact = consent;
    return record;
  });
}
