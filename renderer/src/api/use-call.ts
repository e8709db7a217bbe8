import { useEffect, useReducer, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../../electron/api';
import { call, type ApiError } from './client';

export interface CallState<T> {
  /** The latest value; kept while a reload or a changed input is on its way, to avoid a flash. */
  value: T | undefined;
  /** Why the latest call failed; cleared by the next success. */
  error: ApiError | undefined;
  reload(): void;
}

/**
 * What a screen shows from one API call: made again when the input (compared by value) or
 * `reloadKey` changes, or on reload(); a result that arrives after the screen moved on is
 * dropped. A `null` input makes no call (a closed dialog, say).
 */
export function useCall<M extends MethodName>(
  method: M,
  input: InputOf<M> | null,
  reloadKey: unknown = null,
): CallState<ResultOf<M>> {
  const [value, setValue] = useState<ResultOf<M>>();
  const [error, setError] = useState<ApiError>();
  const [attempt, reload] = useReducer((n: number) => n + 1, 0);
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void call(method, JSON.parse(key) as InputOf<M>).then((result) => {
      if (!live) return;
      if (result.ok) {
        setValue(() => result.value);
        setError(undefined);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [method, key, reloadKey, attempt]);
  return { value, error, reload };
}
