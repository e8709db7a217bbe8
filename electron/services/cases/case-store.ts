import type Database from 'better-sqlite3';
import type {
  AnswerValue,
  CaseAnswer,
  CaseHistoryEvent,
  CaseState,
  ChecklistSectionId,
} from '../../api/domains/cases';
import { notFound, wordedError } from '../core/errors';
import { roundAfter } from '../workflow/rounds';
import { isOpen, type WorkflowState } from '../workflow/states';
import type { CaseAnswers, SectionAnswers } from '../playbooks/answers';

/** The rows of a case and the small reads and writes every case operation shares. */

export interface CaseRow {
  id: number;
  incident_id: number;
  incident_name: string;
  incident_status: 'open' | 'closed';
  device_id: number;
  asset_tag: string;
  advisory_id: number;
  tracking_id: string;
  advisory_revision_id: number;
  advisory_version: string;
  current_revision_id: number;
  current_version: string;
  match_id: number | null;
  template_id: string;
  template_version: number;
  state: CaseState;
  state_entered_at: string;
  recheck_at: string | null;
  assignee_user_id: number | null;
  assignee_name: string | null;
  review_revision_id: number | null;
  review_version: string | null;
  review_flagged_at: string | null;
  /** The KEV catalog that made a CVE of this case known exploited, awaiting review. */
  kev_review_catalog: string | null;
  /** Set when the commander chose another station to hold this case (migration 016). */
  held_by_station: string | null;
  /** The station this case was handed to, and its name: it is worked there now. */
  transferred_to: string | null;
  transferred_to_name: string | null;
  created_at: string;
  updated_at: string;
}

export const caseSelect = `
  SELECT c.id, c.incident_id, i.name AS incident_name, i.status AS incident_status,
         c.device_id, d.asset_tag, c.advisory_id, a.tracking_id,
         c.advisory_revision_id, r.version AS advisory_version,
         a.current_revision_id, cr.version AS current_version, c.match_id,
         c.template_id, c.template_version, c.state, c.state_entered_at, c.recheck_at,
         c.assignee_user_id, u.display_name AS assignee_name,
         c.review_revision_id, rr.version AS review_version, c.review_flagged_at,
         c.kev_review_catalog, h.station_name AS held_by_station, c.transferred_to,
         (SELECT s.name FROM stations s WHERE s.station_id = c.transferred_to) AS transferred_to_name,
         c.created_at, c.updated_at
    FROM cases c
    JOIN incidents i ON i.id = c.incident_id
    JOIN devices d ON d.id = c.device_id
    JOIN advisories a ON a.id = c.advisory_id
    JOIN advisory_revisions r ON r.id = c.advisory_revision_id
    JOIN advisory_revisions cr ON cr.id = a.current_revision_id
    LEFT JOIN users u ON u.id = c.assignee_user_id
    LEFT JOIN advisory_revisions rr ON rr.id = c.review_revision_id
    LEFT JOIN case_held_elsewhere h ON h.case_id = c.id`;

/** The notice of a case the commander gave to another station, or null. */
export function heldElsewhere(
  db: Database.Database,
  caseId: number,
): { stationId: string; stationName: string; reason: string | null; since: string } | null {
  const row = db
    .prepare<
      [number],
      { station_id: string; station_name: string; reason: string | null; decided_at: string }
    >(
      'SELECT station_id, station_name, reason, decided_at FROM case_held_elsewhere WHERE case_id = ?',
    )
    .get(caseId);
  return row
    ? {
        stationId: row.station_id,
        stationName: row.station_name,
        reason: row.reason,
        since: row.decided_at,
      }
    : null;
}

export function findCaseRow(db: Database.Database, id: number): CaseRow | undefined {
  return db.prepare(`${caseSelect} WHERE c.id = ?`).get(id) as CaseRow | undefined;
}

export function getCaseRow(db: Database.Database, id: number): CaseRow {
  const row = findCaseRow(db, id);
  if (!row) throw notFound('case', id);
  return row;
}

/**
 * Nothing changes on a closed incident or a closed case: they are the signed record. Nor on a
 * case handed to another station: one writer per case, and that station is its writer now.
 */
export function assertChangeable(row: CaseRow): void {
  if (row.transferred_to !== null) {
    throw wordedError(
      'conflict',
      'caseTransferred',
      { assetTag: row.asset_tag, station: row.transferred_to_name ?? row.transferred_to },
      { caseId: row.id, reason: 'case_transferred', stationId: row.transferred_to },
    );
  }
  if (row.incident_status === 'closed') {
    throw wordedError(
      'conflict',
      'caseIncidentClosed',
      { incident: row.incident_name, assetTag: row.asset_tag },
      { caseId: row.id, reason: 'incident_closed' },
    );
  }
  if (row.held_by_station !== null) {
    throw wordedError(
      'conflict',
      'caseHeldElsewhere',
      { assetTag: row.asset_tag, station: row.held_by_station },
      { caseId: row.id, reason: 'held_elsewhere' },
    );
  }
  if (!isOpen(row.state)) {
    throw wordedError(
      'conflict',
      'caseClosed',
      { assetTag: row.asset_tag },
      { caseId: row.id, reason: 'case_closed' },
      { terms: { state: `state_${row.state}` } },
    );
  }
}

interface AnswerRow {
  section_id: ChecklistSectionId;
  item_id: string;
  value: string;
  answered_by: number | null;
  answered_by_name: string | null;
  answered_role: string;
  answered_at: string;
  station_name: string | null;
}

export interface StoredAnswers {
  /** By section, then item: what the rules read. */
  answers: CaseAnswers;
  /** Who answered each item and when: `${section}/${item}`. */
  meta: Map<string, CaseAnswer>;
}

export function readAnswers(db: Database.Database, caseId: number): StoredAnswers {
  const rows = db
    .prepare(
      `SELECT a.section_id, a.item_id, a.value, a.answered_by,
              coalesce(a.answered_by_name, u.display_name) AS answered_by_name,
              a.answered_role, a.answered_at, a.station_name
         FROM case_answers a LEFT JOIN users u ON u.id = a.answered_by
        WHERE a.case_id = ?`,
    )
    .all(caseId) as AnswerRow[];
  const answers: Partial<Record<ChecklistSectionId, Record<string, unknown>>> = {};
  const meta = new Map<string, CaseAnswer>();
  for (const row of rows) {
    const value = JSON.parse(row.value) as AnswerValue;
    (answers[row.section_id] ??= {})[row.item_id] = value;
    meta.set(`${row.section_id}/${row.item_id}`, {
      value,
      by: {
        userId: row.answered_by,
        name: row.answered_by_name,
        role: row.answered_role,
        // Answered at the station that handed the case here.
        ...(row.station_name !== null ? { station: row.station_name } : {}),
      },
      at: row.answered_at,
    });
  }
  return { answers: answers as CaseAnswers, meta };
}

export function sectionAnswers(answers: CaseAnswers, section: ChecklistSectionId): SectionAnswers {
  return answers[section] ?? {};
}

export interface HistoryInput {
  caseId: number;
  event: CaseHistoryEvent;
  fromState: CaseState | null;
  toState: CaseState;
  at: string;
  userId: number | null;
  role: string;
  detail?: Record<string, unknown>;
}

export function insertHistory(db: Database.Database, h: HistoryInput): void {
  db.prepare(
    `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    h.caseId,
    h.event,
    h.fromState,
    h.toState,
    h.at,
    h.userId,
    h.role,
    JSON.stringify(h.detail ?? {}),
  );
}

/** A history entry for something done to a case that leaves its state as it is. */
export function insertStayingHistory(
  db: Database.Database,
  row: Pick<CaseRow, 'id' | 'state'>,
  entry: Pick<HistoryInput, 'event' | 'at' | 'userId' | 'role' | 'detail'>,
): void {
  insertHistory(db, { ...entry, caseId: row.id, fromState: row.state, toState: row.state });
}

/** A time as stored: ISO 8601 in UTC, so that stored times compare as text. */
export function storedTime(value: string | Date): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

/** The workflow round the case is in (workflow/rounds.ts), from its transitions. */
export function readCaseRound(db: Database.Database, caseId: number): number {
  const transitions = db
    .prepare(
      `SELECT from_state AS "from", to_state AS "to" FROM case_history
        WHERE case_id = ? AND event = 'transition' AND from_state IS NOT NULL ORDER BY id`,
    )
    .all(caseId) as { from: WorkflowState; to: WorkflowState }[];
  return roundAfter(transitions);
}
