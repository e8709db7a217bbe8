import { useState } from 'react';
import type { ApiError, Result } from '../api/client';

export interface Submit {
  /** A call is on its way: the submit button shows it and the dialog stays open. */
  busy: boolean;
  error: ApiError | undefined;
  /** Make the call; on success hand its value on, on failure keep the error for display. */
  run<T>(request: Promise<Result<T>>, onDone: (value: T) => void): void;
  /** A problem the form found itself, before any call (two entries that differ). */
  fail(message: string): void;
  clear(): void;
}

/** The state every form that sends one call keeps: busy while it runs, then its error if any. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  return {
    busy,
    error,
    run(request, onDone) {
      setBusy(true);
      setError(undefined);
      void request.then((result) => {
        setBusy(false);
        if (result.ok) onDone(result.value);
        else setError(result.error);
      });
    },
    fail: (message) => setError({ code: 'invalid_input', message }),
    clear: () => setError(undefined),
  };
}
