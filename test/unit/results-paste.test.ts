/** The paste box: each form it recognises, said so, and one clear error otherwise. */
import { describe, expect, it } from 'vitest';
import { calculateNps } from '../../src/core/nps.js';
import { recordsToCsv } from '../../src/core/results/records-csv.js';
import { readPastedResults } from '../../src/core/results/paste.js';
import type { ResultRecord } from '../../src/core/results/record.js';

/** The Hungarian article's table as copied from a web page: a header, then score and count per line. */
const HUNGARIAN = 'Pontszám\tVálaszadók\n1\t42\n2\t54\n3\t22\n4\t31\n5\t13\n6\t19\n7\t22\n8\t38\n9\t62\n10\t75\n';

describe('readPastedResults', () => {
  it('reads a list of scores separated by commas, spaces or line breaks', () => {
    expect(readPastedResults('9, 10 3\n7;0\r\n10')).toEqual({ ok: true, form: 'scores', input: [9, 10, 3, 7, 0, 10], summary: 'Read as a list of 6 scores.' });
  });

  it('reads scores and frequency tables on the scale it is given, naming a score off it', () => {
    expect(readPastedResults('5 4 1 5', '1-5')).toMatchObject({ ok: true, form: 'scores', input: [5, 4, 1, 5] });
    expect(readPastedResults('5 4 0', '1-5')).toEqual({
      ok: false,
      error:
        '“0” (the 3rd value) is not a score; scores are whole numbers from 1 to 5. Paste scores, a frequency table (score and count on each line) or a CSV export with a score column.',
    });
    expect(readPastedResults('score,count\n7,3\n8,1', '1-7')).toEqual({
      ok: false,
      error: 'Frequency table, line 3: “8” is not a score; scores are whole numbers from 1 to 7.',
    });
    expect(readPastedResults('[1, 7]', '1-7')).toMatchObject({ ok: true, input: [1, 7] });
    expect(readPastedResults('10 9', '1-7')).toMatchObject({ ok: false });
  });

  it('reads the Hungarian frequency table as 378 answers giving -12', () => {
    const pasted = readPastedResults(HUNGARIAN);
    expect(pasted).toMatchObject({ ok: true, form: 'frequency table', summary: 'Read as a frequency table: 10 scores listed, 378 responses.' });
    if (!pasted.ok) throw new Error(pasted.error);
    expect(pasted.input).toEqual({ counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] });
    expect(calculateNps(pasted.input as { counts: number[] }).rounded).toBe(-12);
    expect(readPastedResults('1: 42\n2: 54\n10: 75')).toMatchObject({ ok: true, input: { counts: [0, 42, 54, 0, 0, 0, 0, 0, 0, 0, 75] } });
  });

  it('reads 11 numbers with one over 10 as counts for 0-10', () => {
    expect(readPastedResults('0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75')).toMatchObject({
      ok: true,
      form: 'frequency table',
      input: { counts: [0, 42, 54, 22, 31, 13, 19, 22, 38, 62, 75] },
    });
  });

  it('reads a CSV export back into the records it came from', () => {
    const record = {
      schemaVersion: 1,
      id: 'x',
      surveyId: 'nps',
      kind: 'enps',
      score: 2,
      category: 'detractor',
      comment: '-bad',
      complete: true,
      surveyType: 'relationship',
      touchpoint: null,
      user: null,
      metadata: { team: 'ops' },
      locale: 'en',
      pageUrl: null,
      createdAt: '2026-02-01T08:00:00.000Z',
      sentAt: '2026-02-01T08:00:00.000Z',
    } satisfies ResultRecord;
    expect(readPastedResults(recordsToCsv([record]))).toEqual({
      ok: true,
      form: 'CSV export',
      input: [{ ...record, scale: '0-10' }],
      summary: 'Read as a CSV export: 1 response.',
    });
  });

  it('reads JSON as a collector returns it', () => {
    expect(readPastedResults('[{"id":"a","score":9,"createdAt":"2026-01-01T00:00:00Z"}]')).toMatchObject({
      ok: true,
      form: 'JSON',
      summary: 'Read as JSON: 1 response.',
    });
    expect(readPastedResults('{"counts":[0,0,0,0,0,0,0,0,0,0,4]}')).toMatchObject({ ok: true, input: { counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4] } });
  });

  it.each([
    ['9, 10, 11, 3', '“11” (the 3rd value) is not a score; scores are whole numbers from 0 to 10.'],
    ['9 8 seven', '“seven” (the 3rd value) is not a score'],
    ['9, 7.5', '“7.5” (the 2nd value) is not a score'],
    ['Score\tCount\n1\t42\n12\t3', 'Frequency table, line 3: “12” is not a score'],
    ['1\t42\n1\t3', 'Frequency table, line 2: score 1 is listed twice.'],
    ['score,comment\n9,great\nten,meh', 'CSV export, line 3 has score "ten"; scores on the 0-10 scale are integers from 0 to 10.'],
    ['name,comment\nAna,great', 'CSV export, line 1: the header (“name,comment”) has no score column.'],
    ['[9, 10, 12]', 'JSON: “12” (the 3rd value) is not a score'],
    ['[{"score": 9}, {"score": -1}]', 'JSON: the 2nd record has score -1'],
    ['{"counts": [1, 2]', 'This looks like JSON but is not valid'],
    ['   ', 'Nothing to read'],
  ])('gives one error for %j', (text, error) => {
    const pasted = readPastedResults(text);
    expect(pasted.ok).toBe(false);
    expect(pasted.ok ? '' : pasted.error).toContain(error);
  });
});
