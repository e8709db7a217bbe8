import type { ErrorCode } from '../../api/result';

/** An expected failure with a message a user can act on; the dispatcher turns it into a result. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not_found', `${what} was not found.`);
}

/** For exhaustive switches: a value the types say cannot exist. */
export function missingCaseError(value: never): Error {
  return new Error(`Unhandled case: ${String(value)}`);
}
