import type Database from 'better-sqlite3';
import type { CaseDetail } from '../../api/domains/cases';
import { systemActor } from '../audit/append';
import { getCaseDetail } from '../cases/case-actions';
import { assertChangeable, getCaseRow } from '../cases/case-store';
import { mutate, type CallContext, type Services } from '../core/context';
import { wordedError } from '../core/errors';
import { requireSelf } from '../stations/enrolment';
import { stationRow } from '../stations/station-store';

/**
 * One writer per case, handed on: the station that holds a case hands it to another station with
 * a signed event of its chain (`case.transferred`, carried in its bundle). From then on the case
 * no longer changes here (`assertChangeable`), and a later event of this station about it is
 * refused wherever its bundle arrives (`CaseHolding`). The receiving station, on importing that
 * event, opens a case of its own that continues it (`adoptTransfers`): same state and answers,
 * each entry naming the station and person who made it.
 */

export const transferAction = 'case.transferred';

export function transferCase(
  ctx: CallContext,
  input: { caseId: number; stationId: string; reason?: string | undefined },
): CaseDetail {
  const { db, clock } = ctx.services;
  const row = getCaseRow(db, input.caseId);
  assertChangeable(row);
  const self = requireSelf(ctx.services);
  if (input.stationId === self.station_id) {
    throw wordedError(
      'invalid_input',
      'transferToSelf',
      { assetTag: row.asset_tag },
      {
        field: 'stationId',
      },
    );
  }
  const target = stationRow(db, input.stationId);
  if (!target?.certificate_der) {
    throw wordedError(
      'not_found',
      'transferStationUnknown',
      { stationId: input.stationId },
      {
        field: 'stationId',
      },
    );
  }
  if (target.revoked_at) {
    throw wordedError(
      'conflict',
      'transferStationRevoked',
      { station: target.name },
      {
        field: 'stationId',
      },
    );
  }
  const reason = input.reason?.trim() || null;
  mutate(ctx, () => {
    db.prepare('UPDATE cases SET transferred_to = ?, updated_at = ? WHERE id = ?').run(
      target.station_id,
      clock.now().toISOString(),
      row.id,
    );
    return {
      value: undefined,
      audit: {
        action: transferAction,
        entityType: 'case',
        entityId: row.id,
        payload: {
          toStation: target.station_id,
          toStationName: target.name,
          assetTag: row.asset_tag,
          trackingId: row.tracking_id,
          state: row.state,
          reason,
        },
      },
    };
  });
  return getCaseDetail(ctx, row.id);
}

interface RemoteCase {
  id: number;
  asset_tag: string;
  tracking_id: string;
  version: string | null;
}

/** The local records a received case refers to, found as the facility names them. */
function localReferences(db: Database.Database, c: RemoteCase) {
  const device = db
    .prepare<[string], number>('SELECT id FROM devices WHERE asset_tag = ?')
    .pluck()
    .get(c.asset_tag);
  const advisory = db
    .prepare<[string], { id: number; current_revision_id: number }>(
      'SELECT id, current_revision_id FROM advisories WHERE tracking_id = ?',
    )
    .get(c.tracking_id);
  if (device === undefined || !advisory) return null;
  const revision =
    db
      .prepare<[number, string | null], number>(
        'SELECT id FROM advisory_revisions WHERE advisory_id = ? AND version = ?',
      )
      .pluck()
      .get(advisory.id, c.version) ?? advisory.current_revision_id;
  // The newest open incident that works this advisory.
  const incident = db
    .prepare<[number], number>(
      `SELECT i.id FROM incidents i JOIN incident_advisories ia ON ia.incident_id = i.id
        WHERE ia.advisory_id = ? AND i.status = 'open' ORDER BY i.id DESC LIMIT 1`,
    )
    .pluck()
    .get(advisory.id);
  if (incident === undefined) return null;
  const taken = db
    .prepare('SELECT 1 FROM cases WHERE incident_id = ? AND device_id = ? AND advisory_id = ?')
    .get(incident, device, advisory.id);
  if (taken) return null;
  return { incident, device, advisory: advisory.id, revision };
}

/**
 * Open here the case `fromStation` handed to this station, as its replica (already applied in
 * this import's transaction) describes it, with its audit event. Nothing when this station already
 * received it, or has no incident, device or advisory to hold it in (or a case of its own for the
 * same device and advisory: then it is a conflict for the commander to settle).
 */
function adoptCase(services: Services, from: { id: string; name: string }, caseId: number): void {
  const { db, clock } = services;
  const had = db
    .prepare('SELECT 1 FROM cases WHERE transferred_from_station = ? AND transferred_from_case = ?')
    .get(from.id, caseId);
  if (had) return;
  const remote = db
    .prepare<[string, number], RemoteCase>(
      `SELECT c.id, d.asset_tag, a.tracking_id, r.version
         FROM station_cases c
         JOIN station_devices d ON d.station_id = c.station_id AND d.id = c.device_id
         JOIN station_advisories a ON a.station_id = c.station_id AND a.id = c.advisory_id
         LEFT JOIN station_advisory_revisions r
           ON r.station_id = c.station_id AND r.id = c.advisory_revision_id
        WHERE c.station_id = ? AND c.id = ?`,
    )
    .get(from.id, caseId);
  const refs = remote ? localReferences(db, remote) : null;
  if (!remote || !refs) return;
  const now = clock.now().toISOString();
  mutate({ services, actor: systemActor }, () => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO cases (incident_id, device_id, advisory_id, advisory_revision_id,
             template_id, template_version, state, state_entered_at, recheck_at,
             kev_review_catalog, created_at, updated_at, transferred_from_station,
             transferred_from_case)
           SELECT ?, ?, ?, ?, template_id, template_version, state, state_entered_at, recheck_at,
             kev_review_catalog, created_at, ?, station_id, id
             FROM station_cases WHERE station_id = ? AND id = ?`,
        )
        .run(refs.incident, refs.device, refs.advisory, refs.revision, now, from.id, caseId)
        .lastInsertRowid,
    );
    // Entries made here earlier, or at a third station, keep the station they name.
    db.prepare(
      `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role,
         answered_at, station_name, answered_by_name)
       SELECT ?, a.section_id, a.item_id, a.value, NULL, a.answered_role, a.answered_at,
              coalesce(a.station_name, ?), coalesce(a.answered_by_name, u.display_name)
         FROM station_case_answers a
         LEFT JOIN station_users u ON u.station_id = a.station_id AND u.id = a.answered_by
        WHERE a.station_id = ? AND a.case_id = ?`,
    ).run(id, from.name, from.id, caseId);
    db.prepare(
      `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role, detail,
         station_name, user_name)
       SELECT ?, h.event, h.from_state, h.to_state, h.at, NULL, h.role, h.detail,
              coalesce(h.station_name, ?), coalesce(h.user_name, u.display_name)
         FROM station_case_history h
         LEFT JOIN station_users u ON u.station_id = h.station_id AND u.id = h.user_id
        WHERE h.station_id = ? AND h.case_id = ? ORDER BY h.id`,
    ).run(id, from.name, from.id, caseId);
    return {
      value: id,
      audit: {
        action: 'case.received',
        entityType: 'case',
        entityId: id,
        payload: {
          fromStation: from.id,
          fromStationName: from.name,
          fromCase: caseId,
          assetTag: remote.asset_tag,
          trackingId: remote.tracking_id,
        },
      },
    };
  });
}

/** The cases a bundle's events hand to this station, opened here (inside the import). */
export function adoptTransfers(
  services: Services,
  self: { station_id: string },
  from: { id: string; name: string },
  events: readonly { action: string; entityId: string | null; payload: unknown }[],
): void {
  for (const e of events) {
    if (e.action !== transferAction || e.entityId === null) continue;
    const payload = e.payload as { toStation?: unknown } | undefined;
    if (payload?.toStation !== self.station_id) continue;
    adoptCase(services, from, parseInt(e.entityId, 10));
  }
}
