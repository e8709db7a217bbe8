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
  /** The payload as recorded (without `boundRows` for this station's events). */
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

type Row = [
  id: number,
  entityType: string,
  entityId: string | null,
  at: string,
  actorUserId: number | null,
  actorRole: string,
  action: string,
  payload: string | null,
];

/**
 * The events' fields are picked in SQL, the payload without `boundRows`: an event carries the
 * images of the rows its change wrote (thousands, when an incident opens thousands of cases),
 * which no report reads. Only a body holding the word is searched for them, and such a body is
 * parsed once (one event of the board bench carries 18 MB: reading its payload as text to look
 * for them, then again to remove them, cost more than the other 100,000 events' payloads).
 */
export function readIncidentEvents(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): IncidentEvent[] {
  // The actions and period are chosen in SQL: the payload of an event the report leaves out is
  // neither written out nor parsed (the timeline leaves out every checklist answer). The choice is
  // in the columns, not the WHERE, which keeps the search through the entity index. Row by row
  // (iterate, not all): each row's array is garbage at once, not all kept until the last.
  const rows = db
    .prepare(
      `SELECT e.id, e.entity_type, e.entity_id, e.body ->> '$.time',
              e.body ->> '$.actorUserId', e.body ->> '$.actorRole', e.body ->> '$.action',
              CASE WHEN NOT (@actions IS NULL OR e.body ->> '$.action' IN
                               (SELECT value FROM json_each(@actions)))
                     OR (@start IS NOT NULL AND NOT e.body ->> '$.time' BETWEEN @start AND @end)
                   THEN NULL
                   WHEN instr(e.body, '"boundRows":') = 0 THEN e.body -> '$.payload'
                   ELSE json_remove(e.body, '$.payload.boundRows') -> '$.payload' END
         FROM audit_events e
        WHERE (e.entity_type = 'case'
               AND CAST(e.entity_id AS INTEGER) IN (SELECT id FROM cases WHERE incident_id = @id))
           OR (e.entity_type = 'incident' AND e.entity_id = @idText)
           OR (e.entity_type = 'bulk_decision'
               AND CAST(e.entity_id AS INTEGER) IN
                   (SELECT id FROM bulk_decisions WHERE incident_id = @id))`,
    )
    .raw()
    .iterate({
      id: incidentId,
      idText: String(incidentId),
      actions: actions ? JSON.stringify(actions) : null,
      start: period?.start ?? null,
      end: period?.end ?? null,
    }) as IterableIterator<Row>;
  const out: IncidentEvent[] = [];
  for (const [id, entityType, entityId, at, actorUserId, actorRole, action, payload] of rows) {
    // Left out (an action or time the report does not want).
    if (payload === null) continue;
    const p: unknown = JSON.parse(payload);
    out.push({
      id,
      at,
      actorUserId,
      actorRole,
      action,
      entityType,
      caseId: entityType === 'case' && entityId !== null ? parseInt(entityId, 10) : null,
      payload: typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {},
    });
  }
  // Sorted here: the entity index finds them in the order of their records, not the chain's.
  return out.sort((a, b) => a.id - b.id);
}

export function payloadOf(event: IncidentEvent): Record<string, unknown> {
  return event.payload;
}
