import Database from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { applyEventRows } from './apply-rows';
import { boundTableNames, type BoundTableName } from './bound-tables';
import { boundRowsKey, digestOf } from './row-images';

export interface AsOfOptions {
  /** Inside Electron, the better-sqlite3 build for its ABI. */
  nativeBinding?: string;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The value behind a digest column (an advisory document, a credential hash), found among the
 * live rows by its digest: events carry only the digest. Unknown digests stay digests.
 */
function digestResolver(live: Database.Database) {
  const maps = new Map<string, Map<string, string | Buffer>>();
  return (table: BoundTableName, column: string, digest: string): string | Buffer => {
    const key = `${table}.${column}`;
    let map = maps.get(key);
    if (!map) {
      map = new Map();
      const values = live
        .prepare(`SELECT ${quoted(column)} FROM main.${quoted(table)}`)
        .pluck()
        .all() as (string | Buffer | null)[];
      for (const v of values) if (v !== null) map.set(digestOf(v), v);
      maps.set(key, map);
    }
    return map.get(digest) ?? digest;
  };
}

/**
 * An in-memory copy of the database as it was right after event `eventId`: the tables bound to
 * the audit chain are rebuilt by replaying the events up to it (the record as the chain tells
 * it, not as the tables hold it today), the chain itself is cut there, and the other tables
 * (drafts, catalogues, stations) are copied as they are. The chain is not copied: a temporary
 * view shows the live events up to `eventId` (events are only ever appended), since copying a
 * million events into memory took most of the time and memory of verify-pdf. The caller closes
 * it.
 */
export function databaseAsOf(
  live: Database.Database,
  eventId: number,
  options: AsOfOptions = {},
): Database.Database {
  if (!Number.isSafeInteger(eventId))
    throw new Error(`An audit event id is a whole number, not ${eventId}`);
  const scratch = new Database(':memory:', {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Rows are written table by table, not in the order the app wrote them.
    scratch.pragma('foreign_keys = OFF');
    migrate(scratch);
    scratch.prepare('ATTACH DATABASE ? AS live').run(live.name);
    const bound = new Set<string>(boundTableNames);
    const tables = scratch
      .prepare(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .pluck()
      .all() as string[];
    const resolveDigest = digestResolver(live);
    scratch.transaction(() => {
      for (const table of tables) {
        scratch.exec(`DELETE FROM main.${quoted(table)}`);
        if (bound.has(table) || table === 'audit_events') continue;
        const columns = (
          scratch.prepare(`PRAGMA main.table_info(${quoted(table)})`).all() as { name: string }[]
        )
          .map((c) => quoted(c.name))
          .join(', ');
        scratch
          .prepare(
            `INSERT INTO main.${quoted(table)} (${columns}) SELECT ${columns} FROM live.${quoted(table)}`,
          )
          .run();
      }
      scratch
        .prepare(
          `UPDATE main.audit_head SET last_id = h.id, last_hash = h.hash
             FROM (SELECT id, hash FROM live.audit_events WHERE id <= ? ORDER BY id DESC LIMIT 1) AS h`,
        )
        .run(eventId);
      // Read a page at a time: a statement cannot be iterated while the rows are written.
      const page = scratch.prepare(
        `SELECT id, body FROM live.audit_events WHERE id > ? AND id <= ? AND body LIKE ? ORDER BY id LIMIT 2000`,
      );
      const marker = `%"${boundRowsKey}":%`;
      for (let after = 0; ;) {
        const rows = page.all(after, eventId, marker) as { id: number; body: string }[];
        if (rows.length === 0) break;
        for (const { id, body } of rows) {
          applyEventRows(scratch, JSON.parse(body) as { payload: unknown }, { resolveDigest });
          after = id;
        }
      }
    })();
    // Unqualified names find a temporary object first, so readers of the chain see the view.
    scratch.exec(
      `CREATE TEMP VIEW audit_events AS SELECT * FROM live.audit_events WHERE id <= ${eventId}`,
    );
    return scratch;
  } catch (error) {
    scratch.close();
    throw error;
  }
}
