import type Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { boundTables, type BoundTable, type BoundTableName, type ColumnKind } from './bound-tables';

/** A bound column's value as an image holds it: JSON scalars; blobs in hex; digests as SHA-256. */
export type ImageValue = string | number | null;

/** A bound row as it stands after a change: column name to value, every column of the table. */
export type RowImage = Record<string, ImageValue>;

/**
 * What an event says about one bound row: its table, its primary key values (in key order), and
 * the row after the change, or null when the change deleted it. Stored in the event's payload
 * under `boundRows` as `[table, key, image]`, so the chain's hash covers it.
 */
export type BoundRowEntry = [
  table: BoundTableName,
  key: (string | number)[],
  image: RowImage | null,
];

export const boundRowsKey = 'boundRows';

export type SqlValue = string | number | bigint | Buffer | null;

export function digestOf(value: string | Buffer): string {
  return 'sha256:' + hash('sha256', value, 'hex');
}

/**
 * The image of a row read from SQLite; the one definition capture and comparison share.
 * `digestsStored`: the row comes from a replay, whose digest columns already hold digests.
 */
export function rowImage(
  table: BoundTable,
  row: Record<string, SqlValue>,
  digestsStored = false,
): RowImage {
  const image: RowImage = {};
  // In canonical key order, so the event's canonical JSON is written the fast way.
  for (const { name, kind } of columnsInKeyOrder(table)) {
    image[name] = imageValue(kind, row[name] ?? null, digestsStored);
  }
  return image;
}

/** One column's value as an image holds it (see rowImage). */
export function imageValue(kind: ColumnKind, v: SqlValue, digestsStored = false): ImageValue {
  if (v === null) return null;
  if (kind === 'digest' && !digestsStored) {
    return digestOf(typeof v === 'bigint' ? String(v) : (v as string | Buffer));
  }
  if (kind === 'digest') return String(v);
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return v.toString('hex');
}

const sortedColumns = new WeakMap<BoundTable, BoundTable['columns']>();

export function columnsInKeyOrder(table: BoundTable): BoundTable['columns'] {
  let columns = sortedColumns.get(table);
  if (!columns) {
    columns = [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    sortedColumns.set(table, columns);
  }
  return columns;
}

/** How a key is written in reports and used in maps: `id=3`, `case_id=3, section_id=…`. */
export function keyText(table: BoundTable, key: readonly unknown[]): string {
  return table.key.map((k, i) => `${k}=${JSON.stringify(key[i])}`).join(', ');
}

/** A row's key as text (`id=3`) and by its columns, for the reader to name in its words. */
export function rowKeyOf(
  table: BoundTable,
  key: readonly unknown[],
): { key: string; keyParts: { column: string; value: string | number }[] } {
  const keyParts = table.key.map((column, i) => {
    const value = key[i];
    return { column, value: typeof value === 'number' ? value : String(value) };
  });
  return { key: keyText(table, key), keyParts };
}

export function mapKey(table: string, key: readonly unknown[]): string {
  return table + '\u0000' + JSON.stringify(key);
}

/** The images of every bound row as they stand: a baseline for a database made before binding. */
export function allBoundRows(db: Database.Database): BoundRowEntry[] {
  const entries: BoundRowEntry[] = [];
  for (const t of boundTables(db)) {
    for (const row of db
      .prepare(`SELECT * FROM main.${t.name} ORDER BY ${t.key.join(', ')}`)
      .iterate() as IterableIterator<Record<string, SqlValue>>) {
      entries.push([t.name, t.key.map((k) => row[k] as string | number), rowImage(t, row)]);
    }
  }
  return entries;
}
