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

interface Row {
  id: number;
  entity_type: string;
  entity_id: string | null;
  at: string;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  payload: string;
}

/**
 * The events' fields are picked in SQL, with the period and actions applied there: a body can
 * carry the images of thousands of rows (`boundRows`), which the reports never read.
 */
export function readIncidentEvents(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): IncidentEvent[] {
  const rows = db
    .prepare(
      `SELECT id, entity_type, entity_id, at, actor_user_id, actor_role, action,
              json_remove(payload, '$.boundRows') AS payload
         FROM (SELECT e.id, e.entity_type, e.entity_id, e.body ->> '$.time' AS at,
                      e.body ->> '$.actorUserId' AS actor_user_id,
                      e.body ->> '$.actorRole' AS actor_role, e.body ->> '$.action' AS action,
                      e.body -> '$.payload' AS payload
                 FROM audit_events e
                WHERE (e.entity_type = 'case'
                       AND CAST(e.entity_id AS INTEGER) IN
                           (SELECT id FROM cases WHERE incident_id = :incident))
                   OR (e.entity_type = 'incident' AND e.entity_id = :incidentText)
                   OR (e.entity_type = 'bulk_decision'
                       AND CAST(e.entity_id AS INTEGER) IN
                           (SELECT id FROM bulk_decisions WHERE incident_id = :incident)))
        WHERE (:all OR action IN (SELECT value FROM json_each(:actions)))
          AND (:start IS NULL OR at >= :start) AND (:end IS NULL OR at <= :end)`,
    )
    .all({
      incident: incidentId,
      incidentText: String(incidentId),
      all: actions ? 0 : 1,
      actions: JSON.stringify(actions ?? []),
      start: period?.start ?? null,
      end: period?.end ?? null,
    }) as Row[];
  const out: IncidentEvent[] = [];
  for (const r of rows) {
    const parsed: unknown = JSON.parse(r.payload);
    out.push({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      action: r.action,
      entityType: r.entity_type,
      caseId: r.entity_type === 'case' && r.entity_id !== null ? parseInt(r.entity_id, 10) : null,
      payload:
        typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
    });
  }
  // Sorted here, not in SQL: ORDER BY would copy every event body into a temporary B-tree first.
  return out.sort((a, b) => a.id - b.id);
}

export function payloadOf(event: IncidentEvent): Record<string, unknown> {
  return event.payload;
}
