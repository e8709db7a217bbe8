import type Database from 'better-sqlite3';
import type { AnswerValue } from '../../api/domains/cases';
import { caseSubjectType } from '../cases/case-content';
import { caseSubjectRange, judgeCaseSignoffs, type CaseSignoffRow } from '../cases/case-signoffs';
import type { CaseRow } from '../cases/case-store';
import { facilityTimeZone, type WorkflowResources } from '../cases/workflow-resources';
import { roundAfter } from '../workflow/rounds';
import type { WorkflowState } from '../workflow/states';
import { awaitingSignoffWhy, couldAwaitSignoff, quickCase, signoffStates } from './board-evaluate';
import { boardWhere } from './board-query';
import { remoteFrom, stationJoin } from './facility-board';
import { keyOf, type RemoteJudged } from './remote-attention';

/**
 * Cases other stations hold, in the board's "awaiting sign-off" list. Their answers, history and
 * sign-offs arrive in their bundles (the replica of migration 011), so the same rules as for this
 * station's cases run on them here: which sign-offs are still valid (`judgeCaseSignoffs`, against
 * the content the case shows now), and whether the next step lacks only those
 * (`awaitingSignoffWhy`). The verdict is the holding station's own, as of its last bundle.
 */

const noLists = { blocked: [], awaiting_signoff: [] };

/** The replica's columns as a `CaseRow` (the incident and holding columns are not read here). */
const remoteCaseSelect = `
  SELECT c.station_id, c.id, c.incident_id, '' AS incident_name, 'open' AS incident_status,
         c.device_id, d.asset_tag, c.advisory_id, a.tracking_id, c.advisory_revision_id,
         coalesce(r.version, '') AS advisory_version, a.current_revision_id,
         coalesce(cr.version, '') AS current_version, c.match_id, c.template_id,
         c.template_version, c.state, c.state_entered_at, c.recheck_at, c.assignee_user_id,
         u.display_name AS assignee_name, c.review_revision_id, rr.version AS review_version,
         c.review_flagged_at, c.kev_review_catalog, NULL AS held_by_station, c.transferred_to,
         NULL AS transferred_to_name, c.created_at, c.updated_at
    ${remoteFrom}
    ${stationJoin('advisory_revisions', 'r', 'c.advisory_revision_id')}
    ${stationJoin('advisory_revisions', 'cr', 'a.current_revision_id')}
    ${stationJoin('advisory_revisions', 'rr', 'c.review_revision_id')}
    ${stationJoin('users', 'u', 'c.assignee_user_id')}`;

export function remoteAwaitingSignoff(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): RemoteJudged {
  const judged: RemoteJudged = { keys: [], why: new Map() };
  if (!db.prepare('SELECT 1 FROM station_cases LIMIT 1').get()) return judged;
  const { where, params } = boardWhere(incidentId, undefined, now, noLists, 'remote');
  // As for this station's cases: the right state, and some answers given.
  const rows = db
    .prepare(
      `${remoteCaseSelect} ${where} AND c.state IN (SELECT value FROM json_each(?))
          AND EXISTS (SELECT 1 FROM station_case_answers g
                       WHERE g.station_id = c.station_id AND g.case_id = c.id)
        ORDER BY c.station_id, c.id`,
    )
    .all(...params, JSON.stringify(signoffStates)) as (CaseRow & { station_id: string })[];
  if (rows.length === 0) return judged;
  const timeZone = facilityTimeZone(db);
  const answersOf = db.prepare<
    [string, number],
    { section_id: string; item_id: string; value: string }
  >(
    `SELECT section_id, item_id, value FROM station_case_answers
      WHERE station_id = ? AND case_id = ?`,
  );
  for (const row of rows) {
    // A playbook version this station does not have cannot be judged here.
    if (!resources.playbooks.get(row.template_id, row.template_version)) continue;
    const answers: Record<string, Record<string, AnswerValue>> = {};
    for (const a of answersOf.all(row.station_id, row.id)) {
      (answers[a.section_id] ??= {})[a.item_id] = JSON.parse(a.value) as AnswerValue;
    }
    const q = quickCase(row, answers, resources, now, timeZone);
    if (!couldAwaitSignoff(q, now)) continue;
    const signoffs = judgeCaseSignoffs(
      remoteSignoffRows(db, row.station_id, row.id),
      row,
      q.bare.answers,
      remoteRound(db, row.station_id, row.id),
    );
    const why = awaitingSignoffWhy(q, signoffs.valid, now);
    if (!why) continue;
    judged.keys.push([row.station_id, row.id]);
    judged.why.set(keyOf(row.station_id, row.id), why);
  }
  return judged;
}

/** The station's sign-offs on its case, as `readCaseSignoffs` reads this station's. */
function remoteSignoffRows(db: Database.Database, stationId: string, caseId: number) {
  return db
    .prepare(
      `SELECT s.id, s.subject_id, s.kind, s.user_id, s.user_name, s.role, s.statement,
              s.content_hash, s.signed_at, COALESCE(s.staff_id, u.staff_id) AS staff_id,
              json_extract(s.content, '$.round') AS round
         FROM station_signoffs s
         LEFT JOIN station_users u ON u.station_id = s.station_id AND u.id = s.user_id
        WHERE s.station_id = ? AND s.subject_type = ? AND s.subject_id >= ? AND s.subject_id < ?
        ORDER BY s.id`,
    )
    .all(stationId, caseSubjectType, ...caseSubjectRange(caseId)) as CaseSignoffRow[];
}

/** The workflow round of the station's case, from its transitions, as `readCaseRound`. */
function remoteRound(db: Database.Database, stationId: string, caseId: number): number {
  const transitions = db
    .prepare(
      `SELECT from_state AS "from", to_state AS "to" FROM station_case_history
        WHERE station_id = ? AND case_id = ? AND event = 'transition' AND from_state IS NOT NULL
        ORDER BY id`,
    )
    .all(stationId, caseId) as { from: WorkflowState; to: WorkflowState }[];
  return roundAfter(transitions);
}
