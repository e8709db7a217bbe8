import type { BoardTimeline, BoardTimelinePoint } from '../../api/domains/board';
import type { CaseState } from '../../api/domains/cases';
import type { CallContext } from '../core/context';
import { heldHereSql } from '../cases/held-here';
import { boardWhere } from './board-query';
import { emptyStateCounts, hicsCounts, incidentHead } from './board-view';
import { remoteFrom } from './facility-board';

/**
 * `board.timeline`: the state counts after each change, replayed from the case history (which
 * records every opening and transition with its time, in the same transaction as its audit event).
 * Changes at the same moment (an incident opening 300 cases) make one point.
 *
 * Over the same cases as the board's counts (`stateCounts`): this station's that it still holds,
 * and those other stations hold, replayed from the history their bundles sent (the replica's
 * `station_case_history`). So the chart's last point is the board's counts, at the command post
 * too, where every case may be held elsewhere.
 */

interface HistoryRow {
  at: string;
  event: 'opened' | 'transition';
  from_state: CaseState | null;
  to_state: CaseState;
}

const noLists = { blocked: [], awaiting_signoff: [] };

export function boardTimeline(ctx: CallContext, incidentId: number): BoardTimeline {
  const { db, clock } = ctx.services;
  const head = incidentHead(db, incidentId);
  const created = db
    .prepare('SELECT created_at FROM incidents WHERE id = ?')
    .pluck()
    .get(head.id) as string;
  const remote = boardWhere(head.id, undefined, new Date(0), noLists, 'remote');
  // Ties at one moment keep each station's own order (its history IDs).
  const rows = db
    .prepare(
      `SELECT at, event, from_state, to_state FROM (
         SELECT h.at, h.event, h.from_state, h.to_state, '' AS station, h.id
           FROM cases c JOIN case_history h ON h.case_id = c.id
          WHERE c.incident_id = ? AND ${heldHereSql('c')} AND h.event IN ('opened', 'transition')
         UNION ALL
         SELECT h.at, h.event, h.from_state, h.to_state, h.station_id, h.id ${remoteFrom}
           JOIN station_case_history h ON h.station_id = c.station_id AND h.case_id = c.id
           ${remote.where} AND h.event IN ('opened', 'transition'))
        ORDER BY at, station, id`,
    )
    .all(head.id, ...remote.params) as HistoryRow[];
  const counts = emptyStateCounts();
  const points: BoardTimelinePoint[] = [];
  const push = (at: string) => {
    const snapshot = { ...counts };
    const last = points.at(-1);
    if (last && last.at === at) {
      last.countsByState = snapshot;
      last.countsByHics251 = hicsCounts(snapshot);
    } else {
      points.push({ at, countsByState: snapshot, countsByHics251: hicsCounts(snapshot) });
    }
  };
  // Another station may have opened its case before this station opened the incident: the
  // chart starts at whichever came first, so its points stay in time order.
  const first = rows[0]?.at;
  push(first !== undefined && first < created ? first : created);
  for (const row of rows) {
    if (row.event === 'transition' && row.from_state !== null && counts[row.from_state] > 0) {
      counts[row.from_state] -= 1;
    }
    counts[row.to_state] += 1;
    push(row.at);
  }
  const now = clock.now().toISOString();
  if ((points.at(-1)?.at ?? '') < now) push(now);
  return { incidentId: head.id, points };
}
