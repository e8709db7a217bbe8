import type Database from 'better-sqlite3';
import type { AuditEventBody } from '../../api/domains/system';
import { endedWithAppCondition } from '../db/migrations/020-sessions-ended-with-app';
import { processEndedReason } from '../people/sessions-left-open';

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
  section: string | null,
  payload: string | null,
];

/**
 * What each event gives: its fields picked in SQL, and of a checklist answer (most events of an
 * incident) only the section its words name, so its payload is neither written out nor parsed.
 * Any other payload comes without `boundRows`: an event carries the images of the rows its change
 * wrote (thousands, when an incident opens thousands of cases), which no report reads. Only a body
 * holding the word is searched for them (one event of the board bench carries 18 MB).
 */
const picked = `e.id, e.entity_type, e.entity_id, e.body ->> '$.time', e.body ->> '$.actorUserId',
  e.body ->> '$.actorRole', e.body ->> '$.action',
  iif(e.body ->> '$.action' = 'case.answered', e.body ->> '$.payload.sectionId', NULL),
  CASE WHEN e.body ->> '$.action' = 'case.answered' THEN NULL
       WHEN instr(e.body, '"boundRows":') = 0 THEN e.body -> '$.payload'
       ELSE json_remove(e.body, '$.payload.boundRows') -> '$.payload' END`;

/** The actions and period asked for, chosen in SQL: an event left out is not read further. */
const chosen = `(@actions IS NULL OR e.body ->> '$.action' IN (SELECT value FROM json_each(@actions)))
  AND (@start IS NULL OR e.body ->> '$.time' BETWEEN @start AND @end)`;

/**
 * The incident's events through the audit trail's entity index, as other readers of one case's
 * events go (pdf/audit-reference.ts): for each case of the incident the events on the case
 * (entity id `<caseId>`) and on its sign-offs (`<caseId>:<kind>`, the ids between `<caseId>:` and
 * `<caseId>;`), then those on the incident and on its bulk decisions. The case ids are listed
 * first (as text, the form of the index), so each is one search in the index, not a pass over
 * every case event of the station.
 */
export const incidentEventsSql = `
  WITH here(id) AS MATERIALIZED (SELECT CAST(id AS TEXT) FROM cases WHERE incident_id = @id)
  SELECT ${picked} FROM here c CROSS JOIN audit_events e
   WHERE e.entity_type = 'case' AND e.entity_id = c.id AND ${chosen}
  UNION ALL
  SELECT ${picked} FROM here c CROSS JOIN audit_events e
   WHERE e.entity_type = 'case' AND e.entity_id > c.id || ':' AND e.entity_id < c.id || ';'
     AND ${chosen}
  UNION ALL
  SELECT ${picked} FROM audit_events e
   WHERE e.entity_type = 'incident' AND e.entity_id = @idText AND ${chosen}
  UNION ALL
  SELECT ${picked} FROM audit_events e
   WHERE e.entity_type = 'bulk_decision'
     AND e.entity_id IN (SELECT CAST(id AS TEXT) FROM bulk_decisions WHERE incident_id = @id)
     AND ${chosen}`;

/** The rows of the incident's events asked for, in the order `orderBy` names (none: the index's). */
function incidentEventRows(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions: readonly string[] | undefined,
  orderBy: string,
): IterableIterator<Row> {
  return db
    .prepare(incidentEventsSql + orderBy)
    .raw()
    .iterate({
      id: incidentId,
      idText: String(incidentId),
      actions: actions ? JSON.stringify(actions) : null,
      start: period?.start ?? null,
      end: period?.end ?? null,
    }) as IterableIterator<Row>;
}

/** Each row as the event it tells of, one at a time. */
function* eventsOfRows(rows: IterableIterator<Row>): Generator<IncidentEvent, void, undefined> {
  for (const [
    id,
    entityType,
    entityId,
    at,
    actorUserId,
    actorRole,
    action,
    section,
    payload,
  ] of rows) {
    const p: unknown = payload === null ? { sectionId: section } : JSON.parse(payload);
    yield {
      id,
      at,
      actorUserId,
      actorRole,
      action,
      entityType,
      caseId: entityType === 'case' && entityId !== null ? parseInt(entityId, 10) : null,
      payload: typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {},
    };
  }
}

/** The incident's events in the order of the chain. */
export function readIncidentEvents(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): IncidentEvent[] {
  // Row by row (iterate, not all): each row's array is garbage at once, not all kept until the last.
  const out = [...eventsOfRows(incidentEventRows(db, incidentId, period, actions, ''))];
  // Sorted here: the entity index finds them in the order of their records, not the chain's.
  return out.sort((a, b) => a.id - b.id);
}

/**
 * The incident's events by time, those of one time in the order of the chain, one at a time (as
 * `readIncidentEvents` sorted by time with a stable sort): SQLite sorts them, and a caller that
 * keeps only what it makes of each event does not hold them all. The database is busy until the
 * last is read, so read what else is needed first.
 */
export function incidentEventsByTime(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): Generator<IncidentEvent, void, undefined> {
  // Columns 4 and 1 of the query: the event's time and its id.
  return eventsOfRows(incidentEventRows(db, incidentId, period, actions, ' ORDER BY 4, 1'));
}

export function payloadOf(event: IncidentEvent): Record<string, unknown> {
  return event.payload;
}

/**
 * The sessions that a start after a crash recorded as ended with the app (`session.ended`, reason
 * `process_ended`, see people/sessions-left-open.ts) within `period`: the people signed in at this
 * station when the app stopped. Sign-ins and sign-outs are no activity of an incident, but a
 * session the app did not live to end is, so the activity log shows it in the person's position.
 * They are found through their own index (migration 020), so the bodies of a station's other user
 * events (every sign-in, sign-out and hand-over) are not read.
 */
export const sessionsEndedWithAppSql = `
  SELECT id, body ->> '$.time', body ->> '$.actorUserId', body ->> '$.actorRole'
    FROM audit_events INDEXED BY audit_events_ended_with_app
   WHERE ${endedWithAppCondition}
     AND body ->> '$.action' = 'session.ended' AND body ->> '$.payload.reason' = @reason
     AND (@start IS NULL OR body ->> '$.time' BETWEEN @start AND @end)
   ORDER BY id`;

/**
 * A copy of the record as of an earlier event (audit/state-as-of.ts, verify-pdf) shows the chain
 * through a view, which has no index to name: there the same query goes without `INDEXED BY`.
 */
function chainIsView(db: Database.Database): boolean {
  return (
    db
      .prepare("SELECT 1 FROM temp.sqlite_master WHERE type = 'view' AND name = 'audit_events'")
      .get() !== undefined
  );
}

export function readSessionsEndedWithApp(
  db: Database.Database,
  period: { start: string; end: string } | null,
): IncidentEvent[] {
  const sql = chainIsView(db)
    ? sessionsEndedWithAppSql.replace(' INDEXED BY audit_events_ended_with_app', '')
    : sessionsEndedWithAppSql;
  const rows = db
    .prepare(sql)
    .raw()
    .all({
      reason: processEndedReason,
      start: period?.start ?? null,
      end: period?.end ?? null,
    }) as [id: number, at: string, actorUserId: number | null, actorRole: string][];
  return rows.map(([id, at, actorUserId, actorRole]) => ({
    id,
    at,
    actorUserId,
    actorRole,
    action: 'session.ended',
    entityType: 'user',
    caseId: null,
    payload: { reason: processEndedReason },
  }));
}
