import type Database from 'better-sqlite3';

/**
 * The tables bound to the audit chain: every row the workflow, the board, the reports and the
 * PDFs read. Each audit event carries the images of the bound rows its change wrote, so that
 * replaying the events reproduces these tables exactly (see row-images.ts). Parents come before
 * the tables that refer to them, the order in which images are applied.
 *
 * `digest` columns are bound through the SHA-256 of their value rather than the value itself:
 * credential hashes (a PIN's scrypt hash in an exported trail could be brute-forced), the
 * encrypted signing key, and advisory documents (large, and already named by their sha256).
 *
 * Not bound: `drafts` (what a user was typing, read by no record) and the chain itself.
 */
export const boundTableList = [
  { table: 'settings', digest: [] },
  { table: 'users', digest: ['credential_hash'] },
  { table: 'user_roles', digest: [] },
  { table: 'signing_identities', digest: ['encrypted_key'] },
  { table: 'devices', digest: [] },
  { table: 'advisories', digest: [] },
  { table: 'advisory_revisions', digest: ['raw', 'normalized'] },
  { table: 'matches', digest: [] },
  { table: 'incidents', digest: [] },
  { table: 'incident_advisories', digest: [] },
  { table: 'cases', digest: [] },
  { table: 'case_answers', digest: [] },
  { table: 'case_history', digest: [] },
  { table: 'signoffs', digest: [] },
  { table: 'bulk_decisions', digest: [] },
] as const satisfies readonly { table: string; digest: readonly string[] }[];

export type BoundTableName = (typeof boundTableList)[number]['table'];

export const boundTableNames: readonly BoundTableName[] = boundTableList.map((t) => t.table);

export type ColumnKind = 'value' | 'blob' | 'digest';

export interface BoundTable {
  name: BoundTableName;
  /** Every column, in table order, with how its value enters an image. */
  columns: { name: string; kind: ColumnKind }[];
  /** The primary key columns, in key order. */
  key: string[];
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

const schemaCache = new WeakMap<Database.Database, BoundTable[]>();

/**
 * Forget what was read of this database's bound tables: a migration changed them. (Migration 9
 * reads them halfway through a fresh database's migrations; without this, columns added after it
 * would be missing from every captured row.)
 */
export function forgetBoundTables(db: Database.Database): void {
  schemaCache.delete(db);
}

/** The bound tables as this database defines them (columns are read, so new ones are bound). */
export function boundTables(db: Database.Database): BoundTable[] {
  let tables = schemaCache.get(db);
  if (!tables) {
    tables = boundTableList.map(({ table, digest }) => {
      const info = db.prepare(`PRAGMA main.table_info(${table})`).all() as ColumnInfo[];
      if (info.length === 0) throw new Error(`Bound table ${table} does not exist`);
      const key = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const columns = info.map((c) => ({
        name: c.name,
        kind: ((digest as readonly string[]).includes(c.name)
          ? 'digest'
          : c.type.toUpperCase() === 'BLOB'
            ? 'blob'
            : 'value') as ColumnKind,
      }));
      return { name: table, columns, key };
    });
    schemaCache.set(db, tables);
  }
  return tables;
}

export function isBoundTable(name: string): name is BoundTableName {
  return (boundTableNames as readonly string[]).includes(name);
}

/** A value a map must hold (its keys come from the bound table list). */
export function held<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Not a bound table: ${String(key)}`);
  return value;
}
