import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** SQLite's identifier quoting: a table name can hold any character, even a quote. */
const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * One SHA-256 over the schema and every row of every table, in a fixed order (rowid, or every
 * column for tables without one), with values typed so that 1, '1' and x'01' all differ.
 * Equal hashes before and after a refused call mean the database content is unchanged, row for
 * row and byte for byte.
 */
export function tableHash(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  const schema = db
    .prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name')
    .all();
  hash.update(JSON.stringify(schema));
  for (const { name, sql } of tables) {
    const withoutRowid = /\bWITHOUT\s+ROWID\b/i.test(sql);
    const columns = (db.pragma(`table_info(${quoteIdentifier(name)})`) as { name: string }[]).map(
      (c) => quoteIdentifier(c.name),
    );
    const order = withoutRowid ? columns.join(', ') : 'rowid';
    const select = withoutRowid ? '*' : `rowid AS "(rowid)", *`;
    hash.update(`\0table ${name}\0`);
    const rows = db
      .prepare(`SELECT ${select} FROM ${quoteIdentifier(name)} ORDER BY ${order}`)
      .raw(true)
      .iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      hash.update(JSON.stringify(row.map(typedValue)));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

function typedValue(v: unknown): unknown {
  if (v === null) return null;
  if (Buffer.isBuffer(v)) return ['blob', v.toString('hex')];
  if (typeof v === 'bigint') return ['int', v.toString()];
  if (typeof v === 'number') return ['num', String(v)];
  return ['text', v];
}

/** The number of rows in every table, for a readable message when hashes differ. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((n) => [
      n,
      db
        .prepare(`SELECT count(*) FROM ${quoteIdentifier(n)}`)
        .pluck()
        .get() as number,
    ]),
  );
}
