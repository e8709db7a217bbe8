import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../electron/api';
import { call, type ApiError, type Result } from '../api/client';
import { AppInfoContext, type AppInfoState } from './app-info-context';

const load = (): Promise<Result<AppInfo>> => call('app.info', {});

/** Holds app.info for the header, the status line and the first-run check. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<ApiError>();

  const apply = useCallback((loaded: Result<AppInfo>) => {
    if (loaded.ok) setInfo(loaded.value);
    setError(loaded.ok ? undefined : loaded.error);
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
  return <AppInfoContext value={value}>{children}</AppInfoContext>;
}
