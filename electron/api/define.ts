import type { z } from 'zod';

/**
 * One API method: its input schema (parsed from `unknown` in the services process), a
 * description for the self-describing `/api` listing, and a phantom result type.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I;
  description: string;
  /** Phantom: carries the result type; never read at run time. */
  result?: R;
}

export function method<R>() {
  return <I extends z.ZodType>(input: I, description: string): MethodSpec<I, R> => ({
    input,
    description,
  });
}
