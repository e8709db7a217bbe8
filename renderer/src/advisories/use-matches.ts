import { useCallback, useEffect, useState } from 'react';
import type { MatchPage } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';

/** Matches shown at once; the count says how many there are in all. */
export const matchListLimit = 200;

export interface MatchesState {
  page: MatchPage | undefined;
  error: ApiError | undefined;
  reload(): void;
}

/** The matches of one advisory or one device, reloaded after each decision. */
export function useMatches(filter: { advisoryId: number } | { deviceId: number }): MatchesState {
  const [page, setPage] = useState<MatchPage>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    const input = JSON.parse(key) as { advisoryId: number } | { deviceId: number };
    void call('matches.list', { ...input, limit: matchListLimit }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setPage(result.value);
        setError(undefined);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { page, error, reload };
}
