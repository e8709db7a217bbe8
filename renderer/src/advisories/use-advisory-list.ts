import { useCallback, useEffect, useState } from 'react';
import type { AdvisorySummary } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';

export interface AdvisoryList {
  advisories: AdvisorySummary[] | undefined;
  error: ApiError | undefined;
  reload(): void;
}

/** Every advisory (current revision), newest release first; reloaded after imports. */
export function useAdvisoryList(search: string): AdvisoryList {
  const [advisories, setAdvisories] = useState<AdvisorySummary[]>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void call('advisories.list', search ? { search } : {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setAdvisories(result.value);
        setError(undefined);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [search, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { advisories, error, reload };
}
