import {
  englishErrorWords,
  type ErrorLists,
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

const notFoundKeys = {
  advisory: 'notFoundAdvisory',
  case: 'notFoundCase',
  device: 'notFoundDevice',
  incident: 'notFoundIncident',
  match: 'notFoundMatch',
  user: 'notFoundUser',
} as const satisfies Record<string, ErrorWordKey>;

/** "Case 12 was not found.", in the reader's language for the kinds the catalogue names. */
export function notFound(kind: keyof typeof notFoundKeys | (string & {}), id: number | string) {
  const key = kind in notFoundKeys ? notFoundKeys[kind as keyof typeof notFoundKeys] : undefined;
  return wordedError('not_found', key ?? 'notFoundRecord', { kind, id });
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
  lists: ErrorLists = {},
): ServiceError {
  const words: ErrorWords = { key, params, ...lists };
  return new ServiceError(code, englishErrorWords(words), { ...details, words });
}
