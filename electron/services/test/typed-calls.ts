import type { InputOf, MethodName } from '../../api/methods';
import type { ApiError } from '../../api/result';
import type { Caller, Runtime } from '../runtime';

/** The typed client of the station (or of `caller`), and the error of a call that must fail. */
export function typedCalls(rt: Pick<Runtime, 'client'>, caller?: Caller) {
  const client = rt.client(caller);
  return {
    ...client,
    /** The error of a call that must fail. */
    async error<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiError> {
      const result = await client.call(method, input);
      if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
  };
}

export type TypedCalls = ReturnType<typeof typedCalls>;
