import type Database from 'better-sqlite3';
import type {
  CaseConflict,
  CaseConflictList,
  ConflictingCase,
} from '../../api/domains/case-conflicts';
import { remoteFrom } from '../board/facility-board';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { selfRow } from '../stations/station-store';
import { requireCommandPost } from './case-requests';
import { settleLocalCases } from './conflict-choices';

/**
 * One writer per case, across stations: when two stations open a case for the same device (asset
 * tag) and advisory (tracking ID), nothing is merged (a case handed on is not held: the station
 * it went to holds it). The pair is listed as a conflict until the
 * commander chooses which station holds the case; the choice is a record of its own, audited.
 */

interface HeldRow {
  station_id: string;
  station_name: string;
  here: number;
  case_id: number;
  asset_tag: string;
  tracking_id: string;
  state: string;
  updated_at: string;
}

/** The cases `where` selects whose pair is held at two or more stations (this one included). */
function heldCases(db: Database.Database, where: string, params: Record<string, unknown>) {
  return db
    .prepare<Record<string, unknown>, HeldRow>(
      `WITH held AS (SELECT * FROM (
         SELECT s.station_id, s.name AS station_name, 1 AS here, c.id AS case_id, d.asset_tag,
                a.tracking_id, c.state, c.updated_at, c.incident_id AS local_incident
           FROM cases c JOIN devices d ON d.id = c.device_id
           JOIN advisories a ON a.id = c.advisory_id
           JOIN station_self s
          WHERE c.transferred_to IS NULL
         UNION ALL
         SELECT c.station_id, st.name, 0, c.id, d.asset_tag, a.tracking_id, c.state,
                c.updated_at, NULL
           ${remoteFrom}
           JOIN stations st ON st.station_id = c.station_id
          WHERE st.revoked_at IS NULL AND c.transferred_to IS NULL)
        WHERE ${where})
       SELECT * FROM held WHERE (asset_tag, tracking_id) IN (SELECT asset_tag, tracking_id FROM held
         GROUP BY asset_tag, tracking_id HAVING count(DISTINCT station_id) > 1)
        ORDER BY asset_tag, tracking_id, here DESC, station_name, station_id, case_id`,
    )
    .all(params);
}

/** The incident's pairs: its own cases' and the others' whose advisory is one of the incident's. */
const ofIncident = `(local_incident = @incident OR (local_incident IS NULL AND tracking_id IN
  (SELECT la.tracking_id FROM incident_advisories ia JOIN advisories la ON la.id = ia.advisory_id
    WHERE ia.incident_id = @incident)))`;

interface DecisionRow {
  asset_tag: string;
  tracking_id: string;
  station_id: string;
  reason: string | null;
  decided_by_name: string | null;
  decided_at: string;
}

function conflictsOf(db: Database.Database, rows: HeldRow[]): CaseConflict[] {
  const pairs = new Map<string, HeldRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.asset_tag, r.tracking_id]);
    pairs.set(key, [...(pairs.get(key) ?? []), r]);
  }
  const decision = db.prepare<[string, string], DecisionRow>(
    `SELECT k.*, u.display_name AS decided_by_name FROM case_conflict_decisions k
       LEFT JOIN users u ON u.id = k.decided_by WHERE k.asset_tag = ? AND k.tracking_id = ?`,
  );
  const conflicts: CaseConflict[] = [];
  for (const held of pairs.values()) {
    if (new Set(held.map((h) => h.station_id)).size < 2) continue;
    const first = held[0] as HeldRow;
    const cases = held.map((h): ConflictingCase => ({
      stationId: h.station_id,
      stationName: h.station_name,
      caseId: h.case_id,
      here: h.here === 1,
      state: h.state,
      updatedAt: h.updated_at,
    }));
    const d = decision.get(first.asset_tag, first.tracking_id);
    conflicts.push({
      assetTag: first.asset_tag,
      trackingId: first.tracking_id,
      cases,
      decision: d
        ? {
            stationId: d.station_id,
            stationName: cases.find((c) => c.stationId === d.station_id)?.stationName ?? '',
            decidedBy: d.decided_by_name ?? '',
            decidedAt: d.decided_at,
            reason: d.reason,
          }
        : null,
    });
  }
  return conflicts;
}

export function listConflicts(db: Database.Database, incidentId: number): CaseConflictList {
  return { conflicts: conflictsOf(db, heldCases(db, ofIncident, { incident: incidentId })) };
}

export function chooseStation(
  ctx: CallContext,
  input: { assetTag: string; trackingId: string; stationId: string; reason?: string | undefined },
): CaseConflict {
  const { db, clock } = ctx.services;
  requireCommandPost(db);
  const pair = { tag: input.assetTag, tracking: input.trackingId };
  const find = () =>
    conflictsOf(db, heldCases(db, 'asset_tag = @tag AND tracking_id = @tracking', pair))[0];
  const conflict = find();
  const what = { assetTag: input.assetTag, trackingId: input.trackingId };
  if (!conflict) throw wordedError('not_found', 'conflictNone', what, { field: 'assetTag' });
  const chosen = conflict.cases.find((c) => c.stationId === input.stationId);
  if (!chosen) {
    const stations = [...new Set(conflict.cases.map((c) => `"${c.stationName}"`))].join(', ');
    throw wordedError(
      'invalid_input',
      'conflictStationHoldsNone',
      { ...what, stations },
      { field: 'stationId', stationId: input.stationId },
    );
  }
  // The permission allows signed-in commanders only: the actor is a user.
  const userId = ctx.actor.userId;
  const reason = input.reason?.trim() || null;
  const selfId = selfRow(db)?.station_id ?? '';
  return mutate(ctx, () => {
    const at = clock.now().toISOString();
    db.prepare(
      `INSERT INTO case_conflict_decisions
         (asset_tag, tracking_id, station_id, reason, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (asset_tag, tracking_id) DO UPDATE SET station_id = excluded.station_id,
         reason = excluded.reason, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at`,
    ).run(input.assetTag, input.trackingId, input.stationId, reason, userId, at);
    // This station's own case follows the choice here at once, as the others' do on import.
    const settled = settleLocalCases(
      db,
      selfId,
      { ...input, stationName: chosen.stationName, reason },
      at,
    );
    return {
      value: find() as CaseConflict,
      audit: [
        {
          action: 'case_conflict.decided',
          entityType: 'device',
          entityId: input.assetTag,
          payload: {
            assetTag: input.assetTag,
            trackingId: input.trackingId,
            before: conflict.decision?.stationId ?? null,
            stationId: input.stationId,
            stationName: chosen.stationName,
            reason,
            cases: conflict.cases.map((c) => ({ stationId: c.stationId, caseId: c.caseId })),
          },
        },
        ...settled,
      ],
    };
  });
}
