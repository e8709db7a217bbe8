/**
 * Read an inventory CSV as maintenance systems export it: `,` `;` or tab, quoted fields with
 * delimiters and line breaks, CRLF or LF. Parsing is papaparse's; this file decides row numbers
 * (as a spreadsheet counts them: the header is row 1, a quoted line break stays in its row).
 */
import Papa from 'papaparse';
import type { ImportProblem } from '../../api/domains/inventory';
import { wordedError } from '../core/errors';
import { controlCharacters } from './field-rules';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** The row number a spreadsheet shows. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  headers: string[];
  records: CsvRecord[];
  /** Rows the parser could not read (unbalanced quotes). */
  problems: ImportProblem[];
  /** Whether any cell may hold a control character (other than tab and line breaks). */
  hasControlCharacters: boolean;
}

const delimiterNames: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export function describeDelimiter(d: Delimiter): string {
  return delimiterNames[d];
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export function readCsv(fileName: string, text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
    header: false,
  });
  const data = parsed.data;
  const headerCells = data[0];
  if (!headerCells || isBlank(headerCells)) {
    throw wordedError('invalid_input', 'csvNoHeader', { file: fileName });
  }
  const delimiter: Delimiter =
    parsed.meta.delimiter === ';' || parsed.meta.delimiter === '\t' ? parsed.meta.delimiter : ',';
  const headers = headerCells.map((h, i) => h.trim() || `(column ${i + 1})`);
  const seen = new Set<string>();
  const duplicates = headers.filter((h) => (seen.has(h) ? true : (seen.add(h), false)));
  if (duplicates.length > 0) {
    const columns = [...new Set(duplicates)].map((h) => `"${h}"`).join(', ');
    throw wordedError(
      'invalid_input',
      'csvDuplicateColumns',
      { file: fileName, columns },
      { duplicateHeaders: duplicates },
    );
  }
  const problems: ImportProblem[] = [];
  for (const e of parsed.errors) {
    if (e.type === 'Quotes' && typeof e.row === 'number') {
      problems.push({
        row: e.row + 1,
        column: null,
        message: `${e.message}: a quoted field is not closed, so this row and the ones after it cannot be read reliably.`,
      });
    }
  }
  const records: CsvRecord[] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i];
    if (!cells || isBlank(cells)) continue;
    records.push({ row: i + 1, cells });
  }
  return {
    delimiter,
    headers,
    records,
    problems,
    hasControlCharacters: controlCharacters.test(text),
  };
}
