import type { InputOf, MethodName, ResultOf } from './methods';
import type { ApiError, Result } from './result';

/**
 * Carries one call to the services (in process, over IPC or over loopback HTTP); its result type
 * is the method's, as the API map declares it.
 */
export type Send = <M extends MethodName>(
  method: M,
  input: InputOf<M>,
) => Promise<Result<ResultOf<M>>>;

/** A call that came back as an error, thrown by `value` for callers that stop at the first one. */
export class ApiCallError extends Error {
  constructor(
    readonly method: MethodName,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** The one way a caller reaches the API: every result typed from the map, never cast. */
export interface ApiClient {
  /** The call's outcome as data: its value, or the error a user can act on. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<ResultOf<M>>>;
  /** The value of a call that must succeed; an error becomes an ApiCallError. */
  value<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
}

export function createClient(send: Send): ApiClient {
  return {
    call: send,
    async value(method, input) {
      const result = await send(method, input);
      if (result.ok) return result.value;
      throw new ApiCallError(method, result.error);
    },
  };
}
