import { useEffect, useState } from 'react';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';
import { call, type ApiError } from '../api/client';

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
  const [incidents, setIncidents] = useState<IncidentSummary[]>();
  const [error, setError] = useState<ApiError>();
  const [chosen, setChosen] = useState<number | undefined>(remembered);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call('incidents.list', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(undefined);
      const open = result.value.filter((i) => i.status === 'open');
      const closed = result.value.filter((i) => i.status !== 'open');
      setIncidents([...open, ...closed]);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

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
    reload: () => setAttempt((n) => n + 1),
  };
}
