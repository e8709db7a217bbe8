import type Database from 'better-sqlite3';
import type { CaseState } from '../../api/domains/cases';
import { systemActor, type AuditInput } from '../audit/append';
import { insertStayingHistory } from '../cases/case-store';
import { canonicalJson } from '../audit/hash';
import { mutate, type Services } from '../core/context';
import { contentHash } from '../people/insert-signoff';

/**
 * What a case received from another station brings with it, whether it is opened here
 * (case-adopt.ts) or reopens this station's own case handed back (case-handback.ts): its answers,
 * history entries and sign-offs, each naming the station and person who made it, its assignee
 * matched by staff ID, and the `case.received` event that records it.
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

/**
 * Open here (or reopen, when it is handed back) the case `c` another station handed to this one,
 * in one audited change: `writeCase` writes the case's own row and returns its ID; its work, the
 * entry that it was taken over, its sign-offs and the `case.received` event follow, the same for
 * both.
 */
export function receiveCase(
  services: Services,
  c: RemoteCase,
  refs: LocalRefs,
  writeCase: (at: string, assignee: number | null) => number,
): void {
  const { db, clock } = services;
  const now = clock.now().toISOString();
  const back = refs.handedBack !== null;
  const assignee = localUser(db, remoteStaffId(db, c.station_id, c.assignee_user_id));
  mutate({ services, actor: systemActor }, () => {
    const id = writeCase(now, assignee);
    copyWork(db, c, id);
    insertTakenOver(db, c, id, now, back);
    const signoffs = carrySignoffs(db, c, id, refs.advisory);
    return { value: id, audit: receivedEvent(c, id, assignee, signoffs, back) };
  });
}

/**
 * The other station's answers and history entries, added to the case here. Entries made here
 * earlier, or at a third station, keep the station they name; an entry the case already has
 * (one this station made before handing it on: the same event, states, time and detail) is not
 * added twice.
 */
function copyWork(db: Database.Database, c: RemoteCase, caseId: number): void {
  db.prepare(
    `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role,
       answered_at, station_name, answered_by_name)
     SELECT ?, a.section_id, a.item_id, a.value, NULL, a.answered_role, a.answered_at,
            coalesce(a.station_name, ?), coalesce(a.answered_by_name, u.display_name)
       FROM station_case_answers a
       LEFT JOIN station_users u ON u.station_id = a.station_id AND u.id = a.answered_by
      WHERE a.station_id = ? AND a.case_id = ?
        AND NOT EXISTS (SELECT 1 FROM case_answers l WHERE l.case_id = ?
              AND l.section_id = a.section_id AND l.item_id = a.item_id
              AND l.value = a.value AND l.answered_at = a.answered_at)
     ON CONFLICT (case_id, section_id, item_id) DO UPDATE SET value = excluded.value,
       answered_by = NULL, answered_role = excluded.answered_role,
       answered_at = excluded.answered_at, station_name = excluded.station_name,
       answered_by_name = excluded.answered_by_name`,
  ).run(caseId, c.station_name, c.station_id, c.id, caseId);
  db.prepare(
    `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role, detail,
       station_name, user_name)
     SELECT ?, h.event, h.from_state, h.to_state, h.at, NULL, h.role, h.detail,
            coalesce(h.station_name, ?), coalesce(h.user_name, u.display_name)
       FROM station_case_history h
       LEFT JOIN station_users u ON u.station_id = h.station_id AND u.id = h.user_id
      WHERE h.station_id = ? AND h.case_id = ?
        AND NOT EXISTS (SELECT 1 FROM case_history l WHERE l.case_id = ? AND l.event = h.event
              AND l.to_state IS h.to_state AND l.at = h.at AND l.from_state IS h.from_state
              AND l.detail = h.detail)
      ORDER BY h.id`,
  ).run(caseId, c.station_name, c.station_id, c.id, caseId);
}

/**
 * The entry that says, in the case's history here, that it was taken over from the station that
 * handed it (or taken back, when it is this station's own case handed back). Made by the import,
 * not a person: the person who handed it is named by that station's own entry, copied above it.
 */
function insertTakenOver(
  db: Database.Database,
  c: RemoteCase,
  caseId: number,
  at: string,
  back: boolean,
): void {
  const state = db
    .prepare<[number], CaseState>('SELECT state FROM cases WHERE id = ?')
    .pluck()
    .get(caseId);
  if (state === undefined) return;
  insertStayingHistory(
    db,
    { id: caseId, state },
    {
      event: 'taken_over',
      at,
      userId: null,
      role: systemActor.role,
      detail: { station: c.station_name, stationId: c.station_id, ...(back ? { back } : {}) },
    },
  );
}

/** The `case.received` event of a case opened or reopened here. */
function receivedEvent(
  c: RemoteCase,
  caseId: number,
  assignee: number | null,
  signoffs: { carried: number; notCarried: { kind: string; name: string }[] },
  handedBack: boolean,
): Omit<AuditInput, 'actor'> {
  return {
    action: 'case.received',
    entityType: 'case',
    entityId: caseId,
    payload: {
      fromStation: c.station_id,
      fromStationName: c.station_name,
      fromCase: c.id,
      assetTag: c.asset_tag,
      trackingId: c.tracking_id,
      ...(handedBack ? { handedBack: true } : {}),
      assigneeUserId: assignee,
      // The assignee there, when no account here has their staff ID.
      assigneeNotCarried: c.assignee_user_id !== null && assignee === null,
      signoffsCarried: signoffs.carried,
      signoffsNotCarried: signoffs.notCarried,
    },
  };
}

/** This station's active account of a person of another station, matched by staff ID. */
function localUser(db: Database.Database, staffId: string | null): number | null {
  if (!staffId) return null;
  return (
    db
      .prepare<[string], number>('SELECT id FROM users WHERE staff_id = ? AND active = 1')
      .pluck()
      .get(staffId) ?? null
  );
}

function remoteStaffId(db: Database.Database, stationId: string, userId: number | null) {
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
function carrySignoffs(
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
