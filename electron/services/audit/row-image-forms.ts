import type { BoundTable, BoundTableName } from './bound-tables';
import { canonicalJson } from './hash';
import {
  boundRowsKey,
  columnsInKeyOrder,
  type BoundRowEntry,
  type ImageValue,
  type RowImage,
} from './row-images';

/**
 * The two forms in which an event's payload carries its bound rows (under `boundRows`):
 *
 * - form 1, written until the compact form came: a list of `[table, key, image]` entries, each
 *   image an object naming every column (`null` for a deleted row);
 * - form 2, compact: `{"form":2,"runs":[…]}`, the entries in the same order grouped into runs of
 *   one table, either `{"columns":[…],"rows":[[…],…],"table":…}` (the column names once, each
 *   row's values in their order; the key is the row's own key columns) or
 *   `{"deleted":[key,…],"table":…}`. An import of 100,000 devices no longer writes the 26
 *   column names 100,000 times.
 *
 * Every reader (the replay check, the record as of an event, applying another station's events)
 * reads them through readBoundRows (or expandBoundRows, which builds each row's image from it);
 * appendAuditEvent writes form 2 through BoundRowsWriter.
 */
export const compactForm = 2;

/** A row's values in the order form 2 writes them (columnsInKeyOrder). */
export function imageValues(table: BoundTable, image: RowImage): ImageValue[] {
  return columnsInKeyOrder(table).map((c) => image[c.name] ?? null);
}

type Tables = ReadonlyMap<BoundTableName, BoundTable>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function tableOf(tables: Tables, name: unknown, where: string): BoundTable {
  // A map lookup (every bound table is in `tables`): the replay check reads millions of entries.
  const table = typeof name === 'string' ? tables.get(name as BoundTableName) : undefined;
  if (!table) throw new Error(`${where} names a table that is not bound: ${String(name)}`);
  return table;
}

function isKey(table: BoundTable, key: unknown): key is (string | number)[] {
  if (!Array.isArray(key) || key.length !== table.key.length) return false;
  for (const v of key as unknown[])
    if (typeof v !== 'string' && typeof v !== 'number') return false;
  return true;
}

function keyError(table: BoundTable, where: string): Error {
  return new Error(`${where}: the key of ${table.name} must be [${table.key.join(', ')}]`);
}

const knownColumns = new WeakMap<BoundTable, Set<string>>();

function known(table: BoundTable): Set<string> {
  let names = knownColumns.get(table);
  if (!names) knownColumns.set(table, (names = new Set(table.columns.map((c) => c.name))));
  return names;
}

/**
 * The columns a run of rows carries (form 2: once per run, named in the run; form 1 and deleted
 * rows: every column of the table, in columnsInKeyOrder): their names in the order of each row's
 * values, and for each column of the table in columnsInKeyOrder its place among them (-1: not
 * carried, read as null). A run that carries every column in that order, as the app writes
 * them, shares the table's one RowColumns.
 */
export interface RowColumns {
  table: BoundTable;
  names: readonly string[];
  placeOf: readonly number[];
}

/** A row's values in the order of its RowColumns' names (the event's own list: not to be changed). */
export type RowValues = readonly ImageValue[];

/** Called for each bound row an event carries, in the order written; `values` null: deleted. */
export type BoundRowVisitor = (
  columns: RowColumns,
  key: (string | number)[],
  values: RowValues | null,
) => void;

const allColumns = new WeakMap<BoundTable, RowColumns>();

/** The RowColumns of every column of the table in columnsInKeyOrder. */
export function tableColumns(table: BoundTable): RowColumns {
  let columns = allColumns.get(table);
  if (!columns) {
    const names = columnsInKeyOrder(table).map((c) => c.name);
    columns = { table, names, placeOf: names.map((_, i) => i) };
    allColumns.set(table, columns);
  }
  return columns;
}

/** The columns a run names, checked (a run naming every column in order, as written, at once). */
function runColumns(table: BoundTable, names: unknown, where: string): RowColumns {
  const all = tableColumns(table);
  if (Array.isArray(names) && names.length === all.names.length) {
    let same = true;
    for (let i = 0; i < names.length && same; i++) same = names[i] === all.names[i];
    if (same) return all;
  }
  const checked = checkColumns(table, names, where);
  return { table, names: checked, placeOf: all.names.map((n) => checked.indexOf(n)) };
}

/** The value of a row's column, given as its place in columnsInKeyOrder(table). */
export function valueAt(columns: RowColumns, values: RowValues, column: number): ImageValue {
  const at = columns.placeOf[column] ?? -1;
  return at < 0 ? null : (values[at] ?? null);
}

/**
 * The one reader of the bound rows an event's payload carries, in either form: each row is
 * handed to `visit` as its values with the columns of its run (an object per row costs the
 * replay check of a million events more than a second), checked for shape (an event may come
 * from another station): a known bound table, a key with one value per key column, values
 * naming only the table's columns. `tables`: the bound tables of the database read for.
 */
export function readBoundRows(payload: unknown, tables: Tables, visit: BoundRowVisitor): void {
  if (!isRecord(payload)) return;
  const rows = payload[boundRowsKey];
  if (rows === undefined) return;
  if (Array.isArray(rows)) return readForm1(rows, tables, visit);
  if (isRecord(rows) && rows.form === compactForm) return readForm2(rows, tables, visit);
  const form = isRecord(rows) ? ` (form ${JSON.stringify(rows.form) ?? 'missing'})` : '';
  throw new Error(`${boundRowsKey} is in a form this app does not read${form}`);
}

/**
 * The bound rows an event's payload carries, as `[table, key, image]` entries in the order they
 * were written (read by readBoundRows); the image names the columns the row carries.
 */
export function expandBoundRows(payload: unknown, tables: Tables): BoundRowEntry[] {
  const entries: BoundRowEntry[] = [];
  readBoundRows(payload, tables, (columns, key, values) => {
    let image: RowImage | null = null;
    if (values) {
      image = {};
      for (let c = 0; c < columns.names.length; c++)
        image[columns.names[c] as string] = values[c] ?? null;
    }
    entries.push([columns.table.name, key, image]);
  });
  return entries;
}

function readForm1(rows: unknown[], tables: Tables, visit: BoundRowVisitor): void {
  rows.forEach((entry, i) => {
    const where = `${boundRowsKey}[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3)
      throw new Error(`${where} is not [table, key, row]`);
    const [name, key, image] = entry as unknown[];
    const table = tableOf(tables, name, where);
    if (!isKey(table, key)) throw keyError(table, where);
    if (image === null) return visit(tableColumns(table), key, null);
    if (!isRecord(image)) throw new Error(`${where}: the row is not an object`);
    const names = known(table);
    for (const column in image) {
      if (!names.has(column)) throw new Error(`${where}: ${table.name} has no column ${column}`);
    }
    const columns = tableColumns(table);
    visit(
      columns,
      key,
      columns.names.map((c) => (image[c] ?? null) as ImageValue),
    );
  });
}

function isValueList(values: unknown, length: number): values is ImageValue[] {
  if (!Array.isArray(values) || values.length !== length) return false;
  for (const v of values as unknown[]) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return false;
  }
  return true;
}

function readForm2(rows: Record<string, unknown>, tables: Tables, visit: BoundRowVisitor): void {
  const runs = rows.runs;
  if (!Array.isArray(runs)) throw new Error(`${boundRowsKey}.runs is not a list`);
  runs.forEach((run: unknown, r) => {
    const where = `${boundRowsKey}.runs[${r}]`;
    if (!isRecord(run)) throw new Error(`${where} is not an object`);
    const table = tableOf(tables, run.table, where);
    if (run.deleted !== undefined) {
      if (!Array.isArray(run.deleted) || run.columns !== undefined || run.rows !== undefined)
        throw new Error(`${where}: deleted must be a list of keys, alone`);
      const columns = tableColumns(table);
      run.deleted.forEach((key: unknown, i) => {
        if (!isKey(table, key)) throw keyError(table, `${where}.deleted[${i}]`);
        visit(columns, key, null);
      });
      return;
    }
    const columns = runColumns(table, run.columns, where);
    if (!Array.isArray(run.rows)) throw new Error(`${where}: rows is not a list`);
    const names = columns.names;
    const keyAt = table.key.map((k) => names.indexOf(k));
    const list = run.rows as unknown[];
    for (let i = 0; i < list.length; i++) {
      const values = list[i];
      if (!isValueList(values, names.length)) {
        throw new Error(
          `${where}.rows[${i}] is not a list of ${names.length} values (text, numbers or null)`,
        );
      }
      const key = keyAt.map((at) => values[at]);
      // The key is checked where it is read, so the place is written only for a refusal.
      if (!isKey(table, key)) throw keyError(table, `${where}.rows[${i}]`);
      visit(columns, key, values);
    }
  });
}

function checkColumns(table: BoundTable, columns: unknown, where: string): string[] {
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
    throw new Error(`${where}: columns is not a list of names`);
  const names = known(table);
  for (const column of columns) {
    if (!names.has(column)) throw new Error(`${where}: ${table.name} has no column ${column}`);
  }
  if (new Set(columns).size !== columns.length)
    throw new Error(`${where}: a column of ${table.name} is named twice`);
  const missing = table.key.find((k) => !columns.includes(k));
  if (missing !== undefined)
    throw new Error(`${where}: the rows of ${table.name} lack their key column ${missing}`);
  return columns as string[];
}

/**
 * Writes an event's bound rows in form 2, as canonical JSON text handed to `write` piece by
 * piece (an import's 100,000 rows never exist as one string). `start` is called before the
 * first piece (the payload's text up to `"boundRows":`); nothing is written when no row comes.
 * Consecutive rows of one table, written or deleted, share one run.
 */
export class BoundRowsWriter {
  private run: { table: BoundTable; deleted: boolean } | null = null;

  constructor(
    private readonly write: (text: string | Buffer) => void,
    private readonly start: () => void,
  ) {}

  /** A row as it stands: its values as a JSON list in columnsInKeyOrder (canonical text). */
  row(table: BoundTable, valuesText: string): void {
    this.enter(table, false);
    this.write(valuesText);
  }

  /** Rows as `row` takes them, several, comma-separated, as UTF-8 bytes. */
  rowBytes(table: BoundTable, valuesBytes: Buffer): void {
    this.enter(table, false);
    this.write(valuesBytes);
  }

  /** A deleted row: its key as canonical JSON. */
  deleted(table: BoundTable, keyText: string): void {
    this.enter(table, true);
    this.write(keyText);
  }

  /** An entry given as data (a baseline's rows). */
  entry(table: BoundTable, key: (string | number)[], image: RowImage | null): void {
    if (image === null) this.deleted(table, canonicalJson(key));
    else this.row(table, canonicalJson(imageValues(table, image)));
  }

  /** Close what is open; whether any row was written. */
  end(): boolean {
    if (!this.run) return false;
    this.write(`${this.closing()}]}`);
    this.run = null;
    return true;
  }

  private closing(): string {
    return `],"table":${JSON.stringify(this.run?.table.name)}}`;
  }

  private enter(table: BoundTable, deleted: boolean): void {
    const run = this.run;
    if (run && run.table.name === table.name && run.deleted === deleted) {
      this.write(',');
      return;
    }
    if (run) this.write(`${this.closing()},`);
    else {
      this.start();
      this.write(`{"form":${compactForm},"runs":[`);
    }
    this.write(
      deleted
        ? '{"deleted":['
        : `{"columns":${canonicalJson(columnsInKeyOrder(table).map((c) => c.name))},"rows":[`,
    );
    this.run = { table, deleted };
  }
}
