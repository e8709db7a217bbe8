import type { BoardRow, BoardView, RemoteCaseKey } from '../../../electron/api/domains/board';
import { rowRemoteKey } from './remote-selection';
import { call, type ApiError } from '../api/client';
import { usePagedRows, type PagedRows, type PageReader } from '../components/use-paged-rows';
import type { BoardQuery } from './board-query';

/** Rows per board.get call: a few screens' worth, so scrolling rarely waits. */
export const boardPageSize = 100;

/** The board of one incident under a filter and order. */
export interface BoardPagesQuery extends BoardQuery {
  incidentId: number;
}

export type BoardPages = PagedRows<BoardPagesQuery, BoardRow, BoardView>;

const readBoard: PageReader<BoardPagesQuery, BoardRow, BoardView> = async (
  query,
  offset,
  limit,
) => {
  const { incidentId, filters, sort } = query;
  const result = await call('board.get', { incidentId, filters, sort, offset, limit });
  if (!result.ok) return result;
  const view = result.value;
  return { ok: true, value: { rows: view.rows, total: view.totalMatching, view } };
};

/**
 * The board of one incident, fetched page by page as rows scroll into view (so 10,000 cases cost
 * only the pages looked at; see usePagedRows). `reloadKey` re-reads the board after a change
 * (assignment, bulk decision).
 */
export function useBoardPages(
  incidentId: number | undefined,
  query: BoardQuery,
  reloadKey: number,
): BoardPages {
  const paged = incidentId === undefined ? undefined : { incidentId, ...query };
  return usePagedRows(readBoard, boardPageSize, paged, reloadKey);
}

/**
 * Every case matching the query (for "select all matching"), 1,000 per call: this station's by
 * id, and with `withRemote` (the command post) the cases other stations hold.
 */
export async function allMatchingCaseIds(
  incidentId: number,
  query: BoardQuery,
  withRemote: boolean,
): Promise<{ ok: true; ids: number[]; remote: RemoteCaseKey[] } | { ok: false; error: ApiError }> {
  const ids: number[] = [];
  const remote: RemoteCaseKey[] = [];
  let seen = 0;
  for (let offset = 0; ; offset += 1000) {
    const result = await call('board.get', {
      incidentId,
      filters: query.filters,
      sort: query.sort,
      offset,
      limit: 1000,
    });
    if (!result.ok) return { ok: false, error: result.error };
    for (const row of result.value.rows) {
      const key = rowRemoteKey(row);
      if (!key) ids.push(row.caseId);
      else if (withRemote) remote.push(key);
    }
    seen += result.value.rows.length;
    if (result.value.rows.length < 1000 || seen >= result.value.totalMatching) break;
  }
  return { ok: true, ids, remote };
}
