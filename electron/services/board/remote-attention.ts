import type Database from 'better-sqlite3';
import type { BoardAttentionItem } from '../../api/domains/board';
import type { AnswerValue, CaseState } from '../../api/domains/cases';
import { facilityTimeZone, type WorkflowResources } from '../cases/workflow-resources';
import { evaluatePatientSafetyGate } from '../workflow/gate';
import { boardWhere } from './board-query';
import { remoteFrom, stationJoin } from './facility-board';
import { assigneeOf } from '../cases/case-refs';
import { englishMissingPhrase } from '../../api/missing-words';
import { blockedWhy, type AttentionWhy } from './board-evaluate';

/**
 * Cases other stations hold, in the board's "blocked" list: their patient-safety gate is
 * evaluated here from the answers their station sent, as for the board's rows (and in "awaiting
 * sign-off", remote-signoffs.ts). They are listed, not opened: the case is worked at its station.
 */

/** A case another station holds: [station ID, case ID at that station]. */
export type RemoteCaseKey = readonly [string, number];

/** States where a blocked gate matters: it stops the way to standalone. */
export const gateStates: readonly CaseState[] = ['assessing', 'deferred'];
const noLists = { blocked: [], awaiting_signoff: [] };

/** Other stations' cases a rule picked, each with why and who must sign (keyed by `keyOf`). */
export interface RemoteJudged {
  keys: RemoteCaseKey[];
  why: Map<string, AttentionWhy>;
}

/** The case columns an attention item shows, here or at another station. */
export interface AttentionRow {
  id: number;
  asset_tag: string;
  state: CaseState;
  department: string | null;
  assignee_user_id: number | null;
  assignee_name: string | null;
}

export const keyOf = (station: string, id: number) => `${station}/${id}`;

export function remoteBlockedCases(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): RemoteJudged {
  const { where, params } = boardWhere(incidentId, undefined, now, noLists, 'remote');
  const answers = db
    .prepare(
      `SELECT c.station_id, c.id, g.item_id, g.value ${remoteFrom}
         JOIN station_case_answers g ON g.station_id = c.station_id AND g.case_id = c.id
          AND g.section_id = 'patient_safety_gate'
         ${where} AND c.state IN (SELECT value FROM json_each(?))
        ORDER BY c.station_id, c.id`,
    )
    .all(...params, JSON.stringify(gateStates)) as {
    station_id: string;
    id: number;
    item_id: string;
    value: string;
  }[];
  const gates = new Map<string, { key: RemoteCaseKey; given: Record<string, AnswerValue> }>();
  for (const a of answers) {
    const k = keyOf(a.station_id, a.id);
    const gate = gates.get(k) ?? { key: [a.station_id, a.id] as const, given: {} };
    gate.given[a.item_id] = JSON.parse(a.value) as AnswerValue;
    gates.set(k, gate);
  }
  const timeZone = facilityTimeZone(db);
  const blocked: RemoteJudged = { keys: [], why: new Map() };
  for (const [k, { key, given }] of gates) {
    const gate = evaluatePatientSafetyGate(
      given,
      now,
      resources.radionuclides,
      timeZone ? { timeZone } : {},
    );
    if (gate.verdict !== 'blocked') continue;
    blocked.keys.push(key);
    blocked.why.set(k, blockedWhy(gate));
  }
  return blocked;
}

/** The first `limit` of them as attention items, longest in their state first. */
export function remoteJudgedItems(
  db: Database.Database,
  judged: RemoteJudged,
  limit: number,
): BoardAttentionItem[] {
  if (judged.keys.length === 0 || limit <= 0) return [];
  const rows = db
    .prepare(
      `SELECT c.station_id, s.name AS station_name, c.id, d.asset_tag, c.state, d.department,
              c.assignee_user_id, u.display_name AS assignee_name
         ${remoteFrom}
         JOIN stations s ON s.station_id = c.station_id
         LEFT JOIN station_users u ON u.station_id = c.station_id AND u.id = c.assignee_user_id
        WHERE (c.station_id, c.id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
        ORDER BY c.state_entered_at, d.asset_tag LIMIT ?`,
    )
    .all(JSON.stringify(judged.keys), limit) as (AttentionRow & {
    station_id: string;
    station_name: string;
  })[];
  return rows.map((r) => {
    const j = judged.why.get(keyOf(r.station_id, r.id));
    return {
      caseId: r.id,
      station: { id: r.station_id, name: r.station_name },
      assetTag: r.asset_tag,
      state: r.state,
      department: r.department,
      assignee: assigneeOf(r),
      why: j?.why ?? '',
      whyWords: j?.words ?? null,
      waitingFor: (j?.waitingFor ?? []).map(englishMissingPhrase),
      waitingForWords: j?.waitingFor ?? [],
      recheckAt: null,
    };
  });
}

/** An attention row of a case another station holds, with what the SQL lists word. */
export interface RemoteItemRow extends AttentionRow {
  station_id: string;
  station_name: string;
  recheck_at: string | null;
  review_version: string | null;
  tracking_id: string;
  advisory_version: string;
}

/**
 * Other stations' cases in a list that is plain SQL over the case's own columns (overdue
 * re-checks, re-reviews): how many, and the first `limit` in `order`. `where` reads `c` as the
 * local lists do; the replica has the same columns.
 */
export function remoteSqlList(
  db: Database.Database,
  incidentId: number,
  now: Date,
  list: { where: string; params: (string | number)[]; order: string },
  limit: number,
): { count: number; rows: RemoteItemRow[] } {
  if (!db.prepare('SELECT 1 FROM station_cases LIMIT 1').get()) return { count: 0, rows: [] };
  const scope = boardWhere(incidentId, undefined, now, noLists, 'remote');
  const where = `${scope.where} AND ${list.where}`;
  const params = [...scope.params, ...list.params];
  const count = db
    .prepare(`SELECT count(*) ${remoteFrom} ${where}`)
    .pluck()
    .get(...params) as number;
  const rows =
    limit <= 0 || count === 0
      ? []
      : (db
          .prepare(
            `SELECT c.station_id, s.name AS station_name, c.id, d.asset_tag, c.state,
                    d.department, c.assignee_user_id, u.display_name AS assignee_name,
                    c.recheck_at, rr.version AS review_version, a.tracking_id,
                    coalesce(r.version, '') AS advisory_version
               ${remoteFrom}
               JOIN stations s ON s.station_id = c.station_id
               ${stationJoin('users', 'u', 'c.assignee_user_id')}
               ${stationJoin('advisory_revisions', 'r', 'c.advisory_revision_id')}
               ${stationJoin('advisory_revisions', 'rr', 'c.review_revision_id')}
              ${where} ORDER BY ${list.order} LIMIT ?`,
          )
          .all(...params, limit) as RemoteItemRow[]);
  return { count, rows };
}
