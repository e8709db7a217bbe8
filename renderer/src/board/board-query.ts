import type { BoardFilters, BoardSortKey } from '../../../electron/api/domains/board';

/** What the board lists: the filters and the order, sent as they are to `board.get`. */
export interface BoardQuery {
  filters: BoardFilters;
  sort: { key: BoardSortKey; direction: 'asc' | 'desc' };
}

export const defaultSort: BoardQuery['sort'] = { key: 'state', direction: 'asc' };

export const emptyQuery: BoardQuery = { filters: {}, sort: defaultSort };

/** The single-choice filters the board offers as dropdowns (each sends a list of one). */
export const textFilterKeys = [
  'sites',
  'buildings',
  'departments',
  'modalities',
  'families',
] as const;
export type TextFilterKey = (typeof textFilterKeys)[number];

/** Drop empty filters so that "no filter" is always sent as nothing, and compares equal. */
export function cleanFilters(filters: BoardFilters): BoardFilters {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as BoardFilters;
}

export function isFiltered(filters: BoardFilters): boolean {
  return Object.keys(cleanFilters(filters)).length > 0;
}

/** Set one filter to a single value (or clear it with undefined). */
export function withFilter<K extends keyof BoardFilters>(
  filters: BoardFilters,
  key: K,
  value: BoardFilters[K] | undefined,
): BoardFilters {
  return cleanFilters({ ...filters, [key]: value });
}

/** A bulk decision: move cases to a state, or set one re-check time on deferred cases. */
export type BulkMode = 'move' | 'recheck';
