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
      for (const [i, c] of columns.entries()) {
        const result = parseCell(c.field, cells[c.index] ?? '');
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
  /** The stored value of each mapped field (in RowCheck.fields order), as the importer writes it. */
  values: FieldValue[];
}

export type RowPlan =
  | { kind: 'add'; row: ValidRow }
  | { kind: 'update'; row: ValidRow; id: number }
  | { kind: 'unchanged'; row: ValidRow; id: number };

/** Stored devices by asset tag, with the fields the mapping touches. */
export function loadExisting(
  db: Database.Database,
  fields: readonly DeviceFieldName[],
): Map<string, ExistingDevice> {
  // Column names come from our own table (deviceColumns), never from the file.
  const rows = db
    .prepare(`SELECT id, asset_tag, ${fields.map((f) => deviceColumns[f]).join(', ')} FROM devices`)
    .raw(true)
    .all() as unknown[][];
  const boolAt = fields.indexOf('remoteUpdateCapable');
  const out = new Map<string, ExistingDevice>();
  for (const r of rows) {
    const values = r.slice(2) as FieldValue[];
    if (boolAt >= 0) {
      const v = values[boolAt] as unknown;
      values[boolAt] = v === null ? null : v === 1;
    }
    out.set(String(r[1]), { id: Number(r[0]), values });
  }
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
    for (let i = 0; i < row.values.length; i++) {
      if (found.values[i] !== row.values[i]) return { kind: 'update', row, id: found.id };
    }
    return { kind: 'unchanged', row, id: found.id };
  });
}
