import type { Migration } from '../migrate';

/**
 * The facility replica: other stations' records as their events describe them, one table per
 * record kind (`station_cases` beside `cases`, …) with the same columns led by `station_id`.
 * Local tables stay single-writer: an imported event never writes a row of this station's own
 * tables, and integer IDs of two stations never collide, because every replica key starts with
 * the station. No foreign keys: a station's rows arrive in its own order, and a replica is
 * checked by its station's hash chain, not by this database.
 *
 * The tables are listed here, not taken from the bound-table list, so that this migration makes
 * the same schema whenever it runs; a later migration that adds a column to one of these tables
 * adds it to its replica too.
 */
export const replicatedTables = [
  'users',
  'devices',
  'advisories',
  'advisory_revisions',
  'incidents',
  'incident_advisories',
  'cases',
  'case_answers',
  'case_history',
  'signoffs',
] as const;

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

export const migration011: Migration = {
  version: 11,
  name: 'facility replica of other stations',
  up(db) {
    for (const table of replicatedTables) {
      const info = db.prepare(`PRAGMA main.table_info(${table})`).all() as ColumnInfo[];
      const key = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const columns = info.map((c) => `${c.name} ${c.type || 'ANY'}`);
      db.exec(
        `CREATE TABLE station_${table} (
           station_id TEXT NOT NULL,
           ${columns.join(',\n           ')},
           PRIMARY KEY (station_id, ${key.join(', ')})
         ) STRICT`,
      );
    }
  },
};
