/** Every call crosses a process boundary as data: a value or an error a user can act on. */
export const errorCodes = [
  'unknown_method',
  'invalid_input',
  'internal',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'db_from_newer_version',
  'db_corrupt',
  'storage_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}
