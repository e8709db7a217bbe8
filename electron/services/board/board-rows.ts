import type Database from 'better-sqlite3';
import { boardDeviceKeys, type BoardDeviceFields, type BoardRow } from '../../api/domains/board';
import { assigneeOf } from '../cases/case-refs';
import type { WorkflowResources } from '../cases/workflow-resources';
import { selfRow } from '../stations/station-store';
import { hics251Status } from '../workflow/states';
import { loadQuick, rowVerdict } from './board-evaluate';

/**
 * One page of board rows. The page's case ids come from the filtered, sorted SQL; here each is
 * read in one batch, and its gate verdict, flags and next step are evaluated now by the same
 * rules the case screen uses (see board-evaluate.ts). Only the page is evaluated, so a 10,000-case board costs what 100 rows cost.
 */

/** The device columns a board row shows (the API's list, as SQL names them). */
export type DeviceFields = BoardDeviceFields;

/** Only the device fields of a row that carries more. */
export function deviceFieldsOf(row: DeviceFields): DeviceFields {
  return Object.fromEntries(boardDeviceKeys.map((k) => [k, row[k]])) as DeviceFields;
}

interface DeviceCols extends DeviceFields {
  case_id: number;
}

export function boardRows(
  db: Database.Database,
  incidentId: number,
  caseIds: readonly number[],
  resources: WorkflowResources,
  now: Date,
): BoardRow[] {
  if (caseIds.length === 0) return [];
  const self = selfRow(db);
  const station = self ? { id: self.station_id, name: self.name } : null;
  const ids = JSON.stringify(caseIds);
  const quick = loadQuick(db, resources, caseIds, now);
  const devices = new Map(
    (
      db
        .prepare(
          `SELECT c.id AS case_id, d.vendor, d.model, d.family, d.modality, d.site, d.building,
                  d.floor, d.room, d.department
             FROM cases c JOIN devices d ON d.id = c.device_id
            WHERE c.id IN (SELECT value FROM json_each(?))`,
        )
        .all(ids) as DeviceCols[]
    ).map((d) => [d.case_id, d]),
  );
  // Every advisory each device of the page has a case for in this incident.
  const tracking = new Map<number, string[]>();
  for (const t of db
    .prepare(
      `SELECT DISTINCT c2.device_id, a.tracking_id
         FROM cases c JOIN cases c2 ON c2.incident_id = c.incident_id AND c2.device_id = c.device_id
         JOIN advisories a ON a.id = c2.advisory_id
        WHERE c.id IN (SELECT value FROM json_each(?)) AND c.incident_id = ?
        ORDER BY a.tracking_id`,
    )
    .all(ids, incidentId) as { device_id: number; tracking_id: string }[]) {
    const list = tracking.get(t.device_id) ?? [];
    list.push(t.tracking_id);
    tracking.set(t.device_id, list);
  }
  const out: BoardRow[] = [];
  for (const id of caseIds) {
    const q = quick.get(id);
    const d = devices.get(id);
    if (!q || !d) continue;
    const row = q.row;
    const verdict = rowVerdict(db, resources, q, now);
    out.push({
      caseId: row.id,
      station,
      heldHere: true,
      // Filled in by board-view, which computes the priorities of the whole incident once.
      priority: null,
      deviceId: row.device_id,
      assetTag: row.asset_tag,
      ...deviceFieldsOf(d),
      state: row.state,
      stateEnteredAt: row.state_entered_at,
      hics251: hics251Status(row.state),
      assignee: assigneeOf(row),
      advisory: { id: row.advisory_id, trackingId: row.tracking_id, version: row.advisory_version },
      deviceTrackingIds: tracking.get(row.device_id) ?? [row.tracking_id],
      gateVerdict: verdict.gateVerdict,
      flags: verdict.flags,
      recheckAt: row.recheck_at,
      nextAction: verdict.nextAction,
      updatedAt: row.updated_at,
    });
  }
  return out;
}
