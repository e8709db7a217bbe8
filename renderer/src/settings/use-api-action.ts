import { useCallback, useState } from 'react';
import type { ApiError, Result } from '../api/client';

export interface ApiAction<T> {
  run(): void;
  running: boolean;
  value: T | undefined;
  error: ApiError | undefined;
}

/** A user-triggered call: its result or its error is kept for display, never dropped. */
export function useApiAction<T>(perform: () => Promise<Result<T>>): ApiAction<T> {
  const [running, setRunning] = useState(false);
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const run = useCallback(() => {
    setRunning(true);
    setError(undefined);
    void perform().then((result) => {
      setRunning(false);
      if (result.ok) setValue(result.value);
      else setError(result.error);
    });
  }, [perform]);
  return { run, running, value, error };
}
