import type { MatchPage } from '../../../electron/api/domains/advisories';
import type { ApiError } from '../api/client';
import { useCall } from '../api/use-call';

/** Matches shown at once; the count says how many there are in all. */
export const matchListLimit = 200;

export interface MatchesState {
  page: MatchPage | undefined;
  error: ApiError | undefined;
  reload(): void;
}

/** The matches of one advisory or one device, reloaded after each decision. */
export function useMatches(filter: { advisoryId: number } | { deviceId: number }): MatchesState {
  const { value, error, reload } = useCall('matches.list', { ...filter, limit: matchListLimit });
  return { page: value, error, reload };
}
