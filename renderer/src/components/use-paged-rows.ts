import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ApiError, Result } from '../api/client';

/** One page as a list method answers it: its rows, the matching total, and the whole answer. */
export interface Page<Row, View> {
  rows: Row[];
  total: number;
  view: View;
}

/** Reads one page of rows for a query; a module-level function, so it never changes. */
export type PageReader<Query, Row, View> = (
  query: Query,
  offset: number,
  limit: number,
) => Promise<Result<Page<Row, View>>>;

export interface PagedRows<Query, Row, View> {
  /** The newest first-page answer of the shown generation (counts, facets); undefined at first. */
  view: View | undefined;
  /** Matching rows in total; undefined until the first page of the first query arrives. */
  total: number | undefined;
  /** The query the shown rows belong to (it lags the chosen one until its first page arrives). */
  shownQuery: Query | undefined;
  /** True while a new query's first page is on its way (the old rows stay until then). */
  loading: boolean;
  error: ApiError | undefined;
  rowAt(index: number): Row | undefined;
  /** Fetch the pages that hold rows `first`..`last` (inclusive) if not yet loaded. */
  ensureRows(first: number, last: number): void;
  retry(): void;
}

interface Shown<Query, Row, View> {
  id: number;
  query: Query;
  view: View;
  total: number;
  pages: ReadonlyMap<number, Row[]>;
}

interface State<Query, Row, View> {
  requestedId: number;
  shown: Shown<Query, Row, View> | undefined;
  error: ApiError | undefined;
}

type Action<Query, Row, View> =
  | { type: 'start'; id: number }
  | { type: 'loaded'; id: number; query: Query; index: number; page: Page<Row, View> }
  | { type: 'failed'; id: number; error: ApiError };

function reduce<Query, Row, View>(
  state: State<Query, Row, View>,
  action: Action<Query, Row, View>,
): State<Query, Row, View> {
  switch (action.type) {
    case 'start':
      return { ...state, requestedId: action.id, error: undefined };
    case 'loaded': {
      // An answer to an older query: the user has moved on.
      if (action.id !== state.requestedId) return state;
      const before = state.shown?.id === action.id ? state.shown : undefined;
      const pages = new Map(before ? before.pages : []);
      pages.set(action.index, action.page.rows);
      // Page 0 is re-read after every change: its counts are the ones to show.
      const first = !before || action.index === 0 ? action.page : before;
      const shown = { id: action.id, query: action.query, view: first.view, total: first.total };
      return { ...state, shown: { ...shown, pages } };
    }
    case 'failed':
      return action.id === state.requestedId ? { ...state, error: action.error } : state;
  }
}

/**
 * Rows for a virtualised table, fetched page by page as they scroll into view, so 100,000 rows
 * cost only the pages looked at. Each distinct query is a generation; answers for an older one
 * are dropped, and its rows stay on screen until the new first page arrives. An undefined
 * query fetches nothing; `reloadKey` re-reads after a change.
 */
export function usePagedRows<Query, Row, View>(
  read: PageReader<Query, Row, View>,
  pageSize: number,
  query: Query | undefined,
  reloadKey: number,
): PagedRows<Query, Row, View> {
  const [state, dispatch] = useReducer(reduce<Query, Row, View>, {
    requestedId: 0,
    shown: undefined,
    error: undefined,
  });
  const nextId = useRef(0);
  const pending = useRef(new Set<string>());
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  const fetchPage = useCallback(
    (id: number, q: Query, index: number) => {
      const key = `${id}:${index}`;
      if (pending.current.has(key)) return;
      pending.current.add(key);
      void read(q, index * pageSize, pageSize).then((result) => {
        pending.current.delete(key);
        if (result.ok) dispatch({ type: 'loaded', id, query: q, index, page: result.value });
        else dispatch({ type: 'failed', id, error: result.error });
      });
    },
    [read, pageSize],
  );

  // One generation per distinct query: compare by content, not by object identity.
  const queryKey = query === undefined ? undefined : JSON.stringify(query);
  useEffect(() => {
    if (queryKey === undefined) return;
    nextId.current += 1;
    const id = nextId.current;
    dispatch({ type: 'start', id });
    fetchPage(id, JSON.parse(queryKey) as Query, 0);
  }, [queryKey, reloadKey, attempt, fetchPage]);

  const { shown, requestedId, error } = state;
  const ensureRows = useCallback(
    (first: number, last: number) => {
      // Rows of an older query are on screen: wait for the new first page before paging on.
      if (!shown || shown.id !== requestedId) return;
      const from = Math.floor(Math.max(0, first) / pageSize);
      const to = Math.floor(Math.max(0, last) / pageSize);
      for (let index = from; index <= to; index += 1) {
        if (!shown.pages.has(index)) fetchPage(shown.id, shown.query, index);
      }
    },
    [shown, requestedId, pageSize, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => shown?.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    [shown, pageSize],
  );

  return {
    view: shown?.view,
    total: shown?.total,
    shownQuery: shown?.query,
    loading: shown === undefined || shown.id !== requestedId,
    error,
    rowAt,
    ensureRows,
    retry,
  };
}
