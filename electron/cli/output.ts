import type { ApiError } from '../api/result';

export const exitCodes = {
  ok: 0,
  checkFailed: 1,
  invalidInput: 2,
  storage: 3,
  unexpected: 70,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function exitCodeFor(error: ApiError): number {
  switch (error.code) {
    case 'invalid_input':
    case 'unknown_method':
    case 'not_found':
    case 'conflict':
    case 'forbidden':
    case 'unauthenticated':
      return exitCodes.invalidInput;
    case 'db_from_newer_version':
    case 'db_corrupt':
    case 'storage_error':
      return exitCodes.storage;
    case 'internal':
      return exitCodes.unexpected;
  }
}

/**
 * A refusal as the command line prints it: the sentence people read, then, on a line of its own,
 * what the system said (its code and words) for IT, which the sentence leaves out.
 */
export function failureText(error: ApiError): string {
  const technical = (error.details as { technical?: unknown } | undefined)?.technical;
  return typeof technical === 'string' && technical !== ''
    ? `${error.message}\n  Details: ${technical}`
    : error.message;
}

export interface Output {
  json: boolean;
  print(human: string, machine: unknown): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    print(human, machine) {
      process.stdout.write(json ? JSON.stringify(machine, null, 2) + '\n' : human + '\n');
    },
  };
}
