import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../electron/api/domains/session';
import { call, unauthenticatedEvent, type ApiError, type Result } from '../api/client';

import { flushDrafts } from './draft-registry';
import { SessionContext, type SessionState } from './session-context';
import { useIdleLock } from './use-idle-lock';

const fetchStatus = () => call('session.status', {});

/**
 * Who is signed in at this station: asked on start and again whenever any call comes back
 * `unauthenticated` (the services locked the station, or someone signed out elsewhere).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>();
  const [error, setError] = useState<ApiError>();
  const [handingOver, setHandingOver] = useState(false);

  const take = useCallback((result: Result<SessionStatus>) => {
    if (result.ok) setStatus(result.value);
    setError(result.ok ? undefined : result.error);
  }, []);

  const refresh = useCallback(() => fetchStatus().then(take), [take]);

  const apply = useCallback((next: SessionStatus) => {
    setStatus(next);
    setError(undefined);
    setHandingOver(false);
  }, []);

  const lock = useCallback(
    async (reason: 'idle' | 'manual') => {
      await flushDrafts();
      const result = await call('session.lock', { reason });
      if (result.ok) apply(result.value);
      else await refresh();
    },
    [apply, refresh],
  );

  const signOut = useCallback(async () => {
    await flushDrafts();
    const result = await call('session.signOut', {});
    if (result.ok) apply(result.value);
    else await refresh();
  }, [apply, refresh]);

  useEffect(() => {
    void fetchStatus().then(take);
    const onUnauthenticated = () => void fetchStatus().then(take);
    window.addEventListener(unauthenticatedEvent, onUnauthenticated);
    return () => window.removeEventListener(unauthenticatedEvent, onUnauthenticated);
  }, [take]);

  const active = status?.state === 'active' && !status.mustChangeCredential;
  useIdleLock(active, status?.idleMinutes ?? 5, lock);

  const value = useMemo<SessionState>(
    () => ({ status, error, apply, refresh, handingOver, setHandingOver, lock, signOut }),
    [status, error, apply, refresh, handingOver, lock, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
