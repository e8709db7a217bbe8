import type Database from 'better-sqlite3';
import type { BoardRow, BoardSortKey } from '../../api/domains/board';
import type { AnswerValue, CaseState } from '../../api/domains/cases';
import { caseFlags } from '../cases/case-snapshot';
import { facilityTimeZone, type WorkflowResources } from '../cases/workflow-resources';
import { evaluatePatientSafetyGate } from '../workflow/gate';
import { hics251Status } from '../workflow/states';
import { boardWhere, sortExpressions, type BoardSql } from './board-query';
import { assigneeOf } from '../cases/case-refs';
import { deviceFieldsOf, type DeviceFields } from './board-rows';
import { heldHereSql } from '../cases/held-here';

/**
 * The board over the whole facility: this station's cases and the cases other stations hold, as
 * their bundles describe them (the replica of migration 011). While no other station's case is
 * here, the board reads only local tables, exactly as before. A case held elsewhere is shown, not
 * worked: its row has no next step, and its gate is evaluated from the answers its station sent.
 */

/** A case on the facility board: its station ('' for this one) and its ID at that station. */
export interface FacilityCaseKey {
  station: string;
  id: number;
}

export const remoteFrom = `FROM station_cases c
  JOIN station_devices d ON d.station_id = c.station_id AND d.id = c.device_id
  JOIN station_advisories a ON a.station_id = c.station_id AND a.id = c.advisory_id`;

/** A left join of a remote case `c` to its station's `table` row, named `alias`, whose id is `id`. */
export function stationJoin(table: string, alias: string, id: string): string {
  return `LEFT JOIN station_${table} ${alias} ON ${alias}.station_id = c.station_id AND ${alias}.id = ${id}`;
}

const localFrom = 'FROM cases c JOIN devices d ON d.id = c.device_id';

export function hasRemoteCases(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM station_cases LIMIT 1').get() !== undefined;
}

export interface FacilitySql {
  local: BoardSql;
  remote: BoardSql;
  params: (string | number)[];
}

export function facilityWhere(...args: Parameters<typeof boardWhere>): FacilitySql {
  const [incidentId, filters, now, computed] = args;
  const local = boardWhere(incidentId, filters, now, computed, 'local');
  const remote = boardWhere(incidentId, filters, now, computed, 'remote');
  return { local, remote, params: [...local.params, ...remote.params] };
}

/** One page of case keys over both, sorted as the board sorts: `params`, then LIMIT and OFFSET. */
export function facilityPageSql(
  sql: FacilitySql,
  key: BoardSortKey,
  direction: 'asc' | 'desc',
): string {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const columns = sortExpressions(key);
  const keys = columns.map((col, i) => `${col} AS k${i}`).join(', ');
  const order = columns.flatMap((col, i) =>
    col.startsWith('CASE') ? [`k${i} ${dir}`] : [`k${i} IS NULL`, `k${i} ${dir}`],
  );
  return `SELECT station, id FROM (
      SELECT '' AS station, c.id AS id, ${keys}, d.asset_tag AS tag ${localFrom}
        LEFT JOIN users u ON u.id = c.assignee_user_id ${sql.local.where}
      UNION ALL
      SELECT c.station_id, c.id, ${keys}, d.asset_tag ${remoteFrom}
        LEFT JOIN station_users u ON u.station_id = c.station_id AND u.id = c.assignee_user_id
        ${sql.remote.where})
    ORDER BY ${[...order, 'tag ASC', 'station ASC', 'id ASC'].join(', ')} LIMIT ? OFFSET ?`;
}

/** Counts per state of the matching cases of both. */
export function facilityCountSql(sql: FacilitySql): string {
  return `SELECT state, count(*) AS n FROM (
      SELECT c.state ${localFrom} ${sql.local.where}
      UNION ALL SELECT c.state ${remoteFrom} ${sql.remote.where})
    GROUP BY state`;
}

/** Counts per state of the cases other stations hold in this incident (filters ignored). */
export function remoteStateCounts(
  db: Database.Database,
  incidentId: number,
): { state: CaseState; n: number }[] {
  const { where, params } = boardWhere(incidentId, undefined, new Date(0), noLists, 'remote');
  return db
    .prepare(`SELECT c.state, count(*) AS n ${remoteFrom} ${where} GROUP BY c.state`)
    .all(...params) as { state: CaseState; n: number }[];
}

const noLists = { blocked: [], awaiting_signoff: [] };

/** The device columns of the facets for the cases other stations hold; the incident is its parameter. */
export function remoteFacetSql(): string {
  return `SELECT d.site, d.building, d.department, d.modality, d.family, count(*) AS n
      ${remoteFrom} ${boardWhere(0, undefined, new Date(0), noLists, 'remote').where}
      GROUP BY d.site, d.building, d.department, d.modality, d.family`;
}

interface RemoteRow extends DeviceFields {
  station_id: string;
  station_name: string;
  id: number;
  device_id: number;
  asset_tag: string;
  state: CaseState;
  state_entered_at: string;
  recheck_at: string | null;
  review_revision_id: number | null;
  kev_review_catalog: string | null;
  assignee_user_id: number | null;
  assignee_name: string | null;
  advisory_id: number;
  tracking_id: string;
  advisory_version: string | null;
  updated_at: string;
}

/** Board rows of cases other stations hold, in the order of `keys`. */
export function remoteBoardRows(
  db: Database.Database,
  keys: readonly FacilityCaseKey[],
  resources: WorkflowResources,
  now: Date,
): BoardRow[] {
  if (keys.length === 0) return [];
  const list = JSON.stringify(keys.map((k) => [k.station, k.id]));
  const wanted = `(c.station_id, c.id) IN
      (SELECT value ->> 0, value ->> 1 FROM json_each(?))`;
  const rows = db
    .prepare(
      `SELECT c.station_id, s.name AS station_name, c.id,
              coalesce((SELECT ld.id FROM devices ld WHERE ld.asset_tag = d.asset_tag), d.id)
                AS device_id,
              d.asset_tag, d.vendor, d.model, d.family, d.modality, d.site, d.building, d.floor,
              d.room, d.department, c.state, c.state_entered_at, c.recheck_at,
              c.review_revision_id, c.kev_review_catalog, c.assignee_user_id,
              u.display_name AS assignee_name,
              coalesce((SELECT min(la.id) FROM advisories la WHERE la.tracking_id = a.tracking_id),
                       a.id) AS advisory_id,
              a.tracking_id, r.version AS advisory_version, c.updated_at
         ${remoteFrom}
         JOIN stations s ON s.station_id = c.station_id
         LEFT JOIN station_advisory_revisions r
           ON r.station_id = c.station_id AND r.id = c.advisory_revision_id
         LEFT JOIN station_users u ON u.station_id = c.station_id AND u.id = c.assignee_user_id
        WHERE ${wanted}`,
    )
    .all(list) as RemoteRow[];
  const gates = new Map<string, Record<string, AnswerValue>>();
  for (const a of db
    .prepare(
      `SELECT c.station_id, c.case_id AS id, c.item_id, c.value FROM station_case_answers c
        WHERE c.section_id = 'patient_safety_gate' AND ${wanted.replace('c.id', 'c.case_id')}`,
    )
    .all(list) as { station_id: string; id: number; item_id: string; value: string }[]) {
    const k = `${a.station_id}/${a.id}`;
    const gate = gates.get(k) ?? {};
    gate[a.item_id] = JSON.parse(a.value) as AnswerValue;
    gates.set(k, gate);
  }
  const timeZone = facilityTimeZone(db);
  const byKey = new Map(rows.map((r) => [`${r.station_id}/${r.id}`, r]));
  return keys.flatMap((k): BoardRow[] => {
    const row = byKey.get(`${k.station}/${k.id}`);
    if (!row) return [];
    const gate = evaluatePatientSafetyGate(
      gates.get(`${k.station}/${k.id}`) ?? {},
      now,
      resources.radionuclides,
      timeZone ? { timeZone } : {},
    );
    return [
      {
        caseId: row.id,
        station: { id: row.station_id, name: row.station_name },
        heldHere: false,
        priority: null,
        deviceId: row.device_id,
        assetTag: row.asset_tag,
        ...deviceFieldsOf(row),
        state: row.state,
        stateEnteredAt: row.state_entered_at,
        hics251: hics251Status(row.state),
        assignee: assigneeOf(row),
        advisory: {
          id: row.advisory_id,
          trackingId: row.tracking_id,
          version: row.advisory_version ?? '',
        },
        deviceTrackingIds: [row.tracking_id],
        gateVerdict: gate.verdict,
        flags: caseFlags(row, now),
        recheckAt: row.recheck_at,
        // Worked at the station that holds it: nothing to do from here.
        nextAction: null,
        updatedAt: row.updated_at,
      },
    ];
  });
}

/** How many of the incident's cases each station holds: this one first, then by name. */
export function casesByStation(
  db: Database.Database,
  incidentId: number,
  selfName: string | null,
): { station: string | null; caseCount: number }[] {
  const local = db
    .prepare(`SELECT count(*) FROM cases WHERE incident_id = ? AND ${heldHereSql('cases')}`)
    .pluck()
    .get(incidentId) as number;
  const { where, params } = boardWhere(incidentId, undefined, new Date(0), noLists, 'remote');
  const others = db
    .prepare(
      `SELECT s.name AS station, count(*) AS caseCount ${remoteFrom}
         JOIN stations s ON s.station_id = c.station_id ${where}
        GROUP BY c.station_id ORDER BY s.name`,
    )
    .all(...params) as { station: string; caseCount: number }[];
  return [{ station: selfName, caseCount: local }, ...others];
}
