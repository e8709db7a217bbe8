import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  formulaGuard,
  neutraliseCell,
  spreadsheetCsv,
  withoutFormulaGuard,
} from './spreadsheet-csv';

/** What a spreadsheet could take for the start of a formula, after white space it may skip. */
const risky = /^[\t\r\n]|^[\s\u00A0\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Cells built from the pieces that fool formula guards: leading white space, line breaks, tabs,
 *  full-width forms of = + - @, quotes and delimiters, guards already in the text. */
const piece = fc.constantFrom(
  '=',
  '+',
  '-',
  '@',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  ' ',
  '\t',
  '\r',
  '\n',
  '\u00A0',
  '\u3000',
  "'",
  '"',
  ',',
  '1+1',
  'SUM(A1)',
  'HYPERLINK("http://example.invalid")',
  'text',
);
const cell = fc.oneof(
  fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
);

describe('neutraliseCell', () => {
  it.each([
    ['=1+1\n', "'=1+1\n"],
    ['=1+1', "'=1+1"],
    [' =1+1', "' =1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['\t=1', "'\t=1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\u3000\uFF0BSUM(A1)', "'\u3000\uFF0BSUM(A1)"],
    ["'=1", "''=1"],
    ['plain', 'plain'],
    ["'quoted", "'quoted"],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves no cell a spreadsheet could run, and taking the guard off gives the text back', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const out = neutraliseCell(text);
        expect(risky.test(out)).toBe(false);
        expect(out === text || out === formulaGuard + text).toBe(true);
        expect(withoutFormulaGuard(out)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('every cell of a written CSV, header included, parses back guarded and whole', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 4 }),
        (header, rows) => {
          const fields = [...header, 'a', 'b', 'c', 'd'].slice(0, 4);
          const csv = spreadsheetCsv(fields, rows);
          expect(csv.startsWith('\uFEFF')).toBe(true);
          // Read back as written: comma-separated. Left to guess, papaparse takes a header such as
          // ["", "\t\t=", "\t\t"] for tab-separated (seed 1111237507).
          const parsed = Papa.parse<string[]>(csv.slice(1).replace(/\r\n$/, ''), {
            newline: '\r\n',
            delimiter: ',',
          });
          expect(parsed.errors).toEqual([]);
          expect(parsed.data).toEqual([fields, ...rows].map((r) => r.map(neutraliseCell)));
          for (const row of parsed.data) for (const c of row) expect(risky.test(c)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
