import type { BoardTimeline, BoardTimelinePoint } from '../../api/domains/board';
import type { CaseState } from '../../api/domains/cases';
import type { CallContext } from '../core/context';
import { emptyStateCounts, hicsCounts, incidentHead } from './board-view';

/**
 * `board.timeline`: the state counts after each change, replayed from the case history (which
 * records every opening and transition with its time, in the same transaction as its audit event).
 * Changes at the same moment (an incident opening 300 cases) make one point.
 */

interface HistoryRow {
  at: string;
  event: 'opened' | 'transition';
  from_state: CaseState | null;
  to_state: CaseState;
}

export function boardTimeline(ctx: CallContext, incidentId: number): BoardTimeline {
  const { db, clock } = ctx.services;
  const head = incidentHead(db, incidentId);
  const created = db
    .prepare('SELECT created_at FROM incidents WHERE id = ?')
    .pluck()
    .get(head.id) as string;
  const rows = db
    .prepare(
      `SELECT h.at, h.event, h.from_state, h.to_state
         FROM cases c JOIN case_history h ON h.case_id = c.id
        WHERE c.incident_id = ? AND h.event IN ('opened', 'transition')
        ORDER BY h.at, h.id`,
    )
    .all(head.id) as HistoryRow[];
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
  push(created);
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
