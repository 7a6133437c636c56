/**
 * GET /responses as a stream: stored records page by page, written as a JSON array, NDJSON
 * (one record a line) or CSV (one response a row, the columns of recordsToCsv, cells that a
 * spreadsheet would run as formulas guarded). Memory stays at one page whatever the size of
 * the export. It never queries by itself: pages come from the iterable it is given.
 */
import type { NpsResponse } from '../core/payload.js';
import { PAYLOAD_FIELDS } from '../core/validate.js';
import { formatCsv } from '../core/results/csv.js';
import { RECORD_COLUMNS, recordRow } from '../core/results/records-csv.js';
import type { ExportFormat } from './http/query.js';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** The stored record in payload order (the database keeps JSON keys in an order of its own). */
export function inPayloadOrder(record: NpsResponse): NpsResponse {
  const ordered: Record<string, unknown> = {};
  for (const field of PAYLOAD_FIELDS) if (field in record) ordered[field] = record[field];
  return ordered as unknown as NpsResponse;
}

interface Writer {
  start: string;
  page(records: readonly NpsResponse[], first: boolean): string;
  end: string;
}

const WRITERS: Record<ExportFormat, Writer> = {
  json: {
    start: '[',
    page: (records, first) => records.map((record, index) => `${first && index === 0 ? '\n' : ',\n'}${JSON.stringify(inPayloadOrder(record))}`).join(''),
    // "[\n]" for no records: still a JSON array.
    end: '\n]\n',
  },
  ndjson: {
    start: '',
    page: (records) => records.map((record) => `${JSON.stringify(inPayloadOrder(record))}\n`).join(''),
    end: '',
  },
  csv: {
    start: formatCsv([RECORD_COLUMNS]),
    page: (records) => (records.length ? formatCsv(records.map(recordRow)) : ''),
    end: '',
  },
};

async function* exportText(writer: Writer, pages: AsyncIterable<readonly NpsResponse[]>): AsyncGenerator<string> {
  yield writer.start;
  let firstRecord = true;
  for await (const records of pages) {
    yield writer.page(records, firstRecord);
    firstRecord &&= records.length === 0;
  }
  yield writer.end;
}

/**
 * A byte stream of every page, in `format`. Each read from the consumer asks for the next
 * page, so a slow client slows the queries instead of filling memory.
 */
export function exportStream(format: ExportFormat, pages: AsyncIterable<readonly NpsResponse[]>): ReadableStream<Uint8Array> {
  const text = exportText(WRITERS[format], pages);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A pull must enqueue or close: the stream does not ask again after one that did neither.
      for (;;) {
        const { done, value } = await text.next();
        if (done) return controller.close();
        if (value !== '') return controller.enqueue(encoder.encode(value));
      }
    },
    async cancel() {
      await text.return(undefined);
    },
  });
}
