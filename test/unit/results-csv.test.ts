/** CSV export and import: RFC 4180 quoting, the formula guard, and a round trip of the raw records. */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateResults } from '../../src/core/results/aggregate.js';
import { formatCsv, parseCsv, unguard } from '../../src/core/results/csv.js';
import type { ResultRecord } from '../../src/core/results/record.js';
import { recordsFromCsv, recordsToCsv } from '../../src/core/results/records-csv.js';
import { aggregateToCsv } from '../../src/core/results/table-csv.js';

const base: ResultRecord = {
  schemaVersion: 1,
  id: '6f1c2f1e-0000-4000-8000-000000000001',
  surveyId: 'nps',
  kind: 'nps',
  score: 3,
  category: 'detractor',
  comment: 'Slow, and "support" never answered\nTwice.',
  complete: true,
  surveyType: 'transactional',
  touchpoint: 'checkout',
  user: { email: 'ana@example.com' },
  metadata: { plan: 'pro', seats: 12, trial: false },
  locale: 'fi',
  pageUrl: 'https://shop.example/checkout',
  createdAt: '2026-03-29T21:00:00.000Z',
  sentAt: '2026-03-29T21:00:05.000Z',
  consentToContact: true,
};

describe('formatCsv', () => {
  it('quotes fields holding a comma, quote or line break and doubles the quotes, with CRLF line ends', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 7, true]])).toBe('a,"b,c","say ""hi""","two\nlines",,7,true\r\n');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const row = ['=HYPERLINK("http://evil.example")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', "'=already", 'fine', -12];
    expect(formatCsv([row])).toBe(`"'=HYPERLINK(""http://evil.example"")",'+1,'-2+3,'@SUM(A1),'\tx,"'\rx",''=already,fine,-12\r\n`);
  });

  it('reads back what it wrote, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme-composite' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsv(formatCsv(rows)).rows.map((row) => row.map(unguard));
        expect(back).toEqual(rows);
      }),
    );
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('score,comment\r\n9,ok\r\n3,"never closed\r\n')).toThrow('CSV line 3: a quoted field is never closed');
  });
});

describe('raw records as CSV', () => {
  it('round-trips records: every field, formula-looking comments, other scales, consent absent', () => {
    const records: ResultRecord[] = [
      base,
      {
        ...base,
        id: 'b',
        score: 10,
        category: 'promoter',
        comment: '=1+1 is what I paid',
        user: null,
        metadata: {},
        touchpoint: null,
        surveyType: 'relationship',
        consentToContact: false,
      },
      { ...base, id: 'c', score: 6, category: 'promoter', scale: '1-7', comment: null, consentToContact: undefined } as ResultRecord,
    ];
    delete (records[2] as Partial<ResultRecord>).consentToContact;
    const csv = recordsToCsv(records);
    expect(csv.split('\r\n')[0]).toBe(
      'id,createdAt,scale,score,category,comment,consentToContact,touchpoint,surveyType,kind,locale,surveyId,complete,pageUrl,user,metadata,sentAt,schemaVersion',
    );
    expect(csv).toContain(",'=1+1 is what I paid,");
    // A record from before scales comes back with its scale said: 0-10.
    expect(recordsFromCsv(parseCsv(csv))).toEqual(records.map((record) => ({ scale: '0-10', ...record })));
  });

  it('reads a CSV from elsewhere with only a score column and extra columns as metadata', () => {
    const records = recordsFromCsv(parseCsv('Rating,Date,Plan\n9,2026-01-05T10:00:00Z,pro\n4,,free\n'));
    expect(records.map((r) => [r.id, r.score, r.category, r.createdAt, r.metadata])).toEqual([
      ['row-2', 9, 'promoter', '2026-01-05T10:00:00Z', { Plan: 'pro' }],
      ['row-3', 4, 'detractor', '', { Plan: 'free' }],
    ]);
  });

  it('names the line and the bad value', () => {
    expect(() => recordsFromCsv(parseCsv('score,comment\n9,ok\n11,no\n'))).toThrow('line 3 has score 11; scores on the 0-10 scale are integers from 0 to 10');
    expect(() => recordsFromCsv(parseCsv('score,scale\n6,1-7\n'))).toThrow('line 2 on the 1-7 scale has category ""');
  });
});

describe('the aggregated table as CSV', () => {
  it('has one row per period (empty ones too), a total row, and the significance of each change', () => {
    const records = [
      ...Array.from({ length: 30 }, (_, i) => ({
        ...base,
        id: `j${i}`,
        score: i < 20 ? 10 : 0,
        category: (i < 20 ? 'promoter' : 'detractor') as ResultRecord['category'],
        createdAt: '2026-01-10T10:00:00Z',
      })),
      ...Array.from({ length: 30 }, (_, i) => ({
        ...base,
        id: `m${i}`,
        score: i < 5 ? 10 : 0,
        category: (i < 5 ? 'promoter' : 'detractor') as ResultRecord['category'],
        createdAt: '2026-03-10T10:00:00Z',
      })),
    ];
    const rows = parseCsv(aggregateToCsv(aggregateResults(records, { timeZone: 'UTC' }), 'month', null)).rows;
    const column = (name: string) => rows[0]?.indexOf(name) ?? -1;
    const pick = (row: string[] | undefined, names: string[]) => names.map((name) => row?.[column(name)]);
    const names = ['segment', 'period', 'from', 'to', 'responses', 'nps', 'npsRounded', 'changeFromPrevious', 'significant', 'score0', 'score10'];
    expect(rows.slice(1).map((row) => pick(row, names))).toEqual([
      ['all', '2026-01', '2026-01-01', '2026-01-31', '30', '33.3333', '33', '', '', '10', '20'],
      ['all', '2026-02', '2026-02-01', '2026-02-28', '0', '', '', '', '', '0', '0'],
      ['all', '2026-03', '2026-03-01', '2026-03-31', '30', '-66.6667', '-67', '', '', '25', '5'],
      ['all', 'all', '2026-01-10', '2026-03-10', '60', '-16.6667', '-17', '', '', '35', '25'],
    ]);
  });
});
