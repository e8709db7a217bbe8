import {
  englishErrorWords,
  type ErrorParams,
  type ErrorWordKey,
  type ErrorWords,
} from '../../api/error-words';
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

/**
 * An expected failure worded from the errors catalogue: the message is its English sentence,
 * and `details.words` carries the key and values so the UI says it in the station's language.
 */
export function wordedError(
  code: ErrorCode,
  key: ErrorWordKey,
  params: ErrorParams = {},
  details: Record<string, unknown> = {},
  roles?: ErrorWords['roles'],
): ServiceError {
  const words: ErrorWords = roles ? { key, params, roles } : { key, params };
  return new ServiceError(code, englishErrorWords(words), { ...details, words });
}
