import type Database from 'better-sqlite3';
import type { AuditEventBody } from '../../api/domains/system';

/**
 * The audit events of one incident, read from the hash-chained trail itself (not from a copy), so
 * the activity log and timeline say exactly what the chain vouches for. An incident's events are
 * those on its cases (entity id `<caseId>`, or `<caseId>:<kind>` for a case sign-off), on the
 * incident, and on its bulk decisions, found through the audit trail's entity index.
 */

export interface IncidentEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  entityType: string;
  /** The case this event is about, when it is about one. */
  caseId: number | null;
  /** The payload as recorded. */
  payload: Record<string, unknown>;
}

interface Row {
  id: number;
  entity_type: string;
  entity_id: string | null;
  body: string;
}

/** Whether an event's body is one of `actions` (all when absent) and within `period`. */
export function eventFilter(
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): (body: AuditEventBody) => boolean {
  const wanted = actions ? new Set(actions) : null;
  return (b) =>
    (!wanted || wanted.has(b.action)) &&
    (!period || (b.time >= period.start && b.time <= period.end));
}

/** The incident event an audit event's body tells of. */
export function incidentEvent(
  id: number,
  b: AuditEventBody,
  entityType: string,
  caseId: number | null,
): IncidentEvent {
  const payload =
    typeof b.payload === 'object' && b.payload !== null
      ? (b.payload as Record<string, unknown>)
      : {};
  const { time: at, actorUserId, actorRole, action } = b;
  return { id, at, actorUserId, actorRole, action, entityType, caseId, payload };
}

export function readIncidentEvents(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): IncidentEvent[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.entity_type, e.entity_id, e.body FROM audit_events e
        WHERE (e.entity_type = 'case'
               AND CAST(e.entity_id AS INTEGER) IN (SELECT id FROM cases WHERE incident_id = ?))
           OR (e.entity_type = 'incident' AND e.entity_id = ?)
           OR (e.entity_type = 'bulk_decision'
               AND CAST(e.entity_id AS INTEGER) IN
                   (SELECT id FROM bulk_decisions WHERE incident_id = ?))`,
    )
    .all(incidentId, String(incidentId), incidentId) as Row[];
  const keep = eventFilter(period, actions);
  const out: IncidentEvent[] = [];
  for (const r of rows) {
    // One JSON.parse per event: V8 parses faster than SQLite's json_extract can pick fields.
    const b = JSON.parse(r.body) as AuditEventBody;
    if (!keep(b)) continue;
    const caseId =
      r.entity_type === 'case' && r.entity_id !== null ? parseInt(r.entity_id, 10) : null;
    out.push(incidentEvent(r.id, b, r.entity_type, caseId));
  }
  // Sorted here, not in SQL: ORDER BY would copy every event body into a temporary B-tree first.
  return out.sort((a, b) => a.id - b.id);
}

export function payloadOf(event: IncidentEvent): Record<string, unknown> {
  return event.payload;
}
