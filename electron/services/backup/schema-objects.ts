import Database from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { ConnectionOptions } from './connections';

/** A table, index, view or trigger as `sqlite_master` holds it. */
export interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** A schema object that differs from what the app's migrations create at that schema version. */
export interface SchemaDifference extends SchemaObject {
  /** `foreign`: the app never creates it; `changed`: same name, other definition; `missing`. */
  kind: 'foreign' | 'changed' | 'missing';
}

/** SQLite's own objects (`sqlite_autoindex_…`, `sqlite_stat1` from ANALYZE) are not the app's. */
const internal = (name: string) => name.startsWith('sqlite_');

const normalised = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

function objectsOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db
    .prepare('SELECT type, name, sql FROM main.sqlite_master ORDER BY type, name')
    .all() as SchemaObject[];
  return new Map(rows.filter((r) => !internal(r.name)).map((r) => [`${r.type} ${r.name}`, r]));
}

/** The schema the app's own migrations build up to `schemaVersion`, in a scratch database. */
function expectedObjects(
  schemaVersion: number,
  options: ConnectionOptions,
): Map<string, SchemaObject> {
  const scratch = new Database(':memory:', {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    migrate(
      scratch,
      migrations.filter((m) => m.version <= schemaVersion),
    );
    return objectsOf(scratch);
  } finally {
    scratch.close();
  }
}

/**
 * How a database's schema differs from the one the app creates at its schema version. A trigger
 * or view the app did not write runs on every later change (it could rewrite a decision as it is
 * recorded), and a foreign table can hide data from every check: none of them is the app's.
 */
export function schemaDifferences(
  db: Database.Database,
  schemaVersion: number,
  options: ConnectionOptions = {},
): SchemaDifference[] {
  const expected = expectedObjects(schemaVersion, options);
  const actual = objectsOf(db);
  const differences: SchemaDifference[] = [];
  for (const [key, object] of actual) {
    const own = expected.get(key);
    if (!own) differences.push({ ...object, kind: 'foreign' });
    else if (normalised(own.sql) !== normalised(object.sql))
      differences.push({ ...object, kind: 'changed' });
  }
  for (const [key, object] of expected) {
    if (!actual.has(key)) differences.push({ ...object, kind: 'missing' });
  }
  return differences;
}

export function describeDifference(d: SchemaDifference): string {
  const what = `${d.type} ${d.name}`;
  return d.kind === 'foreign'
    ? `${what} (not created by Standalone)`
    : d.kind === 'changed'
      ? `${what} (its definition was changed)`
      : `${what} (missing)`;
}

/**
 * For a restore an administrator forced: the behaviour the app did not write goes (triggers and
 * views not its own are dropped; its own, when changed or missing, are written again as the app
 * defines them). Tables and indexes stay as they are: they hold data, and the audit event names
 * them. Returns what was done, one line each.
 */
export function repairBehaviour(
  db: Database.Database,
  differences: readonly SchemaDifference[],
  schemaVersion: number,
  options: ConnectionOptions = {},
): string[] {
  const expected = expectedObjects(schemaVersion, options);
  const done: string[] = [];
  db.transaction(() => {
    for (const d of differences) {
      if (d.type !== 'trigger' && d.type !== 'view') continue;
      const drop = d.type === 'trigger' ? 'DROP TRIGGER' : 'DROP VIEW';
      if (d.kind !== 'missing') db.exec(`${drop} IF EXISTS "${d.name.replace(/"/g, '""')}"`);
      const own = expected.get(`${d.type} ${d.name}`);
      if (own?.sql) db.exec(own.sql);
      done.push(
        own?.sql
          ? `${d.type} ${d.name}: written as Standalone defines it`
          : `${d.type} ${d.name}: dropped`,
      );
    }
  })();
  return done;
}
