import type Database from 'better-sqlite3';
import type { WaitingTransfer, WaitingTransferReason } from '../../api/domains/exchange';
import type { Services } from '../core/context';
import { reopenHandedBack } from './case-handback';
import { receiveCase, type LocalRefs, type RemoteCase } from './case-work';

/**
 * The receiving side of a case handed on (case-transfer.ts): a case another station handed to
 * this one is opened here as a case of its own that continues it (same state, answers, history,
 * sign-offs and assignee), each entry naming the station and person who made it. When this
 * station lacks what the case refers to (the device, the advisory, an open incident working the
 * advisory), or already works a case of its own for the same device and advisory, the transfer
 * waits, with that reason named (`waitingTransfers`), and is tried again at every exchange. A case
 * this station handed on and now gets back is not a second case: its own is reopened
 * (case-handback.ts).
 */

/**
 * Cases other stations handed to this one that are not opened here yet. A case opened here from
 * one of them counts as opened, unless this station handed it back and that station, having
 * taken it back (its case names this one's as where it came from), hands it here once more.
 */
function pendingCases(db: Database.Database, selfId: string): RemoteCase[] {
  return db
    .prepare<[string, string], RemoteCase>(
      `SELECT c.station_id, coalesce(st.name, c.station_id) AS station_name, c.id,
              d.asset_tag, a.tracking_id, r.version, c.assignee_user_id
         FROM station_cases c
         JOIN station_devices d ON d.station_id = c.station_id AND d.id = c.device_id
         JOIN station_advisories a ON a.station_id = c.station_id AND a.id = c.advisory_id
         LEFT JOIN station_advisory_revisions r
           ON r.station_id = c.station_id AND r.id = c.advisory_revision_id
         LEFT JOIN stations st ON st.station_id = c.station_id
        WHERE c.transferred_to = ?
          AND NOT EXISTS (SELECT 1 FROM cases l WHERE l.transferred_from_station = c.station_id
                            AND l.transferred_from_case = c.id
                            AND NOT (l.transferred_to IS c.station_id
                                     AND c.transferred_from_station IS ?
                                     AND c.transferred_from_case IS l.id))
        ORDER BY c.station_id, c.id`,
    )
    .all(selfId, selfId);
}

/** The local records a received case refers to, found as the facility names them, or what lacks. */
function localReferences(
  db: Database.Database,
  c: RemoteCase,
): { refs: LocalRefs } | { missing: WaitingTransferReason } {
  const device = db
    .prepare<[string], number>('SELECT id FROM devices WHERE asset_tag = ?')
    .pluck()
    .get(c.asset_tag);
  if (device === undefined) return { missing: 'device' };
  const advisory = db
    .prepare<[string], { id: number; current_revision_id: number }>(
      'SELECT id, current_revision_id FROM advisories WHERE tracking_id = ?',
    )
    .get(c.tracking_id);
  if (!advisory) return { missing: 'advisory' };
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
  if (incident === undefined) return { missing: 'incident' };
  const taken = db
    .prepare<[number, number, number], { id: number; transferred_to: string | null }>(
      `SELECT id, transferred_to FROM cases
        WHERE incident_id = ? AND device_id = ? AND advisory_id = ?`,
    )
    .get(incident, device, advisory.id);
  // A case of this station's that it handed on is not worked here: the case comes back to it.
  if (taken && taken.transferred_to === null) return { missing: 'own_case' };
  return {
    refs: { incident, device, advisory: advisory.id, revision, handedBack: taken?.id ?? null },
  };
}

/** Reasons in English words (the command line, logs); the screens word them from the code. */
const reasonText: Record<WaitingTransferReason, (c: RemoteCase) => string> = {
  device: (c) => `the device ${c.asset_tag} is not in this station's inventory`,
  advisory: (c) => `the advisory ${c.tracking_id} has not been imported at this station`,
  incident: (c) => `no open incident at this station works the advisory ${c.tracking_id}`,
  own_case: (c) =>
    `this station works a case of its own for ${c.asset_tag} and ${c.tracking_id}: the incident commander chooses which station holds it`,
};

/** The transfers to this station that wait for something here, each with what it waits for. */
export function waitingTransfers(db: Database.Database, selfId: string): WaitingTransfer[] {
  const out: WaitingTransfer[] = [];
  for (const c of pendingCases(db, selfId)) {
    const found = localReferences(db, c);
    if ('refs' in found) continue;
    out.push({
      fromStationId: c.station_id,
      fromStationName: c.station_name,
      caseId: c.id,
      assetTag: c.asset_tag,
      trackingId: c.tracking_id,
      reasonCode: found.missing,
      reason: `The case of ${c.asset_tag} (${c.tracking_id}) handed over by the station "${c.station_name}" waits: ${reasonText[found.missing](c)}.`,
    });
  }
  return out;
}

/** Open here, as a case of its own, the case `c` another station handed to this one. */
function adoptCase(services: Services, c: RemoteCase, refs: LocalRefs): void {
  receiveCase(services, c, refs, (now, assignee) =>
    Number(
      services.db
        .prepare(
          `INSERT INTO cases (incident_id, device_id, advisory_id, advisory_revision_id,
             template_id, template_version, state, state_entered_at, recheck_at,
             kev_review_catalog, assignee_user_id, created_at, updated_at,
             transferred_from_station, transferred_from_case)
           SELECT ?, ?, ?, ?, template_id, template_version, state, state_entered_at, recheck_at,
             kev_review_catalog, ?, created_at, ?, station_id, id
             FROM station_cases WHERE station_id = ? AND id = ?`,
        )
        .run(
          refs.incident,
          refs.device,
          refs.advisory,
          refs.revision,
          assignee,
          now,
          c.station_id,
          c.id,
        ).lastInsertRowid,
    ),
  );
}

/**
 * Open here every case handed to this station that it can hold now (inside the caller's
 * transaction: an import's, so the cases land with the bundle that hands them over, or a retry
 * after this station imported what one waited for). Returns how many were opened.
 */
export function adoptWaitingTransfers(services: Services, self: { station_id: string }): number {
  let opened = 0;
  for (const c of pendingCases(services.db, self.station_id)) {
    const found = localReferences(services.db, c);
    if (!('refs' in found)) continue;
    if (found.refs.handedBack === null) adoptCase(services, c, found.refs);
    else reopenHandedBack(services, c, found.refs, found.refs.handedBack);
    opened += 1;
  }
  return opened;
}
