/**
 * What an import would do, row by row: validate every row (all problems, with row, column and
 * reason), then compare the valid ones with the stored devices by asset tag. Written for 100,000
 * rows: values are plain arrays in the order of the mapped fields, not objects per row.
 */
import type Database from 'better-sqlite3';
import type { ColumnMapping, DeviceFieldName, ImportProblem } from '../../api/domains/inventory';
import { deviceColumns } from '../devices/device-row';
import type { CsvTable } from './csv-read';
import { describeDelimiter } from './csv-read';
import { CellProblem, parseCell, type FieldValue } from './field-rules';

export interface ValidRow {
  row: number;
  /** In the order of RowCheck.fields. */
  values: FieldValue[];
}

export interface RowCheck {
  /** The mapped fields, in column order; the asset tag among them. */
  fields: DeviceFieldName[];
  valid: ValidRow[];
  problems: ImportProblem[];
  /** Rows with at least one problem. */
  invalidRows: Set<number>;
}

/** Validate every row of the table with the mapping; problems are in row order. */
export function checkRows(table: CsvTable, mapping: ColumnMapping): RowCheck {
  const columns: { header: string; index: number; field: DeviceFieldName }[] = [];
  table.headers.forEach((header, index) => {
    const field = mapping[header];
    if (field) columns.push({ header, index, field });
  });
  const fields = columns.map((c) => c.field);
  const tagAt = fields.indexOf('assetTag');
  const tagHeader = columns[tagAt]?.header ?? null;
  const problems: ImportProblem[] = [...table.problems];
  const invalidRows = new Set(table.problems.map((p) => p.row));
  const firstRowOfTag = new Map<string, number>();
  const valid: ValidRow[] = [];
  const width = table.headers.length;
  for (const record of table.records) {
    const { row, cells } = record;
    let bad = false;
    if (cells.length !== width) {
      bad = true;
      problems.push({
        row,
        column: null,
        message:
          cells.length > width
            ? `This row has ${cells.length} fields but the header has ${width}: a field probably contains an unquoted ${describeDelimiter(table.delimiter)}. Quote that field or remove the extra one.`
            : `This row has ${cells.length} fields but the header has ${width}; fill in the missing ones (they may be empty).`,
      });
    } else {
      const values: FieldValue[] = new Array<FieldValue>(columns.length);
      // An indexed loop: entries() would allocate a pair per cell, two million for a large file.
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        if (!c) continue;
        const result = parseCell(c.field, cells[c.index] ?? '', table.hasControlCharacters);
        if (result instanceof CellProblem) {
          bad = true;
          problems.push({ row, column: c.header, message: result.message });
        } else {
          values[i] = result;
        }
      }
      const tag = values[tagAt];
      if (typeof tag === 'string') {
        const first = firstRowOfTag.get(tag);
        if (first !== undefined) {
          bad = true;
          problems.push({
            row,
            column: tagHeader,
            message: `Asset tag ${tag} is already used in row ${first} of this file; each device may appear once.`,
          });
        } else {
          firstRowOfTag.set(tag, row);
        }
      }
      if (!bad && !invalidRows.has(row)) valid.push({ row, values });
    }
    if (bad) invalidRows.add(row);
  }
  problems.sort((a, b) => a.row - b.row);
  return { fields, valid, problems, invalidRows };
}

export interface ExistingDevice {
  id: number;
  /** The stored values of the mapped fields as SQLite's json_array() writes them. */
  fingerprint: string;
}

export type RowPlan =
  | { kind: 'add'; row: ValidRow }
  | { kind: 'update'; row: ValidRow; id: number }
  | { kind: 'unchanged'; row: ValidRow; id: number };

/**
 * A file row as SQLite's json_array() writes the stored one, so that a stored device and a file
 * row compare as one string. Were the two encoders ever to differ on some character, the row
 * would count as updated and be written again with the same values.
 */
export function rowFingerprint(values: readonly FieldValue[]): string {
  return JSON.stringify(values);
}

/**
 * Stored devices by asset tag, each with one fingerprint of the fields the mapping touches:
 * SQLite builds it, so 100,000 devices cross into JavaScript as 100,000 strings, not 2 million
 * values.
 */
export function loadExisting(
  db: Database.Database,
  fields: readonly DeviceFieldName[],
): Map<string, ExistingDevice> {
  // Column names come from our own table (deviceColumns), never from the file.
  const rows = db
    .prepare(
      `SELECT id, asset_tag, json_array(${fields.map((f) => deviceColumns[f]).join(', ')}) FROM devices`,
    )
    .raw(true)
    .all() as [number, string, string][];
  const out = new Map<string, ExistingDevice>();
  for (const [id, tag, print] of rows) out.set(tag, { id, fingerprint: print });
  return out;
}

export function planRows(
  fields: readonly DeviceFieldName[],
  valid: readonly ValidRow[],
  existing: Map<string, ExistingDevice>,
): RowPlan[] {
  const tagAt = fields.indexOf('assetTag');
  return valid.map((row) => {
    const found = existing.get(String(row.values[tagAt]));
    if (!found) return { kind: 'add', row };
    return found.fingerprint === rowFingerprint(row.values)
      ? { kind: 'unchanged', row, id: found.id }
      : { kind: 'update', row, id: found.id };
  });
}
