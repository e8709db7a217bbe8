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
 * reads them through expandBoundRows; appendAuditEvent writes form 2 through BoundRowsWriter.
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

function checkKey(table: BoundTable, key: unknown, where: string): (string | number)[] {
  if (
    !Array.isArray(key) ||
    key.length !== table.key.length ||
    !key.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw new Error(`${where}: the key of ${table.name} must be [${table.key.join(', ')}]`);
  }
  return key as (string | number)[];
}

const knownColumns = new WeakMap<BoundTable, Set<string>>();

function known(table: BoundTable): Set<string> {
  let names = knownColumns.get(table);
  if (!names) knownColumns.set(table, (names = new Set(table.columns.map((c) => c.name))));
  return names;
}

/**
 * The bound rows an event's payload carries, in either form, as `[table, key, image]` entries in
 * the order they were written, checked for shape (an event may come from another station): a
 * known bound table, a key with one value per key column, an image naming only its columns.
 * `tables`: the bound tables of the database the rows are read for.
 */
export function expandBoundRows(payload: unknown, tables: Tables): BoundRowEntry[] {
  if (!isRecord(payload)) return [];
  const rows = payload[boundRowsKey];
  if (rows === undefined) return [];
  if (Array.isArray(rows)) return expandForm1(rows, tables);
  if (isRecord(rows) && rows.form === compactForm) return expandForm2(rows, tables);
  const form = isRecord(rows) ? ` (form ${JSON.stringify(rows.form) ?? 'missing'})` : '';
  throw new Error(`${boundRowsKey} is in a form this app does not read${form}`);
}

function expandForm1(rows: unknown[], tables: Tables): BoundRowEntry[] {
  return rows.map((entry, i): BoundRowEntry => {
    const where = `${boundRowsKey}[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3)
      throw new Error(`${where} is not [table, key, row]`);
    const [name, key, image] = entry as unknown[];
    const table = tableOf(tables, name, where);
    const checked = checkKey(table, key, where);
    if (image !== null) {
      if (!isRecord(image)) throw new Error(`${where}: the row is not an object`);
      const names = known(table);
      for (const column in image) {
        if (!names.has(column)) throw new Error(`${where}: ${table.name} has no column ${column}`);
      }
    }
    return [table.name, checked, image as RowImage | null];
  });
}

const isImageValue = (v: unknown): v is ImageValue =>
  v === null || typeof v === 'string' || typeof v === 'number';

function expandForm2(rows: Record<string, unknown>, tables: Tables): BoundRowEntry[] {
  const runs = rows.runs;
  if (!Array.isArray(runs)) throw new Error(`${boundRowsKey}.runs is not a list`);
  const entries: BoundRowEntry[] = [];
  runs.forEach((run: unknown, r) => {
    const where = `${boundRowsKey}.runs[${r}]`;
    if (!isRecord(run)) throw new Error(`${where} is not an object`);
    const table = tableOf(tables, run.table, where);
    if (run.deleted !== undefined) {
      if (!Array.isArray(run.deleted) || run.columns !== undefined || run.rows !== undefined)
        throw new Error(`${where}: deleted must be a list of keys, alone`);
      run.deleted.forEach((key: unknown, i) => {
        entries.push([table.name, checkKey(table, key, `${where}.deleted[${i}]`), null]);
      });
      return;
    }
    const columns = checkColumns(table, run.columns, where);
    if (!Array.isArray(run.rows)) throw new Error(`${where}: rows is not a list`);
    const keyAt = table.key.map((k) => columns.indexOf(k));
    run.rows.forEach((values: unknown, i) => {
      if (
        !Array.isArray(values) ||
        values.length !== columns.length ||
        !values.every(isImageValue)
      ) {
        throw new Error(
          `${where}.rows[${i}] is not a list of ${columns.length} values (text, numbers or null)`,
        );
      }
      const image: RowImage = {};
      for (let c = 0; c < columns.length; c++)
        image[columns[c] as string] = values[c] as ImageValue;
      const key = keyAt.map((at) => values[at] as ImageValue);
      entries.push([table.name, checkKey(table, key, `${where}.rows[${i}]`), image]);
    });
  });
  return entries;
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
