import type Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { boundTables, held, type BoundTable, type BoundTableName } from './bound-tables';

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

type SqlValue = string | number | bigint | Buffer | null;

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
    const v = row[name] ?? null;
    if (v === null) image[name] = null;
    else if (kind === 'digest' && !digestsStored) {
      image[name] = digestOf(typeof v === 'bigint' ? String(v) : (v as string | Buffer));
    } else if (kind === 'digest') image[name] = String(v);
    else if (Buffer.isBuffer(v)) image[name] = v.toString('hex');
    else if (typeof v === 'bigint') image[name] = Number(v);
    else image[name] = v;
  }
  return image;
}

const sortedColumns = new WeakMap<BoundTable, BoundTable['columns']>();

function columnsInKeyOrder(table: BoundTable): BoundTable['columns'] {
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

export function mapKey(table: string, key: readonly unknown[]): string {
  return table + '\u0000' + JSON.stringify(key);
}

interface CaptureStatements {
  touched: Database.Statement<[], [string, string]>;
  clear: Database.Statement<[]>;
  rowBy: Map<BoundTableName, Database.Statement>;
  tables: Map<BoundTableName, BoundTable>;
}

const captureCache = new WeakMap<Database.Database, CaptureStatements>();

/**
 * Log, for this connection, the key of every bound row it inserts, updates or deletes: TEMP
 * triggers write to a TEMP table, inside the writer's transaction (so a rolled-back change
 * leaves no trace). appendAuditEvent folds what was logged into the event, so no handler can
 * forget to bind a row. Another connection's writes are not logged: they have no event, and
 * the replay check reports them.
 */
export function installRowCapture(db: Database.Database): void {
  const tables = boundTables(db);
  const statements: string[] = [
    `CREATE TEMP TABLE IF NOT EXISTS bound_touched (
       seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, k TEXT NOT NULL, UNIQUE (tbl, k))`,
  ];
  for (const t of tables) {
    const keyOf = (row: 'NEW' | 'OLD') =>
      `json_array(${t.key.map((k) => `${row}.${k}`).join(', ')})`;
    // Not INSERT OR IGNORE: an outer statement's conflict clause would override it.
    const log = (row: 'NEW' | 'OLD') =>
      `INSERT INTO temp.bound_touched (tbl, k) SELECT '${t.name}', ${keyOf(row)} WHERE NOT EXISTS
         (SELECT 1 FROM temp.bound_touched WHERE tbl = '${t.name}' AND k = ${keyOf(row)});`;
    statements.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS bound_${t.name}_insert AFTER INSERT ON main.${t.name}
       BEGIN ${log('NEW')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS bound_${t.name}_update AFTER UPDATE ON main.${t.name}
       BEGIN ${log('OLD')} ${log('NEW')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS bound_${t.name}_delete AFTER DELETE ON main.${t.name}
       BEGIN ${log('OLD')} END`,
    );
  }
  for (const sql of statements) db.exec(sql);
  captureCache.set(db, {
    touched: db
      .prepare<[], [string, string]>('SELECT tbl, k FROM temp.bound_touched ORDER BY seq')
      .raw(true),
    clear: db.prepare('DELETE FROM temp.bound_touched'),
    rowBy: new Map(tables.map((t) => [t.name, rowStatement(db, t)])),
    tables: new Map(tables.map((t) => [t.name, t])),
  });
}

function rowStatement(db: Database.Database, t: BoundTable): Database.Statement {
  return db.prepare(
    `SELECT * FROM main.${t.name} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`,
  );
}

/** Whether this connection logs the bound rows it writes. */
export function capturesRows(db: Database.Database): boolean {
  return captureCache.has(db);
}

/**
 * The images of the bound rows this connection has written since the last event, in table
 * order (parents first), and the log emptied. Empty when the connection does not capture.
 */
export function takeTouchedRows(db: Database.Database): BoundRowEntry[] {
  const s = captureCache.get(db);
  if (!s) return [];
  const logged = s.touched.all();
  if (logged.length === 0) return [];
  s.clear.run();
  const byTable = new Map<string, string[]>();
  for (const [tbl, k] of logged) {
    const list = byTable.get(tbl);
    if (list) list.push(k);
    else byTable.set(tbl, [k]);
  }
  const entries: BoundRowEntry[] = [];
  for (const [name, table] of s.tables) {
    for (const k of byTable.get(name) ?? []) {
      const key = JSON.parse(k) as (string | number)[];
      const row = held(s.rowBy, name).get(...key) as Record<string, SqlValue> | undefined;
      entries.push([name, key, row ? rowImage(table, row) : null]);
    }
  }
  return entries;
}

/** Rows this connection wrote that no event has taken yet (outside a transaction: a leak). */
export function pendingTouchedRows(db: Database.Database): [string, (string | number)[]][] {
  const s = captureCache.get(db);
  if (!s) return [];
  return s.touched.all().map(([tbl, k]) => [tbl, JSON.parse(k) as (string | number)[]]);
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
