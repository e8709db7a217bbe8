import { useEffect, useState } from 'react';
import type { AdvisorySummary } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';

export interface AdvisoryChoice {
  advisory: AdvisorySummary;
  /** Confirmed matches: the cases an incident on this advisory would open. */
  confirmed: number;
}

/** The advisories an incident can be opened for, with how many devices each would bring. */
export function useAdvisoryChoices(): {
  choices: AdvisoryChoice[] | undefined;
  error: ApiError | undefined;
} {
  const [choices, setChoices] = useState<AdvisoryChoice[]>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    void (async () => {
      const advisories = await call('advisories.list', {});
      if (!live) return;
      if (!advisories.ok) return setError(advisories.error);
      const out: AdvisoryChoice[] = [];
      for (const advisory of advisories.value) {
        const matches = await call('matches.list', {
          advisoryId: advisory.id,
          status: 'confirmed',
          limit: 1,
        });
        if (!live) return;
        if (!matches.ok) return setError(matches.error);
        out.push({ advisory, confirmed: matches.value.total });
      }
      setChoices(out);
    })();
    return () => {
      live = false;
    };
  }, []);
  return { choices, error };
}
