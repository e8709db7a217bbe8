import type { GateWords } from '../../api/gate-words';
import type Database from 'better-sqlite3';
import {
  zeroHics251Counts,
  type CaseState,
  type ChecklistSectionId,
  type Hics251Status,
} from '../../api/domains/cases';
import { boardWhere } from '../board/board-query';
import { remoteFrom } from '../board/facility-board';
import type { SectionAnswers } from '../playbooks/answers';
import { selfRow } from '../stations/station-store';
import type { Hics251Report, Hics251Row } from '../../api/domains/reports';
import { readAnswers, sectionAnswers } from '../cases/case-store';
import { facilityTimeZone, type WorkflowResources } from '../cases/workflow-resources';
import { evaluatePatientSafetyGate } from '../workflow/gate';
import { hics251Labels, hics251Status } from '../workflow/states';
import { placeText } from '../../api/place-words';
import type { ReportContext } from './report-header';
import { heldHere } from '../cases/held-here';

/**
 * HICS 251 Facility System Status: one line per device case. The status comes from the workflow's
 * own mapping (`hics251Status`, documented in workflow/states.ts); the reason says in plain words
 * what the state means for patients. Each state has its sentence here, and the compiler checks
 * that none is missing.
 */
export const hics251Reasons: Record<CaseState, string> = {
  at_risk: 'Vulnerable; in clinical use on the network, assessment not started',
  assessing: 'Vulnerable; in clinical use on the network while it is assessed',
  protected_connected: 'In use on a verified, isolated network segment until it is patched',
  deferred: 'Kept in use: patients depend on it now (disconnection deferred until the re-check)',
  standalone: 'Disconnected, running standalone: no PACS, worklist or remote reading',
  patching: 'Out of service: the vendor patch is being installed',
  verifying: 'Out of service: patch level, quality control and ports being verified',
  reconnecting: 'Scanning; network links being restored and the backlog sent to PACS',
  returned_to_service: 'Patched, verified and back in service on the network',
  quarantined: 'Out of service: suspected compromise, held with its evidence',
  restoring: 'Out of service: being re-imaged from known-good vendor media',
};

const noLists = { blocked: [], awaiting_signoff: [] };

const statusOrder: Record<Hics251Status, number> = {
  non_functional: 0,
  partially_functional: 1,
  fully_functional: 2,
};

interface Row {
  id: number;
  /** The station holding the case: '' for this one. */
  station_id: string;
  station_name: string | null;
  asset_tag: string;
  vendor: string | null;
  model: string | null;
  site: string | null;
  building: string | null;
  floor: string | null;
  room: string | null;
  department: string | null;
  state: CaseState;
  recheck_at: string | null;
  tracking_id: string;
  advisory_version: string;
  assignee_name: string | null;
  review_revision_id: number | null;
}

/** The answers of one section of a case, at this station or from its station's bundles. */
function answersOf(db: Database.Database, row: Row, section: ChecklistSectionId): SectionAnswers {
  if (row.station_id === '') return sectionAnswers(readAnswers(db, row.id).answers, section);
  const out: Record<string, unknown> = {};
  for (const a of db
    .prepare(
      `SELECT item_id, value FROM station_case_answers
        WHERE station_id = ? AND case_id = ? AND section_id = ?`,
    )
    .all(row.station_id, row.id, section) as { item_id: string; value: string }[]) {
    out[a.item_id] = JSON.parse(a.value) as unknown;
  }
  return out;
}

/** When the device is expected back: the re-check time, else the end of a booked patch window. */
function estimatedReturn(db: Database.Database, row: Row): string | null {
  if (row.state === 'deferred') return row.recheck_at;
  if (!['standalone', 'protected_connected', 'patching'].includes(row.state)) return null;
  const window = answersOf(db, row, 'patch_record').remote_window_closes_at;
  const parsed: unknown = window;
  return typeof parsed === 'string' && !Number.isNaN(Date.parse(parsed))
    ? new Date(parsed).toISOString()
    : null;
}

export function hics251Rows(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): Hics251Row[] {
  const self = selfRow(db)?.name ?? null;
  const remote = boardWhere(incidentId, undefined, now, noLists, 'remote');
  const local = db
    .prepare(
      `SELECT c.id, '' AS station_id, NULL AS station_name, d.asset_tag, d.vendor, d.model, d.site, d.building, d.floor, d.room,
              d.department, c.state, c.recheck_at, a.tracking_id, r.version AS advisory_version,
              u.display_name AS assignee_name, c.review_revision_id
         FROM cases c
         JOIN devices d ON d.id = c.device_id
         JOIN advisories a ON a.id = c.advisory_id
         JOIN advisory_revisions r ON r.id = c.advisory_revision_id
         LEFT JOIN users u ON u.id = c.assignee_user_id
        WHERE c.incident_id = ? AND ${heldHere}
        ORDER BY d.asset_tag, a.tracking_id`,
    )
    .all(incidentId) as Row[];
  // The cases other stations hold, as their bundles describe them (facility-board.ts).
  const others = db
    .prepare(
      `SELECT c.id, c.station_id, s.name AS station_name, d.asset_tag, d.vendor, d.model, d.site,
              d.building, d.floor, d.room, d.department, c.state, c.recheck_at, a.tracking_id,
              coalesce(r.version, '') AS advisory_version, u.display_name AS assignee_name,
              c.review_revision_id
         ${remoteFrom}
         JOIN stations s ON s.station_id = c.station_id
         LEFT JOIN station_advisory_revisions r
           ON r.station_id = c.station_id AND r.id = c.advisory_revision_id
         LEFT JOIN station_users u ON u.station_id = c.station_id AND u.id = c.assignee_user_id
        ${remote.where}`,
    )
    .all(...remote.params) as Row[];
  const rows = [...local, ...others].sort(
    (a, b) =>
      a.asset_tag.localeCompare(b.asset_tag) ||
      a.tracking_id.localeCompare(b.tracking_id) ||
      a.station_id.localeCompare(b.station_id),
  );
  const timeZone = facilityTimeZone(db);
  const out = rows.map((row): Hics251Row => {
    const status = hics251Status(row.state);
    let reason = hics251Reasons[row.state];
    let gateReason: string | null = null;
    let gateReasonWords: GateWords | null = null;
    if (row.state === 'assessing' || row.state === 'deferred') {
      const gate = evaluatePatientSafetyGate(
        answersOf(db, row, 'patient_safety_gate'),
        now,
        resources.radionuclides,
        { timeZone },
      );
      if (gate.verdict === 'blocked' && gate.reasons[0]) {
        gateReason = gate.reasons[0];
        gateReasonWords = gate.reasonWords[0] ?? null;
        reason += `. Gate: ${gateReason}`;
      }
    }
    const awaitsReview = row.review_revision_id !== null && row.state !== 'returned_to_service';
    const comments = [
      `${row.tracking_id} revision ${row.advisory_version}`,
      row.assignee_name ? `assigned to ${row.assignee_name}` : 'not assigned',
      ...(awaitsReview ? ['a newer advisory revision awaits review'] : []),
    ].join('; ');
    const place = placeText(row);
    const label = [row.vendor, row.model].filter(Boolean).join(' ');
    return {
      caseId: row.id,
      station: row.station_id === '' ? self : row.station_name,
      heldHere: row.station_id === '',
      system: label ? `${label} (asset ${row.asset_tag})` : row.asset_tag,
      label,
      assetTag: row.asset_tag,
      status,
      statusLabel: hics251Labels[status],
      state: row.state,
      location: [place, row.department ? `(${row.department})` : '']
        .filter((p) => p !== '')
        .join(' '),
      place: { site: row.site, building: row.building, floor: row.floor, room: row.room },
      department: row.department,
      reason,
      gateReason,
      gateReasonWords,
      estimatedReturn: estimatedReturn(db, row),
      comments,
      advisory: { trackingId: row.tracking_id, version: row.advisory_version },
      assignee: row.assignee_name,
      awaitsReview,
    };
  });
  // Stable sort: within a status the rows keep their asset-tag order.
  return out.sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
}

export function hics251Report(
  db: Database.Database,
  rc: ReportContext,
  resources: WorkflowResources,
): Hics251Report {
  const rows = hics251Rows(db, rc.head.id, resources, rc.now);
  const totals = zeroHics251Counts();
  for (const r of rows) totals[r.status] += 1;
  return { kind: 'hics251', header: rc.header, totals, rows };
}
