import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../electron/api';
import { call, type ApiError, type Result } from '../api/client';
import { setFacilityTimeZone } from '../cases/time-format';
import { AppInfoContext, type AppInfoState } from './app-info-context';

const load = (): Promise<Result<AppInfo>> => call('app.info', {});

/** Holds app.info for the header, the status line and the first-run check. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<ApiError>();
  const [loaded, setLoaded] = useState(false);

  const apply = useCallback((loaded: Result<AppInfo>) => {
    if (loaded.ok) {
      setFacilityTimeZone(loaded.value.timeZone);
      setInfo(loaded.value);
    }
    setError(loaded.ok ? undefined : loaded.error);
    setLoaded(true);
  }, []);

  const refresh = useCallback(() => load().then(apply), [apply]);

  useEffect(() => {
    let mounted = true;
    void load().then((loaded) => {
      if (mounted) apply(loaded);
    });
    return () => {
      mounted = false;
    };
  }, [apply]);

  const value = useMemo<AppInfoState>(
    () => ({ info, facility: info?.facility ?? undefined, error, refresh }),
    [info, error, refresh],
  );
  // Nothing shows a time before the facility's zone is known; a new zone redraws every time.
  return (
    <AppInfoContext value={value}>
      {loaded ? <Fragment key={info?.timeZone ?? ''}>{children}</Fragment> : null}
    </AppInfoContext>
  );
}
