import { useEffect, useState } from 'react';
import type { DeviceFacets } from '../../../electron/api';
import type { AdvisorySummary } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';

export interface FilterOptions {
  facets: DeviceFacets | undefined;
  advisories: AdvisorySummary[];
  error: ApiError | undefined;
}

/** The values the Devices page filters offer; reloaded when the inventory changes. */
export function useFilterOptions(reloadKey: number): FilterOptions {
  const [facets, setFacets] = useState<DeviceFacets>();
  const [advisories, setAdvisories] = useState<AdvisorySummary[]>([]);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    void Promise.all([call('devices.facets', {}), call('advisories.list', {})]).then(
      ([facetResult, advisoryResult]) => {
        if (!live) return;
        if (facetResult.ok) setFacets(facetResult.value);
        if (advisoryResult.ok) setAdvisories(advisoryResult.value);
        const failed = !facetResult.ok ? facetResult : !advisoryResult.ok ? advisoryResult : null;
        setError(failed?.error);
      },
    );
    return () => {
      live = false;
    };
  }, [reloadKey]);
  return { facets, advisories, error };
}
