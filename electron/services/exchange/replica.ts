import type Database from 'better-sqlite3';
import { eventBoundRows } from '../audit/apply-rows';
import { boundTables, type BoundTable } from '../audit/bound-tables';
import type { BoundRowEntry } from '../audit/row-images';
import { replicatedTables } from '../db/migrations/011-station-replica';

/**
 * Another station's events applied to the facility replica (`station_<table>`, migration 011):
 * each bound row an event carries becomes, under the station's ID, the image it describes, or is
 * deleted. Run inside the import transaction, so a bundle's rows land with its events or not at
 * all. Tables the facility view does not read are not replicated; their rows stay in the
 * station's events.
 */

interface ReplicaStatements {
  upsert: Map<string, Database.Statement>;
  remove: Map<string, Database.Statement>;
  tables: Map<string, BoundTable>;
}

const cache = new WeakMap<Database.Database, ReplicaStatements>();

function statements(db: Database.Database): ReplicaStatements {
  let s = cache.get(db);
  if (s) return s;
  const replicated = new Set<string>(replicatedTables);
  const tables = boundTables(db).filter((t) => replicated.has(t.name));
  s = { upsert: new Map(), remove: new Map(), tables: new Map() };
  for (const t of tables) {
    const names = ['station_id', ...t.columns.map((c) => c.name)];
    const keys = ['station_id', ...t.key];
    const rest = names.filter((n) => !keys.includes(n));
    s.tables.set(t.name, t);
    s.upsert.set(
      t.name,
      db.prepare(
        `INSERT INTO station_${t.name} (${names.join(', ')})
         VALUES (${names.map((n) => '@' + n).join(', ')})
         ON CONFLICT (${keys.join(', ')}) DO ${
           rest.length
             ? `UPDATE SET ${rest.map((n) => `${n} = excluded.${n}`).join(', ')}`
             : 'NOTHING'
         }`,
      ),
    );
    s.remove.set(
      t.name,
      db.prepare(
        `DELETE FROM station_${t.name} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`,
      ),
    );
  }
  cache.set(db, s);
  return s;
}

/** Apply one event of `stationId` to the replica; returns how many replicated rows it wrote. */
export function applyToReplica(db: Database.Database, stationId: string, payload: unknown): number {
  const entries = eventBoundRows(db, payload);
  if (entries.length === 0) return 0;
  const s = statements(db);
  const mine = entries.filter((e) => s.tables.has(e[0]));
  let written = 0;
  for (const [name, key, image] of mine) {
    if (image === null) {
      s.remove.get(name)?.run(stationId, ...key);
      written += 1;
    }
  }
  for (const entry of mine) {
    if (entry[2] !== null) written += upsert(s, stationId, entry);
  }
  return written;
}

function upsert(s: ReplicaStatements, stationId: string, [name, , image]: BoundRowEntry): number {
  const table = s.tables.get(name);
  const statement = s.upsert.get(name);
  if (!table || !statement || image === null) return 0;
  const values: Record<string, unknown> = { station_id: stationId };
  for (const { name: column, kind } of table.columns) {
    const v = image[column] ?? null;
    // Digest columns keep the digest: the replica never holds another station's secrets.
    values[column] = v !== null && kind === 'blob' ? Buffer.from(String(v), 'hex') : v;
  }
  statement.run(values);
  return 1;
}

/** Stored events are read in pages: better-sqlite3 runs no other statement while one iterates. */
const replayPage = 2000;

/**
 * Rebuild the replica of every station marked pending (migration 013): its replicated rows are
 * dropped and its stored events applied again in chain order, in one transaction with the removal
 * of its mark. Applying a station's events from the start gives the rows an import gives, so a
 * station whose replica was already filled is rebuilt the same. An event whose records do not fit
 * this schema is passed over: today's import refuses such a bundle, so only an import from
 * before the replica existed can have stored one. Returns how many stations were rebuilt.
 */
export function replayPendingReplicas(db: Database.Database): number {
  const pending = db
    .prepare<[], string>('SELECT station_id FROM station_replica_pending ORDER BY station_id')
    .pluck()
    .all();
  const page = db.prepare<[string, number, number], { id: number; body: string }>(
    'SELECT id, body FROM station_events WHERE station_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  // Each event in a savepoint of its own, so that one passed over leaves none of its rows behind.
  const applyOne = db.transaction((stationId: string, payload: unknown) =>
    applyToReplica(db, stationId, payload),
  );
  for (const stationId of pending) {
    db.transaction(() => {
      for (const table of replicatedTables) {
        db.prepare(`DELETE FROM station_${table} WHERE station_id = ?`).run(stationId);
      }
      for (let after = 0; ;) {
        const events = page.all(stationId, after, replayPage);
        if (events.length === 0) break;
        for (const e of events) {
          try {
            applyOne(stationId, (JSON.parse(e.body) as { payload?: unknown }).payload);
          } catch {
            // Passed over, see above.
          }
          after = e.id;
        }
      }
      db.prepare('DELETE FROM station_replica_pending WHERE station_id = ?').run(stationId);
    })();
  }
  return pending.length;
}
