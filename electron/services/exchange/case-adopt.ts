import type Database from 'better-sqlite3';
import type { WaitingTransfer, WaitingTransferReason } from '../../api/domains/exchange';
import { systemActor } from '../audit/append';
import { canonicalJson } from '../audit/hash';
import { mutate, type Services } from '../core/context';
import { contentHash } from '../people/insert-signoff';
import { reopenHandedBack } from './case-handback';

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

export interface RemoteCase {
  station_id: string;
  station_name: string;
  id: number;
  asset_tag: string;
  tracking_id: string;
  version: string | null;
  assignee_user_id: number | null;
}

export interface LocalRefs {
  incident: number;
  device: number;
  advisory: number;
  revision: number;
  /** This station's own case for it, handed on earlier: the case is handed back. */
  handedBack: number | null;
}

/** Cases other stations handed to this one that are not opened here yet. */
function pendingCases(db: Database.Database, selfId: string): RemoteCase[] {
  return db
    .prepare<[string], RemoteCase>(
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
                            AND l.transferred_from_case = c.id)
        ORDER BY c.station_id, c.id`,
    )
    .all(selfId);
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

/** This station's active account of a person of another station, matched by staff ID. */
export function localUser(db: Database.Database, staffId: string | null): number | null {
  if (!staffId) return null;
  return (
    db
      .prepare<[string], number>('SELECT id FROM users WHERE staff_id = ? AND active = 1')
      .pluck()
      .get(staffId) ?? null
  );
}

export function remoteStaffId(db: Database.Database, stationId: string, userId: number | null) {
  if (userId === null) return null;
  return (
    db
      .prepare<[string, number], string | null>(
        'SELECT staff_id FROM station_users WHERE station_id = ? AND id = ?',
      )
      .pluck()
      .get(stationId, userId) ?? null
  );
}

interface RemoteSignoff {
  kind: string;
  user_id: number;
  user_name: string;
  role: string;
  statement: string;
  content: string;
  signed_at: string;
  staff_id: string | null;
}

/**
 * The case's sign-offs, carried as what their signers attested: the same sections, advisory
 * version, template and round, with the case and advisory named by this station's IDs. A sign-off
 * valid at the station that gave the case is valid here; a stale one stays stale. A signer is
 * this station's account with the same staff ID; a sign-off whose signer has none here cannot be
 * carried (the workflow counts sign-offs by person) and is named in the `case.received` event.
 * One this station already has (its own, on a case handed back) is left as it is.
 */
export function carrySignoffs(
  db: Database.Database,
  c: RemoteCase,
  caseId: number,
  advisoryId: number,
): { carried: number; notCarried: { kind: string; name: string }[] } {
  const rows = db
    .prepare<[string, string, string], RemoteSignoff>(
      `SELECT s.kind, s.user_id, s.user_name, s.role, s.statement, s.content, s.signed_at,
              coalesce(s.staff_id, u.staff_id) AS staff_id
         FROM station_signoffs s
         LEFT JOIN station_users u ON u.station_id = s.station_id AND u.id = s.user_id
        WHERE s.station_id = ? AND s.subject_type = 'case' AND s.subject_id >= ?
          AND s.subject_id < ? ORDER BY s.id`,
    )
    .all(c.station_id, `${c.id}:`, `${c.id};`);
  const insert = db.prepare(
    `INSERT INTO signoffs (subject_type, subject_id, kind, user_id, user_name, role, statement,
       content, content_hash, signed_at, staff_id)
     VALUES ('case', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const had = db
    .prepare<[string, string, string], number>(
      `SELECT 1 FROM signoffs WHERE subject_type = 'case' AND subject_id = ? AND kind = ?
          AND signed_at = ?`,
    )
    .pluck();
  const notCarried: { kind: string; name: string }[] = [];
  let carried = 0;
  for (const s of rows) {
    if (had.get(`${caseId}:${s.kind}`, s.kind, s.signed_at) !== undefined) continue;
    const user = localUser(db, s.staff_id);
    if (user === null) {
      notCarried.push({ kind: s.kind, name: s.user_name });
      continue;
    }
    const attested = JSON.parse(s.content) as Record<string, unknown>;
    const advisory = (attested.advisory ?? {}) as Record<string, unknown>;
    const content = { ...attested, caseId, advisory: { ...advisory, id: advisoryId } };
    insert.run(
      `${caseId}:${s.kind}`,
      s.kind,
      user,
      s.user_name,
      s.role,
      s.statement,
      canonicalJson(content),
      contentHash(content),
      s.signed_at,
      s.staff_id,
    );
    carried += 1;
  }
  return { carried, notCarried };
}

/** Open here the case `c` another station handed to this one, with its audit event. */
function adoptCase(services: Services, c: RemoteCase, refs: LocalRefs): void {
  const { db, clock } = services;
  const now = clock.now().toISOString();
  const assigneeStaffId = remoteStaffId(db, c.station_id, c.assignee_user_id);
  const assignee = localUser(db, assigneeStaffId);
  mutate({ services, actor: systemActor }, () => {
    const id = Number(
      db
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
    ).run(id, c.station_name, c.station_id, c.id);
    db.prepare(
      `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role, detail,
         station_name, user_name)
       SELECT ?, h.event, h.from_state, h.to_state, h.at, NULL, h.role, h.detail,
              coalesce(h.station_name, ?), coalesce(h.user_name, u.display_name)
         FROM station_case_history h
         LEFT JOIN station_users u ON u.station_id = h.station_id AND u.id = h.user_id
        WHERE h.station_id = ? AND h.case_id = ? ORDER BY h.id`,
    ).run(id, c.station_name, c.station_id, c.id);
    const signoffs = carrySignoffs(db, c, id, refs.advisory);
    return {
      value: id,
      audit: {
        action: 'case.received',
        entityType: 'case',
        entityId: id,
        payload: {
          fromStation: c.station_id,
          fromStationName: c.station_name,
          fromCase: c.id,
          assetTag: c.asset_tag,
          trackingId: c.tracking_id,
          assigneeUserId: assignee,
          // The assignee there, when no account here has their staff ID.
          assigneeNotCarried: c.assignee_user_id !== null && assignee === null,
          signoffsCarried: signoffs.carried,
          signoffsNotCarried: signoffs.notCarried,
        },
      },
    };
  });
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
