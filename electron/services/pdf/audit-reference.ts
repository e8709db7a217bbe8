import type Database from 'better-sqlite3';
import type { LaterEvent } from '../../api/domains/pdf-verify';
import type { AuditReference } from './model';

export type { LaterEvent };

/**
 * The audit events of a case: those about the case itself (`case`, `<id>`) and those about its
 * sign-offs (`case`, `<id>:<kind>`, see cases/case-content.ts). Two index range reads: the
 * sign-off subjects sort between `<id>:` and `<id>;` (';' follows ':' in every collation here).
 */
const lastEventSql = `
  SELECT id, hash FROM audit_events
   WHERE entity_type = 'case' AND (entity_id = @id OR (entity_id >= @id || ':' AND entity_id < @id || ';'))
   ORDER BY id DESC LIMIT 1`;

const laterEventsSql = `
  SELECT id, body FROM audit_events
   WHERE entity_type = 'case' AND (entity_id = @id OR (entity_id >= @id || ':' AND entity_id < @id || ';'))
     AND id > @after
   ORDER BY id LIMIT @limit`;

/** The last audit event of the case when the document is made: ties the PDF to the trail. */
export function lastCaseAuditEvent(db: Database.Database, caseId: number): AuditReference | null {
  const row = db.prepare(lastEventSql).get({ id: String(caseId) }) as
    { id: number; hash: string } | undefined;
  return row ? { eventId: row.id, hash: row.hash } : null;
}

/** The last event of the incident or of any of its cases. */
export function lastIncidentAuditEvent(
  db: Database.Database,
  incidentId: number,
): AuditReference | null {
  let best = db
    .prepare(
      `SELECT id, hash FROM audit_events WHERE entity_type = 'incident' AND entity_id = ?
        ORDER BY id DESC LIMIT 1`,
    )
    .get(String(incidentId)) as { id: number; hash: string } | undefined;
  const caseIds = db
    .prepare('SELECT id FROM cases WHERE incident_id = ?')
    .pluck()
    .all(incidentId) as number[];
  const statement = db.prepare(lastEventSql);
  for (const caseId of caseIds) {
    const row = statement.get({ id: String(caseId) }) as { id: number; hash: string } | undefined;
    if (row && (!best || row.id > best.id)) best = row;
  }
  return best ? { eventId: best.id, hash: best.hash } : null;
}

/** What happened to a case after a given event (for "what changed since" in verify-pdf). */
export function caseEventsAfter(
  db: Database.Database,
  caseId: number,
  afterEventId: number,
  limit = 20,
): LaterEvent[] {
  const rows = db
    .prepare(laterEventsSql)
    .all({ id: String(caseId), after: afterEventId, limit }) as { id: number; body: string }[];
  return rows.map((r) => {
    const body = JSON.parse(r.body) as { time?: string; action?: string };
    return { id: r.id, time: body.time ?? '', action: body.action ?? '' };
  });
}
