/**
 * What someone pastes into a results page, recognised and read: a list of scores, an 11-count
 * frequency table (like the Hungarian worked example), a CSV export, or JSON (records as a
 * collector stores them, scores, or { counts }). The answer says which form was recognised, or
 * gives one error naming the bad value and where it is. Never throws.
 */
import { MAX_SCORE } from '../category.js';
import { isScoreOn, scaleRange, STANDARD_SCALE, type Scale } from '../scale.js';
import { parseCsv } from './csv.js';
import { readRecord, type ResultRecord } from './record.js';
import { hasScoreColumn, recordsFromCsv } from './records-csv.js';

export type PastedForm = 'scores' | 'frequency table' | 'CSV export' | 'JSON';

export type PastedInput = number[] | { counts: number[] } | ResultRecord[];

export type Pasted = { ok: true; form: PastedForm; input: PastedInput; summary: string } | { ok: false; error: string };

const SCALE_SIZE = MAX_SCORE + 1;
const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
const quoted = (text: string) => `“${text}”`;
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const isCount = (text: string) => /^\d+$/.test(text) && Number.isSafeInteger(Number(text));

/** How scores are described in errors: "whole numbers from 1 to 5". */
const range = (scale: Scale) => `whole numbers from ${scaleRange(scale).join(' to ')}`;

/** Two numbers a line, "score<sep>count"; the first line may be a header of words. */
function frequencyTable(lines: string[], scale: Scale): Pasted | null {
  const header = /\p{L}/u.test(lines[0] ?? '') ? 1 : 0;
  const rows = lines.slice(header).map((line) => line.split(/\s*[\t,;:=]\s*|\s+/).filter((part) => part !== ''));
  if (rows.length < 2 || rows.some((row) => row.length !== 2 || !row.every((part) => /^[+-]?\d+(\.\d+)?$/.test(part)))) return null;
  const counts = Array.from({ length: SCALE_SIZE }, () => 0);
  const seen = new Set<number>();
  for (const [index, [scoreText = '', countText = '']] of rows.entries()) {
    const line = index + header + 1;
    const score = Number(scoreText);
    if (!isScoreOn(scale, score) || !/^\d+$/.test(scoreText))
      return { ok: false, error: `Frequency table, line ${line}: ${quoted(scoreText)} is not a score; scores are ${range(scale)}.` };
    if (seen.has(score)) return { ok: false, error: `Frequency table, line ${line}: score ${score} is listed twice.` };
    if (!isCount(countText))
      return { ok: false, error: `Frequency table, line ${line}: ${quoted(countText)} is not a count; counts are whole numbers from 0.` };
    seen.add(score);
    counts[score] = Number(countText);
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  return {
    ok: true,
    form: 'frequency table',
    input: { counts },
    summary: `Read as a frequency table: ${plural(rows.length, 'score')} listed, ${plural(total, 'response')}.`,
  };
}

function csvExport(text: string): Pasted {
  try {
    const table = parseCsv(text);
    const records = recordsFromCsv(table);
    return { ok: true, form: 'CSV export', input: records, summary: `Read as a CSV export: ${plural(records.length, 'response')}.` };
  } catch (error) {
    return { ok: false, error: `CSV export, ${error instanceof Error ? error.message : String(error)}.` };
  }
}

const fail = (error: string): Pasted => ({ ok: false, error: `JSON: ${error}` });

function json(text: string, scale: Scale): Pasted {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This looks like JSON but is not valid: ${error instanceof Error ? error.message : String(error)}.` };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    const bad = value.findIndex((score) => !isScoreOn(scale, score));
    if (bad >= 0) return fail(`${quoted(String(value[bad]))} (the ${ordinal(bad + 1)} value) is not a score; scores are ${range(scale)}.`);
    return { ok: true, form: 'JSON', input: value as number[], summary: `Read as JSON: a list of ${plural(value.length, 'score')}.` };
  }
  if (Array.isArray(value)) {
    try {
      value.forEach((record, position) => readRecord(record, `the ${ordinal(position + 1)} record`));
    } catch (error) {
      return fail(`${error instanceof Error ? error.message : String(error)}.`);
    }
    return { ok: true, form: 'JSON', input: value as ResultRecord[], summary: `Read as JSON: ${plural(value.length, 'response')}.` };
  }
  const counts = typeof value === 'object' && value !== null ? (value as { counts?: unknown }).counts : undefined;
  if (Array.isArray(counts) && counts.length === SCALE_SIZE && counts.every((count) => Number.isSafeInteger(count) && count >= 0)) {
    return {
      ok: true,
      form: 'JSON',
      input: { counts: counts as number[] },
      summary: `Read as JSON: a frequency table of ${plural(
        counts.reduce((a: number, b: number) => a + b, 0),
        'response',
      )}.`,
    };
  }
  return fail('expected an array of responses, an array of scores, or { "counts": [11 counts] }.');
}

/** Scores separated by commas, semicolons, spaces or line breaks; 11 numbers with one over 10 are counts. */
function scoreList(text: string, scale: Scale): Pasted {
  const tokens = text.split(/[\s,;]+/).filter((token) => token !== '');
  if (tokens.length === SCALE_SIZE && tokens.every(isCount) && tokens.some((token) => Number(token) > MAX_SCORE)) {
    const counts = tokens.map(Number);
    const total = counts.reduce((sum, count) => sum + count, 0);
    return {
      ok: true,
      form: 'frequency table',
      input: { counts },
      summary: `Read as a frequency table: 11 counts for scores 0 to 10 (a value over 10 cannot be a score), ${plural(total, 'response')}.`,
    };
  }
  const bad = tokens.findIndex((token) => !/^\d+$/.test(token) || !isScoreOn(scale, Number(token)));
  if (bad >= 0) {
    return {
      ok: false,
      error: `${quoted(tokens[bad] ?? '')} (the ${ordinal(bad + 1)} value) is not a score; scores are ${range(scale)}. Paste scores, a frequency table (score and count on each line) or a CSV export with a score column.`,
    };
  }
  return { ok: true, form: 'scores', input: tokens.map(Number), summary: `Read as a list of ${plural(tokens.length, 'score')}.` };
}

/**
 * `scale` is the one pasted scores and frequency tables were given on (a CSV export and
 * records carry their own); a score off it is named, never counted.
 */
export function readPastedResults(text: string, scale: Scale = STANDARD_SCALE): Pasted {
  const trimmed = String(text ?? '')
    .replace(/^\uFEFF/, '')
    .trim();
  if (trimmed === '') return { ok: false, error: 'Nothing to read: paste scores, a frequency table or a CSV export.' };
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return json(trimmed, scale);
  const lines = trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const table = frequencyTable(lines, scale);
  if (table) return table;
  const header = parseCsv(lines[0] ?? '').rows[0] ?? [];
  if (/\p{L}/u.test(lines[0] ?? '')) {
    if (hasScoreColumn(header)) return csvExport(trimmed);
    if (header.length > 1) return { ok: false, error: `CSV export, line 1: the header (${quoted(lines[0] ?? '')}) has no score column.` };
  }
  return scoreList(trimmed, scale);
}
