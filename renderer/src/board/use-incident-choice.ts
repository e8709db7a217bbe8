import { useMemo, useState } from 'react';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';
import type { ApiError } from '../api/client';
import { useCall } from '../api/use-call';

/**
 * The incident the board shows. Kept for the app's lifetime (not in the component) so that
 * opening a case and coming back shows the same incident.
 */
let remembered: number | undefined;

export interface IncidentChoice {
  incidents: IncidentSummary[] | undefined;
  error: ApiError | undefined;
  incidentId: number | undefined;
  choose(id: number): void;
  reload(): void;
}

/** Every incident, open ones first (the API lists newest first); the newest open one by default. */
export function useIncidentChoice(): IncidentChoice {
  const { value: listed, error, reload } = useCall('incidents.list', {});
  const [chosen, setChosen] = useState<number | undefined>(remembered);
  const incidents = useMemo(
    () =>
      listed && [
        ...listed.filter((i) => i.status === 'open'),
        ...listed.filter((i) => i.status !== 'open'),
      ],
    [listed],
  );

  const known = incidents?.some((i) => i.id === chosen) ? chosen : undefined;
  const incidentId = known ?? incidents?.[0]?.id;
  return {
    incidents,
    error,
    incidentId,
    choose: (id) => {
      remembered = id;
      setChosen(id);
    },
    reload,
  };
}
