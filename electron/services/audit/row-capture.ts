/**
 * Capture: the bound rows each connection writes, logged inside the writer's transaction and
 * taken into the next audit event (see row-images.ts for what an image is).
 */
import type Database from 'better-sqlite3';
import { boundTables, held, type BoundTable, type BoundTableName } from './bound-tables';
import { canonicalJson } from './hash';
import { imageTextSql } from './row-image-sql';
import { imageTextWriter } from './row-image-text';
import type { BoundRowsWriter } from './row-image-forms';
import { columnsInKeyOrder, type SqlValue } from './row-images';

interface CaptureStatements {
  /** The tables with logged rows. */
  tables: Database.Statement<[], [string]>;
  touched: Database.Statement<[], [string, string]>;
  clear: Database.Statement<[]>;
  rowsOf: Map<BoundTableName, Database.Statement>;
  /** For tables of plain values: the logged rows with their images written by SQLite. */
  textsOf: Map<BoundTableName, TextStatements>;
  byName: Map<BoundTableName, BoundTable>;
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
    tables: db.prepare<[], [string]>('SELECT DISTINCT tbl FROM temp.bound_touched').raw(true),
    touched: db
      .prepare<[], [string, string]>('SELECT tbl, k FROM temp.bound_touched ORDER BY seq')
      .raw(true),
    clear: db.prepare('DELETE FROM temp.bound_touched'),
    rowsOf: new Map(tables.map((t) => [t.name, touchedRowsStatement(db, t)])),
    textsOf: new Map(
      tables.flatMap((t) => {
        const texts = touchedTextsStatements(db, t);
        return texts ? [[t.name, texts] as const] : [];
      }),
    ),
    byName: new Map(tables.map((t) => [t.name, t])),
  });
}

/**
 * The rows of one table this connection logged, in the order they were logged: the logged key,
 * then the row as it stands now in columnsInKeyOrder (all NULL when it was deleted: a key column
 * of a matched row is never NULL, since NULL equals nothing). One statement for all of them.
 */
function touchedRowsStatement(db: Database.Database, t: BoundTable): Database.Statement {
  const on = keyJoin(t);
  const columns = columnsInKeyOrder(t).map((c) => `t."${c.name}"`);
  // `+b.tbl`: read the log in its own order (seq) rather than through the (tbl, k) index.
  return db
    .prepare(
      `SELECT b.k, ${columns.join(', ')} FROM temp.bound_touched b
       LEFT JOIN main.${t.name} t ON ${on} WHERE +b.tbl = '${t.name}' ORDER BY b.seq`,
    )
    .raw(true);
}

function keyJoin(t: BoundTable): string {
  return t.key.map((k, i) => `t.${k} = json_extract(b.k, '$[${i}]')`).join(' AND ');
}

interface TextStatements {
  /**
   * Up to `rowsPerChunk` logged rows after a `seq`: how many, how many SQLite wrote (all of them
   * unless one is gone or holds a value only JavaScript writes exactly), the last `seq`, and the
   * rows it wrote, comma-separated, as UTF-8 bytes: an import's 100,000 rows never become
   * 100,000 strings.
   */
  chunk: Database.Statement;
  /** The logged rows with `seq` in a range: key, whether the row is gone, its values as text. */
  texts: Database.Statement;
  /** One logged row's values in columnsInKeyOrder, for the few SQLite cannot write. */
  row: Database.Statement;
}

const rowsPerChunk = 4096;

/** As touchedRowsStatement, the values written by SQLite (see row-image-sql.ts); null if it cannot. */
function touchedTextsStatements(db: Database.Database, t: BoundTable): TextStatements | null {
  const image = imageTextSql(t, 't');
  if (image === null) return null;
  const columns = columnsInKeyOrder(t).map((c) => `t."${c.name}"`);
  const on = keyJoin(t);
  const logged = `FROM temp.bound_touched b LEFT JOIN main.${t.name} t ON ${on}
                  WHERE +b.tbl = '${t.name}' AND b.seq > ?`;
  return {
    chunk: db
      .prepare(
        `SELECT count(*), count(v), max(seq), CAST(group_concat(v, ',' ORDER BY seq) AS BLOB)
           FROM (SELECT b.seq AS seq, iif(t.${t.key[0]} IS NULL, NULL, ${image}) AS v
                 ${logged} ORDER BY b.seq LIMIT ${rowsPerChunk})`,
      )
      .raw(true),
    texts: db
      .prepare(
        `SELECT b.k, t.${t.key[0]} IS NULL, ${image} ${logged} AND b.seq <= ? ORDER BY b.seq`,
      )
      .raw(true),
    row: db
      .prepare(`SELECT ${columns.join(', ')} FROM (SELECT ? AS k) b JOIN main.${t.name} t ON ${on}`)
      .raw(true),
  };
}

/** Whether this connection logs the bound rows it writes. */
export function capturesRows(db: Database.Database): boolean {
  return captureCache.has(db);
}

/** A key as SQLite's json_array() logged it, as canonical JSON: most are one integer, as is. */
function canonicalKey(logged: string): string {
  return /^\[-?[1-9]\d{0,14}\]$/.test(logged) ? logged : canonicalJson(JSON.parse(logged));
}

/**
 * Hand the bound rows this connection has written since the last event to `rows` (form 2 of
 * row-image-forms.ts, as canonical JSON text), in table order (parents first), and empty the
 * log. Nothing when the connection does not capture. Each row exists only as its line of text:
 * an import of 100,000 devices would otherwise hold 100,000 images (and their rows) until the
 * event is written, and the young generation's collections would copy them again and again.
 */
export function takeTouchedRows(db: Database.Database, rows: BoundRowsWriter): void {
  const s = captureCache.get(db);
  if (!s) return;
  const touched = new Set(s.tables.all().map(([tbl]) => tbl));
  if (touched.size === 0) return;
  for (const [name, table] of s.byName) {
    if (!touched.has(name)) continue;
    const image = imageTextWriter(table);
    const texts = s.textsOf.get(name);
    if (texts) {
      for (let after = 0; ;) {
        const [count, written, last, text] = texts.chunk.get(after) as [
          number,
          number,
          number | null,
          Buffer | null,
        ];
        if (count === 0 || last === null) break;
        if (written === count && text) rows.rowBytes(table, text);
        else {
          for (const [k, gone, values] of texts.texts.iterate(after, last) as IterableIterator<
            [string, number, string | null]
          >) {
            if (gone) rows.deleted(table, canonicalKey(k));
            else rows.row(table, values ?? image(texts.row.get(k) as SqlValue[], 0));
          }
        }
        if (count < rowsPerChunk) break;
        after = last;
      }
      continue;
    }
    // Where the first key column stands among the row's values (after the logged key).
    const keyAt = 1 + columnsInKeyOrder(table).findIndex((c) => c.name === table.key[0]);
    for (const values of held(s.rowsOf, name).iterate() as IterableIterator<SqlValue[]>) {
      if (values[keyAt] === null) rows.deleted(table, canonicalKey(String(values[0])));
      else rows.row(table, image(values, 1));
    }
  }
  s.clear.run();
}

/** Rows this connection wrote that no event has taken yet (outside a transaction: a leak). */
export function pendingTouchedRows(db: Database.Database): [string, (string | number)[]][] {
  const s = captureCache.get(db);
  if (!s) return [];
  return s.touched.all().map(([tbl, k]) => [tbl, JSON.parse(k) as (string | number)[]]);
}
