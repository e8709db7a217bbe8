import type Database from 'better-sqlite3';
import type { CaseOfDevice, CasePage, CaseSummary } from '../../api/domains/cases';
import { placeText } from '../../api/place-words';
import type { ParsedInputOf } from '../../api/methods';
import type { CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { hics251Status } from '../workflow/states';
import { loadCase } from './case-snapshot';
import { caseSelect, type CaseRow } from './case-store';
import { loadWorkflowResources } from './workflow-resources';
import { assigneeOf, nextActionRef } from './case-refs';
import { heldHere } from './held-here';

/** "My devices" and the incident board: every case with its verdict and flags as of now. */

/** The cases of a device in an incident (one per advisory), found by its asset tag. */
export function casesOfDevice(
  db: Database.Database,
  incidentId: number,
  assetTag: string,
): CaseOfDevice[] {
  return db
    .prepare(
      `SELECT c.id AS caseId, a.id AS advisoryId, a.tracking_id AS trackingId, c.state AS state
         FROM cases c JOIN devices d ON d.id = c.device_id JOIN advisories a ON a.id = c.advisory_id
        WHERE c.incident_id = ? AND d.asset_tag = ? ORDER BY a.tracking_id`,
    )
    .all(incidentId, assetTag) as CaseOfDevice[];
}

export function listCases(ctx: CallContext, input: ParsedInputOf<'cases.list'>): CasePage {
  const { db, clock, resourcesDir } = ctx.services;
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.mine) {
    if (!ctx.user) {
      throw wordedError('invalid_input', 'myDevicesNeedsSignIn', {}, { field: 'mine' });
    }
    // A case handed to another station is no longer anyone's work here.
    where.push(`c.assignee_user_id = ? AND ${heldHere}`);
    params.push(ctx.user.id);
  }
  if (input.incidentId !== undefined) {
    where.push('c.incident_id = ?');
    params.push(input.incidentId);
  }
  if (input.assigneeUserId !== undefined) {
    where.push('c.assignee_user_id = ?');
    params.push(input.assigneeUserId);
  }
  if (input.state !== undefined) {
    where.push('c.state = ?');
    params.push(input.state);
  }
  if (input.openOnly) where.push(`c.state <> 'returned_to_service' AND ${heldHere}`);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM cases c ${clause}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(
      `${caseSelect} ${clause} ORDER BY c.incident_id, d.asset_tag, a.tracking_id LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit ?? 1000, input.offset ?? 0) as CaseRow[];
  const resources = loadWorkflowResources(resourcesDir);
  const now = clock.now();
  return { total, cases: rows.map((row) => caseSummary(db, row, resources, now)) };
}

interface DeviceBits {
  vendor: string | null;
  model: string | null;
  family: string | null;
  modality: string | null;
  department: string | null;
  site: string | null;
  building: string | null;
  floor: string | null;
  room: string | null;
}

function stationName(db: Database.Database): string | null {
  return (
    (db.prepare('SELECT name FROM station_self WHERE singleton = 1').pluck().get() as
      string | undefined) ?? null
  );
}

export function caseSummary(
  db: Database.Database,
  row: CaseRow,
  resources: ReturnType<typeof loadWorkflowResources>,
  now: Date,
): CaseSummary {
  const loaded = loadCase(db, resources, row, now);
  const d = db
    .prepare(
      'SELECT vendor, model, family, modality, department, site, building, floor, room FROM devices WHERE id = ?',
    )
    .get(row.device_id) as DeviceBits;
  const next = loaded.actions.next;
  const place = placeText(d);
  return {
    caseId: row.id,
    incidentId: row.incident_id,
    incidentName: row.incident_name,
    deviceId: row.device_id,
    assetTag: row.asset_tag,
    deviceLabel: [d.vendor, d.model].filter(Boolean).join(' ') || row.asset_tag,
    family: d.family,
    modality: d.modality,
    department: d.department,
    location: place === '' ? null : place,
    place: { site: d.site, building: d.building, floor: d.floor, room: d.room },
    advisoryId: row.advisory_id,
    trackingId: row.tracking_id,
    advisoryVersion: row.advisory_version,
    state: row.state,
    stateEnteredAt: row.state_entered_at,
    hics251: hics251Status(row.state),
    recheckAt: row.recheck_at,
    assignee: assigneeOf(row),
    gateVerdict: loaded.gate.verdict,
    flags: loaded.flags,
    nextAction: nextActionRef(next),
    // This station's, unless it handed the case on or the commander gave it to another station
    // in a conflict (held-here.ts): held there now.
    station:
      row.transferred_to !== null
        ? (row.transferred_to_name ?? row.transferred_to)
        : (row.held_by_station ?? stationName(db)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
