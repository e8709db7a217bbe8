import type Database from 'better-sqlite3';
import type {
  BoardFacets,
  BoardFacetValue,
  BoardRow,
  BoardSortKey,
  BoardView,
} from '../../api/domains/board';
import {
  caseStates,
  zeroHics251Counts,
  type CaseState,
  type Hics251Status,
} from '../../api/domains/cases';
import type { ParsedInputOf } from '../../api/methods';
import { loadWorkflowResources, type WorkflowResources } from '../cases/workflow-resources';
import type { CallContext } from '../core/context';
import { notFound } from '../core/errors';
import { hics251Status, stateLabels } from '../workflow/states';
import { attentionLists, computedLists } from './board-attention';
import { boardCountSql, boardPageSql, boardWhere, type ComputedLists } from './board-query';
import {
  facilityCountSql,
  facilityPageSql,
  facilityWhere,
  hasRemoteCases,
  remoteBoardRows,
  remoteFacetSql,
  remoteStateCounts,
  type FacilityCaseKey,
} from './facility-board';
import { casePriorities } from '../threats/priority';
import { remoteCasePriorities } from '../threats/remote-priority';
import { boardRows } from './board-rows';
import { boardStations, silenceMinutes } from './station-silence';
import { listConflicts } from '../exchange/case-conflicts';
import { heldHereSql } from '../cases/held-here';

/** `board.get`: the whole incident at a glance, and one page of the cases matching the filters. */

export interface IncidentHead {
  id: number;
  name: string;
  status: 'open' | 'closed';
  commander_user_id: number;
  commander_name: string;
  period_start: string;
  period_end: string;
}

export function incidentHead(db: Database.Database, incidentId: number): IncidentHead {
  const row = db
    .prepare(
      `SELECT i.id, i.name, i.status, i.commander_user_id, u.display_name AS commander_name,
              i.period_start, i.period_end
         FROM incidents i JOIN users u ON u.id = i.commander_user_id WHERE i.id = ?`,
    )
    .get(incidentId) as IncidentHead | undefined;
  if (!row) throw notFound('incident', incidentId);
  return row;
}

export function emptyStateCounts(): Record<CaseState, number> {
  return Object.fromEntries(caseStates.map((s) => [s, 0])) as Record<CaseState, number>;
}

export function hicsCounts(byState: Record<CaseState, number>): Record<Hics251Status, number> {
  const out = zeroHics251Counts();
  for (const s of caseStates) out[hics251Status(s)] += byState[s];
  return out;
}

function countRows(rows: readonly { state: CaseState; n: number }[]): Record<CaseState, number> {
  const counts = emptyStateCounts();
  for (const { state, n } of rows) counts[state] = n;
  return counts;
}

/** Counts per state of the incident's cases over the facility: this station's and the others'. */
export function stateCounts(db: Database.Database, incidentId: number): Record<CaseState, number> {
  const counts = countRows(
    db
      .prepare(
        `SELECT state, count(*) AS n FROM cases WHERE incident_id = ? AND ${heldHereSql('cases')}
          GROUP BY state`,
      )
      .all(incidentId) as { state: CaseState; n: number }[],
  );
  for (const { state, n } of remoteStateCounts(db, incidentId)) counts[state] += n;
  return counts;
}

/** The page of case keys over the facility, and the counts of the cases matching the filters
 * (the board; the incident page, incident-cases.ts). */
export function facilityPage(
  db: Database.Database,
  input: ParsedInputOf<'board.get'>,
  incidentId: number,
  now: Date,
  computed: ComputedLists,
  priority: (key: FacilityCaseKey) => number,
): { keys: FacilityCaseKey[]; filteredCounts: Record<CaseState, number> } {
  const sort = input.sort ?? { key: 'assetTag', direction: 'asc' };
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 100;
  if (!hasRemoteCases(db)) {
    const sql = boardWhere(incidentId, input.filters, now, computed);
    const filteredCounts = countRows(
      db.prepare(boardCountSql(sql.where)).all(...sql.params) as { state: CaseState; n: number }[],
    );
    const page = (key: BoardSortKey, direction: 'asc' | 'desc', n: number, from: number) =>
      (
        db
          .prepare(boardPageSql(sql.where, key, direction))
          .pluck()
          .all(...sql.params, n, from) as number[]
      ).map((id) => ({ station: '', id }));
    return { keys: sortedPage(page, sort, offset, limit, priority), filteredCounts };
  }
  const sql = facilityWhere(incidentId, input.filters, now, computed);
  const filteredCounts = countRows(
    db.prepare(facilityCountSql(sql)).all(...sql.params) as { state: CaseState; n: number }[],
  );
  const page = (key: BoardSortKey, direction: 'asc' | 'desc', n: number, from: number) =>
    db
      .prepare(facilityPageSql(sql, key, direction))
      .all(...sql.params, n, from) as FacilityCaseKey[];
  return { keys: sortedPage(page, sort, offset, limit, priority), filteredCounts };
}

type PageQuery = (
  key: BoardSortKey,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) => FacilityCaseKey[];

function sortedPage(
  page: PageQuery,
  sort: { key: BoardSortKey; direction: 'asc' | 'desc' },
  offset: number,
  limit: number,
  priority: (key: FacilityCaseKey) => number,
): FacilityCaseKey[] {
  if (sort.key !== 'priority') return page(sort.key, sort.direction, limit, offset);
  // Priority is computed, not stored: order every matching case by it, then take the page.
  const sign = sort.direction === 'desc' ? -1 : 1;
  return page('assetTag', 'asc', -1, 0)
    .map((key, i) => ({ key, i }))
    .sort((a, b) => sign * (priority(a.key) - priority(b.key)) || a.i - b.i)
    .slice(offset, offset + limit)
    .map((x) => x.key);
}

export function getBoard(ctx: CallContext, input: ParsedInputOf<'board.get'>): BoardView {
  const { db, clock, resourcesDir } = ctx.services;
  const now = clock.now();
  const head = incidentHead(db, input.incidentId);
  const resources = loadWorkflowResources(resourcesDir);
  // One read transaction: the counts, lists and page all describe the same moment.
  return db.transaction(() => {
    const computed = computedLists(db, head.id, resources, now);
    // Every case's priority only to sort by it; else only the page's. Cases other stations
    // hold are ranked by the same rule, from what their bundles sent.
    const bySort = input.sort?.key === 'priority';
    const all = bySort ? casePriorities(db, head.id) : null;
    const allRemote = bySort ? remoteCasePriorities(db, head.id) : null;
    const priorityOf = (key: FacilityCaseKey) =>
      key.station === ''
        ? all?.get(key.id)?.priority
        : allRemote?.get(`${key.station}/${key.id}`)?.priority.priority;
    const offset = input.offset ?? 0;
    const { keys, filteredCounts } = facilityPage(
      db,
      input,
      head.id,
      now,
      computed,
      (key) => priorityOf(key) ?? -Infinity,
    );
    const priorities =
      all ??
      casePriorities(
        db,
        head.id,
        keys.filter((k) => k.station === '').map((k) => k.id),
      );
    const remoteKeys = keys.filter((k) => k.station !== '');
    const remotePriorities =
      allRemote ?? (remoteKeys.length > 0 ? remoteCasePriorities(db, head.id, remoteKeys) : null);
    const totalMatching = caseStates.reduce((sum, s) => sum + filteredCounts[s], 0);
    const counts = stateCounts(db, head.id);
    return {
      incident: {
        id: head.id,
        name: head.name,
        status: head.status,
        commander: { userId: head.commander_user_id, name: head.commander_name },
        operationalPeriod: { start: head.period_start, end: head.period_end },
      },
      asOf: now.toISOString(),
      countsByState: counts,
      countsByHics251: hicsCounts(counts),
      filteredCountsByState: filteredCounts,
      filteredCountsByHics251: hicsCounts(filteredCounts),
      totalCases: caseStates.reduce((sum, s) => sum + counts[s], 0),
      totalMatching,
      attention: attentionLists(db, head.id, computed, now),
      offset,
      rows: facilityRows(db, head.id, keys, resources, now).map((row) => {
        const p = row.heldHere
          ? priorities.get(row.caseId)
          : remotePriorities?.get(`${row.station?.id ?? ''}/${row.caseId}`)?.priority;
        return {
          ...row,
          priority: p
            ? { value: p.priority, reasons: p.reasons, knownExploited: p.knownExploited }
            : null,
        };
      }),
      facets: boardFacets(db, head.id, counts),
      stations: boardStations(db, now),
      silenceThresholdMinutes: silenceMinutes(db),
      conflicts: listConflicts(db, head.id).conflicts,
    };
  })();
}

/** The page's rows in order: local ones read as the case screen does, the others' from the replica. */
export function facilityRows(
  db: Database.Database,
  incidentId: number,
  keys: readonly FacilityCaseKey[],
  resources: WorkflowResources,
  now: Date,
): BoardRow[] {
  const local = new Map(
    boardRows(
      db,
      incidentId,
      keys.filter((k) => k.station === '').map((k) => k.id),
      resources,
      now,
    ).map((r) => [`/${r.caseId}`, r]),
  );
  const remote = new Map(
    remoteBoardRows(
      db,
      keys.filter((k) => k.station !== ''),
      resources,
      now,
    ).map((r) => [`${r.station?.id ?? ''}/${r.caseId}`, r]),
  );
  return keys.flatMap((k) => {
    const row = (k.station === '' ? local : remote).get(`${k.station}/${k.id}`);
    return row ? [row] : [];
  });
}

interface FacetRow {
  site: string | null;
  building: string | null;
  department: string | null;
  modality: string | null;
  family: string | null;
  n: number;
}

function boardFacets(
  db: Database.Database,
  incidentId: number,
  counts: Record<CaseState, number>,
): BoardFacets {
  // One pass over the incident's devices for the five device facets (and one over the others').
  const rows = [
    ...(db
      .prepare(
        `SELECT d.site, d.building, d.department, d.modality, d.family, count(*) AS n
           FROM cases c JOIN devices d ON d.id = c.device_id
          WHERE c.incident_id = ?
          GROUP BY d.site, d.building, d.department, d.modality, d.family`,
      )
      .all(incidentId) as FacetRow[]),
    ...(db.prepare(remoteFacetSql()).all(incidentId) as FacetRow[]),
  ];
  const facet = (key: keyof Omit<FacetRow, 'n'>): BoardFacetValue[] => {
    const totals = new Map<string, number>();
    for (const r of rows) {
      const v = r[key];
      if (v !== null && v !== '') totals.set(v, (totals.get(v) ?? 0) + r.n);
    }
    return [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, count]) => ({ value, label: value, count }));
  };
  const assigneeRows = db
    .prepare(
      `SELECT c.assignee_user_id AS id, u.display_name AS name, count(*) AS n
         FROM cases c LEFT JOIN users u ON u.id = c.assignee_user_id
        WHERE c.incident_id = ? GROUP BY c.assignee_user_id`,
    )
    .all(incidentId) as { id: number | null; name: string | null; n: number }[];
  const advisoryRows = db
    .prepare(
      `SELECT c.advisory_id AS id, a.tracking_id AS name, count(*) AS n
         FROM cases c JOIN advisories a ON a.id = c.advisory_id
        WHERE c.incident_id = ? GROUP BY c.advisory_id ORDER BY a.tracking_id`,
    )
    .all(incidentId) as { id: number; name: string; n: number }[];
  return {
    sites: facet('site'),
    buildings: facet('building'),
    departments: facet('department'),
    modalities: facet('modality'),
    families: facet('family'),
    states: caseStates.map((s) => ({ value: s, label: stateLabels[s], count: counts[s] })),
    assignees: assigneeRows
      .filter((r): r is { id: number; name: string | null; n: number } => r.id !== null)
      .map((r) => ({ value: r.id, label: r.name ?? '', count: r.n }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    unassigned: assigneeRows.find((r) => r.id === null)?.n ?? 0,
    advisories: advisoryRows.map((r) => ({ value: r.id, label: r.name, count: r.n })),
  };
}
