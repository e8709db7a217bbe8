import type Database from 'better-sqlite3';
import { boundTables, held, type BoundTable, type BoundTableName } from './bound-tables';
import { expandBoundRows } from './row-image-forms';
import type { BoundRowEntry } from './row-images';

/**
 * The bound rows an event carries, in either form, checked for shape (an event may come from
 * another station): see expandBoundRows.
 */
export function eventBoundRows(db: Database.Database, payload: unknown): BoundRowEntry[] {
  return expandBoundRows(payload, tableMap(db));
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
