/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field holding a comma, quote or line break is
 * quoted, quotes doubled), with one addition: comments are visitor-written, and a spreadsheet
 * runs a cell that begins with =, +, -, @, tab or CR as a formula. Such text cells get a
 * leading apostrophe, which spreadsheets show as text. Text that already begins with
 * apostrophes before one of those gets one more, so reading strips exactly one and every
 * value round-trips. Numbers are written as numbers: -12 is a score, not a formula.
 */

export type CsvValue = string | number | boolean | null;

const FORMULA = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Undoes the formula guard of one text cell. */
export const unguard = (text: string): string => (FORMULA.test(text) && text.startsWith("'") ? text.slice(1) : text);

export interface CsvTable {
  rows: string[][];
  /** Line (from 1) each row starts on, for error messages. */
  lines: number[];
}

/**
 * Reads CSV into rows of raw text (formula guards are the caller's to undo, since only text
 * cells carry them). Accepts CRLF or LF line ends and a missing final line end; throws a
 * SyntaxError naming the line of an unterminated quote or text after a closing quote.
 */
export function parseCsv(text: string): CsvTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endRow = () => {
    row.push(cell);
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    cell = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === ',') {
      row.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i++;
      endRow();
      rowLine = ++line;
    } else if (afterQuote) {
      throw new SyntaxError(`CSV line ${line}: text after a closing quote`);
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new SyntaxError(`CSV line ${rowLine}: a quoted field is never closed`);
  if (cell !== '' || row.length > 0) endRow();
  return { rows, lines };
}
