import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { BoardRow, BoardView } from '../../../electron/api/domains/board';
import { call, type ApiError } from '../api/client';
import type { BoardQuery } from './board-query';

/** Rows per board.get call: a few screens' worth, so scrolling rarely waits. */
export const boardPageSize = 100;

export interface BoardPages {
  /** The newest answer of the shown generation: counts, attention lists, facets. */
  view: BoardView | undefined;
  /** The query the shown rows belong to (it lags the chosen one until its first page arrives). */
  shownQuery: BoardQuery | undefined;
  /** True while a new query's first page is on its way (the old rows stay until then). */
  loading: boolean;
  error: ApiError | undefined;
  rowAt(index: number): BoardRow | undefined;
  /** Fetch the pages that hold rows `first`..`last` (inclusive) if not yet loaded. */
  ensureRows(first: number, last: number): void;
  retry(): void;
}

interface Shown {
  id: number;
  query: BoardQuery;
  view: BoardView;
  pages: ReadonlyMap<number, BoardRow[]>;
}

interface State {
  requestedId: number;
  shown: Shown | undefined;
  error: ApiError | undefined;
}

type Action =
  | { type: 'start'; id: number }
  | { type: 'loaded'; id: number; query: BoardQuery; page: number; view: BoardView }
  | { type: 'failed'; id: number; error: ApiError };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'start':
      return { ...state, requestedId: action.id, error: undefined };
    case 'loaded': {
      // An answer to an older query: the commander has moved on.
      if (action.id !== state.requestedId) return state;
      const same = state.shown?.id === action.id;
      const pages = new Map(same && state.shown ? state.shown.pages : []);
      pages.set(action.page, action.view.rows);
      // Page 0 is re-read after every change: its counts are the ones to show.
      const view = !same || action.page === 0 || !state.shown ? action.view : state.shown.view;
      return { ...state, shown: { id: action.id, query: action.query, view, pages } };
    }
    case 'failed':
      return action.id === state.requestedId ? { ...state, error: action.error } : state;
  }
}

/**
 * The board of one incident, fetched page by page as rows scroll into view (so 10,000 cases cost
 * only the pages looked at). Each query is a generation; older answers are dropped.
 * `reloadKey` re-reads the board after a change (assignment, bulk decision).
 */
export function useBoardPages(
  incidentId: number | undefined,
  query: BoardQuery,
  reloadKey: number,
): BoardPages {
  const [state, dispatch] = useReducer(reduce, {
    requestedId: 0,
    shown: undefined,
    error: undefined,
  });
  const nextId = useRef(0);
  const pending = useRef(new Set<string>());
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  const fetchPage = useCallback((id: number, incident: number, q: BoardQuery, page: number) => {
    const key = `${id}:${page}`;
    if (pending.current.has(key)) return;
    pending.current.add(key);
    void call('board.get', {
      incidentId: incident,
      filters: q.filters,
      sort: q.sort,
      offset: page * boardPageSize,
      limit: boardPageSize,
    }).then((result) => {
      pending.current.delete(key);
      if (result.ok) dispatch({ type: 'loaded', id, query: q, page, view: result.value });
      else dispatch({ type: 'failed', id, error: result.error });
    });
  }, []);

  const queryKey = JSON.stringify(query);
  useEffect(() => {
    if (incidentId === undefined) return;
    nextId.current += 1;
    const id = nextId.current;
    dispatch({ type: 'start', id });
    fetchPage(id, incidentId, JSON.parse(queryKey) as BoardQuery, 0);
  }, [incidentId, queryKey, reloadKey, attempt, fetchPage]);

  const { shown, requestedId, error } = state;
  const ensureRows = useCallback(
    (first: number, last: number) => {
      if (!shown || shown.id !== requestedId || incidentId === undefined) return;
      const from = Math.floor(Math.max(0, first) / boardPageSize);
      const to = Math.floor(Math.max(0, last) / boardPageSize);
      for (let page = from; page <= to; page += 1) {
        if (!shown.pages.has(page)) fetchPage(shown.id, incidentId, shown.query, page);
      }
    },
    [shown, requestedId, incidentId, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => shown?.pages.get(Math.floor(index / boardPageSize))?.[index % boardPageSize],
    [shown],
  );

  return {
    view: shown?.view,
    shownQuery: shown?.query,
    loading: shown === undefined || shown.id !== requestedId,
    error,
    rowAt,
    ensureRows,
    retry,
  };
}

/** Every case id matching the query (for "select all matching"), 1,000 per call. */
export async function allMatchingCaseIds(
  incidentId: number,
  query: BoardQuery,
): Promise<{ ok: true; ids: number[] } | { ok: false; error: ApiError }> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const result = await call('board.get', {
      incidentId,
      filters: query.filters,
      sort: query.sort,
      offset,
      limit: 1000,
    });
    if (!result.ok) return { ok: false, error: result.error };
    ids.push(...result.value.rows.map((r) => r.caseId));
    if (result.value.rows.length < 1000 || ids.length >= result.value.totalMatching) break;
  }
  return { ok: true, ids };
}
