import type { BoardFilters, BoardSortKey } from '../../api/domains/board';
import { caseStates, type CaseState } from '../../api/domains/cases';
import { hics251Status } from '../workflow/states';
import { heldHere, notHandedOn } from '../cases/held-here';

/**
 * The board's WHERE and ORDER BY, built only from fixed fragments: every value the caller gives is
 * a bound parameter (lists go in as one JSON array read with json_each), so a filter can never
 * change the SQL, and there is one statement shape per combination of filters, not per value.
 * Every query starts from `c.incident_id = ?`, which the indexes of migration 006 all lead with.
 */

export interface BoardSql {
  /** `WHERE …` over `cases c JOIN devices d` (plus `users u` when sorting by assignee). */
  where: string;
  params: (string | number)[];
}

/** The cases of an attention list that only the rules (not SQL) can decide. */
export interface ComputedLists {
  blocked: readonly number[];
  awaiting_signoff: readonly number[];
  /** Blocked cases other stations hold: [station ID, case ID there]. */
  remoteBlocked?: readonly (readonly [string, number])[];
  /** Cases other stations hold whose next step waits only for sign-offs, keyed the same way. */
  remoteAwaitingSignoff?: readonly (readonly [string, number])[];
  /** Whether the commander gave some of this station's cases to another (cases/held-here.ts). */
  heldElsewhere?: boolean;
}

const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/**
 * Which cases the SQL reads: this station's own (`cases c JOIN devices d`), or the cases other
 * stations hold, from the facility replica (`remoteFrom` in facility-board.ts, which also joins
 * their advisory as `a`). A remote case belongs to an incident here when its advisory's tracking
 * ID is one of the incident's advisories; user and advisory IDs of a filter are this station's,
 * so they are matched through what they name. The computed lists hold other stations' cases
 * apart (`remoteBlocked`, `remoteAwaitingSignoff`), keyed by station and their ID there.
 */
export type BoardScope = 'local' | 'remote';

const remoteIncidentSql = `a.tracking_id IN (SELECT la.tracking_id FROM incident_advisories ia
  JOIN advisories la ON la.id = ia.advisory_id WHERE ia.incident_id = ?)`;

/**
 * Another station's case stands unless the commander chose a different station to hold its
 * device and advisory (case-conflicts.ts). This station's own cases always show here: it holds
 * them until it hands them over.
 */
const remoteStandsSql = `NOT EXISTS (SELECT 1 FROM case_conflict_decisions k
  WHERE k.asset_tag = d.asset_tag AND k.tracking_id = a.tracking_id
    AND k.station_id <> c.station_id)`;

export function boardWhere(
  incidentId: number,
  filters: BoardFilters | undefined,
  now: Date,
  computed: ComputedLists,
  scope: BoardScope = 'local',
): BoardSql {
  const remote = scope === 'remote';
  // A case handed to another station, or given to another by the commander's choice, is that
  // station's now (cases/held-here.ts): it shows there.
  const where = remote
    ? [remoteIncidentSql, remoteStandsSql, 'c.transferred_to IS NULL']
    : ['c.incident_id = ?', computed.heldElsewhere ? heldHere : notHandedOn];
  const params: (string | number)[] = [incidentId];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  const f = filters ?? {};
  if (f.sites) add(inList('d.site'), JSON.stringify(f.sites));
  if (f.buildings) add(inList('d.building'), JSON.stringify(f.buildings));
  if (f.departments) add(inList('d.department'), JSON.stringify(f.departments));
  if (f.modalities) add(inList('d.modality'), JSON.stringify(f.modalities));
  if (f.families) add(inList('d.family'), JSON.stringify(f.families));
  if (f.states) add(inList('c.state'), JSON.stringify(f.states));
  if (f.hics251) {
    const states = caseStates.filter((s) => f.hics251?.includes(hics251Status(s)));
    add(inList('c.state'), JSON.stringify(states));
  }
  if (remote && (f.assigneeUserIds || f.unassigned)) {
    // Another station's people are not this station's users: only "unassigned" can match.
    add(f.unassigned ? 'c.assignee_user_id IS NULL' : '0');
  } else if (f.assigneeUserIds && f.unassigned) {
    add(
      `(${inList('c.assignee_user_id')} OR c.assignee_user_id IS NULL)`,
      JSON.stringify(f.assigneeUserIds),
    );
  } else if (f.assigneeUserIds) {
    add(inList('c.assignee_user_id'), JSON.stringify(f.assigneeUserIds));
  } else if (f.unassigned) {
    add('c.assignee_user_id IS NULL');
  }
  if (f.advisoryIds && remote) {
    add(
      `a.tracking_id IN (SELECT tracking_id FROM advisories WHERE ${inList('id')})`,
      JSON.stringify(f.advisoryIds),
    );
  } else if (f.advisoryIds) add(inList('c.advisory_id'), JSON.stringify(f.advisoryIds));
  if (f.flags) {
    const any: string[] = [];
    const values: string[] = [];
    if (f.flags.includes('needs_re_review')) any.push(reReviewSql);
    if (f.flags.includes('recheck_overdue')) {
      any.push(overdueSql);
      values.push(now.toISOString());
    }
    add(`(${any.join(' OR ')})`, ...values);
  }
  switch (f.attention) {
    case undefined:
      break;
    case 'needs_re_review':
      add(reReviewSql);
      break;
    case 'recheck_overdue':
      add(overdueSql, now.toISOString());
      break;
    case 'blocked':
    case 'awaiting_signoff':
      if (remote) {
        const keys =
          f.attention === 'blocked' ? computed.remoteBlocked : computed.remoteAwaitingSignoff;
        add(
          '(c.station_id, c.id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))',
          JSON.stringify(keys ?? []),
        );
      } else add(inList('c.id'), JSON.stringify(computed[f.attention]));
      break;
  }
  if (f.assetTagPrefix) add(`d.asset_tag LIKE ? ESCAPE '\\'`, `${likeEscape(f.assetTagPrefix)}%`);
  return { where: `WHERE ${where.join(' AND ')}`, params };
}

export const reReviewSql = `(c.review_revision_id IS NOT NULL AND c.state <> 'returned_to_service')`;
export const overdueSql = `(c.state = 'deferred' AND c.recheck_at IS NOT NULL AND c.recheck_at <= ?)`;

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A CASE expression ranking states in workflow order (constants only). */
function rankOf(column: string, rank: (s: CaseState) => number): string {
  return `CASE ${column} ${caseStates.map((s) => `WHEN '${s}' THEN ${rank(s)}`).join(' ')} END`;
}

const hicsRank = { fully_functional: 0, partially_functional: 1, non_functional: 2 } as const;

/** Nullable columns sort after the values in either direction: an empty cell is not "A". */
const sortColumns: Record<BoardSortKey, readonly string[]> = {
  assetTag: ['d.asset_tag'],
  state: [rankOf('c.state', (s) => caseStates.indexOf(s))],
  hics251: [rankOf('c.state', (s) => hicsRank[hics251Status(s)])],
  department: ['d.department'],
  location: ['d.site', 'd.building', 'd.floor', 'd.room'],
  modality: ['d.modality'],
  family: ['d.family'],
  assignee: ['u.display_name'],
  stateEnteredAt: ['c.state_entered_at'],
  recheckAt: ['c.recheck_at'],
  updatedAt: ['c.updated_at'],
  // Not a column: board-view orders by the computed priority, this is its tie-break.
  priority: ['d.asset_tag'],
};

/** The sort key's expressions, for the facility query that orders local and remote rows together. */
export function sortExpressions(key: BoardSortKey): readonly string[] {
  return sortColumns[key];
}

export function boardOrderBy(key: BoardSortKey, direction: 'asc' | 'desc'): string {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const parts = sortColumns[key].flatMap((col) =>
    col.startsWith('CASE') ? [`${col} ${dir}`] : [`${col} IS NULL`, `${col} ${dir}`],
  );
  return `ORDER BY ${[...parts, 'd.asset_tag ASC', 'c.id ASC'].join(', ')}`;
}

const boardFrom = 'FROM cases c JOIN devices d ON d.id = c.device_id';

/** The page of case ids: `params` of the where, then LIMIT and OFFSET. */
export function boardPageSql(where: string, key: BoardSortKey, direction: 'asc' | 'desc'): string {
  return `SELECT c.id ${boardFrom} LEFT JOIN users u ON u.id = c.assignee_user_id ${where}
          ${boardOrderBy(key, direction)} LIMIT ? OFFSET ?`;
}

/** Counts per state of the matching cases. */
export function boardCountSql(where: string): string {
  return `SELECT c.state, count(*) AS n ${boardFrom} ${where} GROUP BY c.state`;
}
