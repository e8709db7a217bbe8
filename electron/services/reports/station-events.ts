import type Database from 'better-sqlite3';
import type { AuditEventBody } from '../../api/domains/system';
import { boardWhere } from '../board/board-query';
import { remoteFrom } from '../board/facility-board';
import { eventFilter, incidentEvent, type IncidentEvent } from './incident-events';

/**
 * The audit events other stations sent about the cases they hold in this incident (a case is in
 * the incident when its advisory is, see facility-board.ts), read from their hash-chained events
 * as they arrived, with the asset tags and names their records give. Their answers to this
 * station's requests are about the case they name too.
 */

export interface StationEvent extends IncidentEvent {
  stationId: string;
  stationName: string;
  /** The asset tag of the event's case at its station. */
  assetTag: string | null;
  /** The display name of the acting user at its station. */
  actorName: string | null;
}

interface Row {
  station_id: string;
  station_name: string;
  id: number;
  body: string;
  asset_tag: string;
  actor_name: string | null;
}

const noLists = { blocked: [], awaiting_signoff: [] };

export function readStationEvents(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
  actions?: readonly string[],
): StationEvent[] {
  const held = boardWhere(incidentId, undefined, new Date(0), noLists, 'remote');
  const rows = db
    .prepare(
      `WITH held AS (SELECT c.station_id, c.id, d.asset_tag ${remoteFrom} ${held.where}),
            events AS (
              SELECT e.station_id, e.id, e.body,
                     CAST(iif(e.body ->> '$.entityType' = 'case', e.body ->> '$.entityId',
                              e.body ->> '$.payload.caseId') AS INTEGER) AS case_id,
                     e.body ->> '$.actorUserId' AS actor
                FROM station_events e
               WHERE e.station_id IN (SELECT station_id FROM held)
                 AND (e.body ->> '$.entityType' = 'case'
                      OR e.body ->> '$.action' = 'case_request.answered'))
       SELECT e.station_id, s.name AS station_name, e.id, e.body, h.asset_tag,
              u.display_name AS actor_name
         FROM events e
         JOIN held h ON h.station_id = e.station_id AND h.id = e.case_id
         JOIN stations s ON s.station_id = e.station_id
         LEFT JOIN station_users u ON u.station_id = e.station_id AND u.id = e.actor`,
    )
    .all(...held.params) as Row[];
  const keep = eventFilter(period, actions);
  const out: StationEvent[] = [];
  for (const r of rows) {
    const b = JSON.parse(r.body) as AuditEventBody;
    if (!keep(b)) continue;
    // A request's answer is about the case its payload names (its entity is the request).
    const about = b.entityType === 'case' ? b.entityId : (b.payload as { caseId?: unknown }).caseId;
    const caseId = about !== null && about !== undefined ? parseInt(String(about), 10) : null;
    out.push({
      ...incidentEvent(r.id, b, b.entityType, caseId),
      stationId: r.station_id,
      stationName: r.station_name,
      assetTag: r.asset_tag,
      actorName: r.actor_name,
    });
  }
  return out.sort((a, b) => a.stationId.localeCompare(b.stationId) || a.id - b.id);
}
