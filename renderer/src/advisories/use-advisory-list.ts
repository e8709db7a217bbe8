import type { AdvisorySummary } from '../../../electron/api/domains/advisories';
import type { ApiError } from '../api/client';
import { useCall } from '../api/use-call';

export interface AdvisoryList {
  advisories: AdvisorySummary[] | undefined;
  error: ApiError | undefined;
  reload(): void;
}

/** Every advisory (current revision), newest release first; reloaded after imports. */
export function useAdvisoryList(search: string): AdvisoryList {
  const { value, error, reload } = useCall('advisories.list', search ? { search } : {});
  return { advisories: value, error, reload };
}
