import type { ApiError, Result } from '../api/result';

/** Messages between the parent (Electron main, or a test) and the services process. */
export type ToServices =
  { type: 'call'; id: number; method: string; input: unknown } | { type: 'shutdown' };

export type FromServices =
  | { type: 'ready'; dataDir: string }
  | { type: 'fatal'; error: ApiError }
  | { type: 'result'; id: number; result: Result<unknown> };
