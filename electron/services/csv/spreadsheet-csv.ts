/**
 * Every CSV the app writes goes through `spreadsheetCsv`: a byte order mark, CRLF, and every
 * cell (the header row too) passed through `neutraliseCell`, so that a device note or a reason
 * a spreadsheet would run as a formula stays text.
 */
import Papa from 'papaparse';

/** Characters a spreadsheet may start a formula with, in their ASCII and full-width forms. */
const formulaStarts = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
/** Leading characters a spreadsheet may skip before it looks for a formula. */
const skippedLeading = /^[\s\u00A0\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]*/;

/** The guard put in front of a risky cell; the inventory importer takes it off again. */
export const formulaGuard = "'";

function startsFormula(text: string): boolean {
  // A tab or line break first is a formula start of its own to some spreadsheets; others skip
  // white space (NBSP and the ideographic space too) and look at the first visible character.
  if (/^[\t\r\n]/.test(text)) return true;
  const rest = text.slice(skippedLeading.exec(text)?.[0].length ?? 0);
  return formulaStarts.has(rest.charAt(0));
}

/**
 * Whether a cell needs the guard. A cell that already starts with the guard before a risky
 * text is guarded again, so that taking one guard off on import gives back the exact text.
 */
export function needsFormulaGuard(text: string): boolean {
  if (text.length === 0) return false;
  if (startsFormula(text)) return true;
  return text.startsWith(formulaGuard) && needsFormulaGuard(text.slice(formulaGuard.length));
}

/** A cell as a spreadsheet must read it: as text, never as a formula. */
export function neutraliseCell(text: string): string {
  return needsFormulaGuard(text) ? formulaGuard + text : text;
}

/** The cell as it was before `neutraliseCell` (for importing our own exports again). */
export function withoutFormulaGuard(text: string): string {
  const inner = text.slice(formulaGuard.length);
  return text.startsWith(formulaGuard) && needsFormulaGuard(inner) ? inner : text;
}

/** CSV for spreadsheets, as every export of the app writes it. */
export function spreadsheetCsv(
  fields: readonly string[],
  data: readonly (readonly string[])[],
): string {
  const csv = Papa.unparse(
    { fields: fields.map(neutraliseCell), data: data.map((row) => row.map(neutraliseCell)) },
    // A guarded cell is quoted, so that readers that strip an unquoted apostrophe keep it.
    { quotes: (value: unknown) => String(value).startsWith(formulaGuard), newline: '\r\n' },
  );
  // papaparse ends a header without rows with a line break already.
  return `\uFEFF${csv}${csv.endsWith('\r\n') ? '' : '\r\n'}`;
}
