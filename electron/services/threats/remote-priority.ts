import type Database from 'better-sqlite3';
import type { CaseState } from '../../api/domains/cases';
import type { Criticality } from '../../api/domains/devices';
import { boardWhere } from '../board/board-query';
import { remoteFrom } from '../board/facility-board';
import { exposureItems, priorityOfCase, revisionFactsReader, type Priority } from './priority';

/**
 * The priority of the open cases other stations hold in an incident, by the one rule of
 * priority.ts: the device and the exposure answers their station sent (the facility replica),
 * weighed with this station's KEV catalogue and EPSS set, as its own cases are. The replica holds
 * only the digest of an advisory document: advisories are facility reference data, keyed by
 * tracking ID and version, so the revision's CVEs are read from this station's copy of it (none
 * counted while it has none). The command post ranks the whole facility's cases on one scale.
 */

export interface RemotePriority {
  station: { id: string; name: string };
  caseId: number;
  assetTag: string;
  trackingId: string;
  state: CaseState;
  priority: Priority;
}

interface RemoteOpenRow {
  station_id: string;
  station_name: string;
  id: number;
  asset_tag: string;
  tracking_id: string;
  state: CaseState;
  revision_id: number | null;
  criticality: Criticality | null;
}

const noLists = { blocked: [], awaiting_signoff: [] };

/** Keyed `station/caseId`; `keys` narrows it to those cases (a board page). */
export function remoteCasePriorities(
  db: Database.Database,
  incidentId: number,
  keys?: readonly { station: string; id: number }[],
): Map<string, RemotePriority> {
  const { where, params } = boardWhere(incidentId, undefined, new Date(0), noLists, 'remote');
  const narrow =
    keys === undefined
      ? ''
      : 'AND (c.station_id, c.id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))';
  const scopeArgs = [
    ...params,
    ...(keys === undefined ? [] : [JSON.stringify(keys.map((k) => [k.station, k.id]))]),
  ];
  const open = `${where} AND c.state <> 'returned_to_service' ${narrow}`;
  const rows = db
    .prepare(
      `SELECT c.station_id, s.name AS station_name, c.id, d.asset_tag, a.tracking_id, c.state,
              (SELECT lr.id FROM advisory_revisions lr JOIN advisories la ON la.id = lr.advisory_id
                WHERE la.tracking_id = a.tracking_id AND lr.version = r.version
                ORDER BY lr.id DESC LIMIT 1) AS revision_id,
              d.criticality
         ${remoteFrom} JOIN stations s ON s.station_id = c.station_id
         LEFT JOIN station_advisory_revisions r
           ON r.station_id = c.station_id AND r.id = c.advisory_revision_id
         ${open}`,
    )
    .all(...scopeArgs) as RemoteOpenRow[];
  const out = new Map<string, RemotePriority>();
  if (rows.length === 0) return out;

  const answers = new Map<string, Map<string, unknown>>();
  for (const a of db
    .prepare(
      `SELECT g.station_id, g.case_id, g.item_id, g.value ${remoteFrom}
         JOIN station_case_answers g ON g.station_id = c.station_id AND g.case_id = c.id
          AND g.item_id IN (SELECT value FROM json_each(?))
         ${open}`,
    )
    .all(JSON.stringify(exposureItems), ...scopeArgs) as {
    station_id: string;
    case_id: number;
    item_id: string;
    value: string;
  }[]) {
    const key = `${a.station_id}/${a.case_id}`;
    const m = answers.get(key) ?? new Map<string, unknown>();
    m.set(a.item_id, JSON.parse(a.value) as unknown);
    answers.set(key, m);
  }

  const facts = revisionFactsReader(db);
  const readRevision = db.prepare('SELECT normalized FROM advisory_revisions WHERE id = ?').pluck();
  for (const r of rows) {
    const key = `${r.station_id}/${r.id}`;
    const revision = facts(String(r.revision_id), () =>
      r.revision_id === null ? undefined : (readRevision.get(r.revision_id) as string),
    );
    out.set(key, {
      station: { id: r.station_id, name: r.station_name },
      caseId: r.id,
      assetTag: r.asset_tag,
      trackingId: r.tracking_id,
      state: r.state,
      priority: priorityOfCase(revision, r.criticality, answers.get(key)),
    });
  }
  return out;
}
