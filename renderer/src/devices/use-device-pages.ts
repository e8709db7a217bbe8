import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Device } from '../../../electron/api';
import { call, type ApiError } from '../api/client';

/** What the table shows: the search text and the filters (undefined: any value). */
export interface DeviceQuery {
  search: string;
  vendor?: string;
  family?: string;
  department?: string;
  osName?: string;
  advisoryId?: number;
}

/** True when the query narrows the inventory at all. */
export function isNarrowed(query: DeviceQuery): boolean {
  return Object.values(query).some((value) => value !== undefined && value !== '');
}

/** Rows per devices.list call: a few screens' worth, so scrolling rarely waits. */
export const devicePageSize = 100;

export interface DevicePages {
  /** Matching devices in total; undefined until the first page of the first search arrives. */
  total: number | undefined;
  /** The search the shown rows belong to (it lags the typed one until its first page arrives). */
  shownSearch: string;
  /** The whole query (search and filters) the shown rows belong to. */
  shownQuery: DeviceQuery;
  /** True while a new search's first page is on its way (the old rows stay until then). */
  searching: boolean;
  error: ApiError | undefined;
  deviceAt(index: number): Device | undefined;
  /** Fetch the pages that hold rows `first`..`last` (inclusive) if not yet loaded. */
  ensureRows(first: number, last: number): void;
  retry(): void;
}

interface Shown {
  id: number;
  search: DeviceQuery;
  total: number;
  pages: ReadonlyMap<number, Device[]>;
}

interface State {
  requested: { id: number; search: DeviceQuery } | undefined;
  shown: Shown | undefined;
  error: ApiError | undefined;
}

type Action =
  | { type: 'start'; id: number; search: DeviceQuery }
  | {
      type: 'loaded';
      id: number;
      search: DeviceQuery;
      page: number;
      devices: Device[];
      total: number;
    }
  | { type: 'failed'; id: number; error: ApiError };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'start':
      return { ...state, requested: { id: action.id, search: action.search }, error: undefined };
    case 'loaded': {
      // An answer to an older search: the user has moved on.
      if (action.id !== state.requested?.id) return state;
      const pages = new Map(state.shown?.id === action.id ? state.shown.pages : []);
      pages.set(action.page, action.devices);
      return {
        ...state,
        shown: { id: action.id, search: action.search, total: action.total, pages },
      };
    }
    case 'failed':
      return action.id === state.requested?.id ? { ...state, error: action.error } : state;
  }
}

/**
 * Devices for a virtualised list, fetched page by page as rows come into view, so 100,000
 * devices cost only the pages that are looked at. Each search is a generation; answers for an
 * older one are dropped, and its rows stay on screen until the new first page arrives.
 */
export function useDevicePages(query: DeviceQuery, reloadKey: number): DevicePages {
  const [state, dispatch] = useReducer(reduce, {
    requested: undefined,
    shown: undefined,
    error: undefined,
  });
  const nextId = useRef(0);
  const pending = useRef(new Set<string>());
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  const fetchPage = useCallback((id: number, query: DeviceQuery, page: number) => {
    const key = `${id}:${page}`;
    if (pending.current.has(key)) return;
    pending.current.add(key);
    const { search, ...filters } = query;
    void call('devices.list', {
      ...(search ? { search } : {}),
      ...filters,
      limit: devicePageSize,
      offset: page * devicePageSize,
    }).then((result) => {
      pending.current.delete(key);
      if (result.ok) {
        const { devices, total } = result.value;
        dispatch({ type: 'loaded', id, search: query, page, devices, total });
      } else {
        dispatch({ type: 'failed', id, error: result.error });
      }
    });
  }, []);

  // One generation per distinct query: compare by content, not by object identity.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    nextId.current += 1;
    const id = nextId.current;
    const search = JSON.parse(queryKey) as DeviceQuery;
    dispatch({ type: 'start', id, search });
    fetchPage(id, search, 0);
  }, [queryKey, reloadKey, attempt, fetchPage]);

  const { requested, shown, error } = state;
  const ensureRows = useCallback(
    (first: number, last: number) => {
      // Rows of an older search are on screen: wait for the new first page before paging on.
      if (!shown || shown.id !== requested?.id) return;
      const from = Math.floor(Math.max(0, first) / devicePageSize);
      const to = Math.floor(Math.max(0, last) / devicePageSize);
      for (let page = from; page <= to; page += 1) {
        if (!shown.pages.has(page)) fetchPage(shown.id, shown.search, page);
      }
    },
    [shown, requested, fetchPage],
  );

  const deviceAt = useCallback(
    (index: number) =>
      shown?.pages.get(Math.floor(index / devicePageSize))?.[index % devicePageSize],
    [shown],
  );

  return {
    total: shown?.total,
    shownSearch: (shown?.search ?? query).search,
    shownQuery: shown?.search ?? query,
    searching: shown === undefined || shown.id !== requested?.id,
    error,
    deviceAt,
    ensureRows,
    retry,
  };
}
