import type Database from 'better-sqlite3';
import { canonicalTextAround } from './canonical-json';
import { EventBodyWriter } from './event-body';
import { canonicalEventParts, canonicalJson, genesisHash } from './hash';
import { boundTables, held } from './bound-tables';
import { takeTouchedRows } from './row-capture';
import { BoundRowsWriter } from './row-image-forms';
import { boundRowsKey, type BoundRowEntry } from './row-images';

export interface Actor {
  /** null for the system itself (imports at start-up, the demo loader, migrations). */
  userId: number | null;
  role: string;
}

export const systemActor: Actor = { userId: null, role: 'system' };

export interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** A JSON object describing the change (never patient-identifying data). */
  payload?: Record<string, unknown>;
  /**
   * Images of bound rows to carry besides those this connection logged since the last event
   * (the baseline of a database made before rows were bound).
   */
  extraRows?: BoundRowEntry[];
}

export interface AppendedEvent {
  id: number;
  hash: string;
}

interface Statements {
  head: Database.Statement<[], [number, string]>;
  insert: Database.Statement<[number, string, string | null, string | Buffer, string]>;
  setHead: Database.Statement<[number, string]>;
}

const statementCache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = statementCache.get(db);
  if (!s) {
    s = {
      head: db
        .prepare<[], [number, string]>(
          'SELECT last_id, last_hash FROM audit_head WHERE singleton = 1',
        )
        .raw(true),
      insert: db.prepare(
        // A large body comes as its UTF-8 bytes (see EventBodyWriter); it is stored as text.
        `INSERT INTO audit_events (id, entity_type, entity_id, body, hash)
         VALUES (?, ?, ?, CAST(? AS TEXT), ?)`,
      ),
      setHead: db.prepare(
        `INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`,
      ),
    };
    statementCache.set(db, s);
  }
  return s;
}

/**
 * Append one event to the chain. Call it inside the transaction of the change it records, so
 * that the change and its event commit together or not at all. The images of the bound rows the
 * transaction wrote since the previous event go into the payload (`boundRows`), so the chain
 * covers the records as well as the story of the change.
 */
export function appendAuditEvent(
  db: Database.Database,
  time: Date,
  input: AuditInput,
): AppendedEvent {
  if (!db.inTransaction)
    throw new Error('appendAuditEvent must run inside the change’s transaction');
  const s = statements(db);
  const head = s.head.get();
  const id = (head?.[0] ?? 0) + 1;
  const e = {
    id,
    time: time.toISOString(),
    actorUserId: input.actor.userId,
    actorRole: input.actor.role,
    action: input.action,
    entityType: input.entityType,
    entityId:
      input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
    prevHash: head?.[1] ?? genesisHash,
  };
  // The canonical JSON of the event with `{ ...payload, boundRows: rows }` as its payload, the
  // rows written one by one as text in form 2 (and no boundRows when there are none).
  const [eventHead, eventTail] = canonicalEventParts(e);
  const body = new EventBodyWriter();
  body.write(eventHead);
  let payloadTail = '';
  const rows = new BoundRowsWriter(
    (text) => body.write(text),
    () => {
      const [before, after] = canonicalTextAround(input.payload ?? {}, boundRowsKey);
      body.write(before);
      payloadTail = after;
    },
  );
  if (input.extraRows?.length) {
    const tables = new Map(boundTables(db).map((t) => [t.name, t]));
    for (const [name, key, image] of input.extraRows) rows.entry(held(tables, name), key, image);
  }
  takeTouchedRows(db, rows);
  body.write(rows.end() ? payloadTail : canonicalJson(input.payload ?? {}));
  body.write(eventTail);
  const { body: text, hash } = body.finish();
  s.insert.run(id, e.entityType, e.entityId, text, hash);
  s.setHead.run(id, hash);
  return { id, hash };
}
