import type Database from 'better-sqlite3';
import {
  boundTables,
  held,
  isBoundTable,
  type BoundTable,
  type BoundTableName,
} from './bound-tables';
import { boundRowsKey, type BoundRowEntry, type RowImage } from './row-images';

/**
 * The bound rows an event carries, checked for shape (an event may come from another station):
 * a known bound table, a key with one value per key column, an image naming only its columns.
 */
export function eventBoundRows(db: Database.Database, payload: unknown): BoundRowEntry[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const rows = (payload as Record<string, unknown>)[boundRowsKey];
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) throw new Error(`${boundRowsKey} is not a list`);
  const tables = tableMap(db);
  return rows.map((entry, i): BoundRowEntry => {
    const where = `${boundRowsKey}[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3)
      throw new Error(`${where} is not [table, key, row]`);
    const [name, key, image] = entry as unknown[];
    if (typeof name !== 'string' || !isBoundTable(name)) {
      throw new Error(`${where} names a table that is not bound: ${String(name)}`);
    }
    const table = held(tables, name);
    if (
      !Array.isArray(key) ||
      key.length !== table.key.length ||
      !key.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      throw new Error(`${where}: the key of ${name} must be [${table.key.join(', ')}]`);
    }
    if (image !== null) {
      if (typeof image !== 'object' || Array.isArray(image))
        throw new Error(`${where}: the row is not an object`);
      const known = new Set(table.columns.map((c) => c.name));
      for (const column of Object.keys(image)) {
        if (!known.has(column)) throw new Error(`${where}: ${name} has no column ${column}`);
      }
    }
    return [name, key as (string | number)[], image as RowImage | null];
  });
}

function tableMap(db: Database.Database): Map<BoundTableName, BoundTable> {
  return new Map(boundTables(db).map((t) => [t.name, t]));
}

export interface ApplyOptions {
  /**
   * The value of a column bound by its digest (a credential hash, an advisory document), which
   * the event does not carry. Without it, the digest itself is written, which is what a scratch
   * database compares.
   */
  resolveDigest?: (table: BoundTableName, column: string, digest: string) => string | Buffer;
}

interface ApplyStatements {
  upsert: Map<BoundTableName, Database.Statement>;
  remove: Map<BoundTableName, Database.Statement>;
}

const applyCache = new WeakMap<Database.Database, ApplyStatements>();

function applyStatements(db: Database.Database): ApplyStatements {
  let s = applyCache.get(db);
  if (!s) {
    const tables = boundTables(db);
    s = {
      upsert: new Map(
        tables.map((t) => {
          const names = t.columns.map((c) => c.name);
          const rest = names.filter((n) => !t.key.includes(n));
          return [
            t.name,
            db.prepare(
              `INSERT INTO main.${t.name} (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})
               ON CONFLICT (${t.key.join(', ')}) DO ${
                 rest.length
                   ? `UPDATE SET ${rest.map((n) => `${n} = excluded.${n}`).join(', ')}`
                   : 'NOTHING'
               }`,
            ),
          ];
        }),
      ),
      remove: new Map(
        tables.map((t) => [
          t.name,
          db.prepare(
            `DELETE FROM main.${t.name} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`,
          ),
        ]),
      ),
    };
    applyCache.set(db, s);
  }
  return s;
}

/**
 * Write the bound rows of one event into a database with the app's schema: each row becomes the
 * image the event carries, or is deleted. Deletions go first (children before parents), then
 * the rows written (parents first). It depends only on the event, not on this database's chain
 * or head, so it replays this database's own events into a scratch copy as well as another
 * station's events into this one. Run it inside the caller's transaction.
 */
export function applyEventRows(
  db: Database.Database,
  event: { payload: unknown },
  options: ApplyOptions = {},
): number {
  const entries = eventBoundRows(db, event.payload);
  if (entries.length === 0) return 0;
  const s = applyStatements(db);
  const tables = tableMap(db);
  const order = boundTables(db).map((t) => t.name);
  const rank = (e: BoundRowEntry) => order.indexOf(e[0]);
  const deletions = entries.filter((e) => e[2] === null).sort((a, b) => rank(b) - rank(a));
  const writes = entries.filter((e) => e[2] !== null).sort((a, b) => rank(a) - rank(b));
  for (const [name, key] of deletions) held(s.remove, name).run(...key);
  for (const [name, , image] of writes) {
    if (image === null) continue;
    const table = held(tables, name);
    const values: Record<string, unknown> = {};
    for (const { name: column, kind } of table.columns) {
      const v = image[column] ?? null;
      if (v === null) values[column] = null;
      else if (kind === 'blob') values[column] = Buffer.from(String(v), 'hex');
      else if (kind === 'digest')
        values[column] = options.resolveDigest?.(name, column, String(v)) ?? v;
      else values[column] = v;
    }
    held(s.upsert, name).run(values);
  }
  return entries.length;
}
