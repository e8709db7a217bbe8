import { z } from 'zod';
import { createClient, type ApiClient } from '../api/client';
import {
  api,
  isMethodName,
  type MethodName,
  type ParsedInputOf,
  type ResultOf,
} from '../api/methods';
import { err, ok, type Result } from '../api/result';
import { stationCaller, type Caller, type CallContext, type Services } from './core/context';
import { ServiceError } from './core/errors';
import { handlers } from './handlers';
import type { SchemaWords } from '../api/error-words';
import { markUnworded, schemaIssueWords } from './input/schema-issues';
import { findMalformedText, type MalformedText } from './input/well-formed-text';
import { authorizeCall } from './people/authorize';
import { describeStorageFailure } from './storage/storage-errors';

export interface InputIssue {
  path: (string | number)[];
  /** The path as one readable string, e.g. `devices[3].ipAddress`. */
  at: string;
  message: string;
  /** What is wrong, as catalogue words, unless the schema gave its own message. */
  words?: SchemaWords;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(input)';
}

function describeIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    at: formatPath(issue.path),
    ...schemaIssueWords(issue),
  }));
}

/** A call from the station this services process serves (the app's window, or browser mode). */
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;
/** A call from an explicit caller: the CLI passes `{ kind: 'operator', osUser }`. */
export type DispatchAs = (
  caller: Caller,
  method: string,
  input: unknown,
) => Promise<Result<unknown>>;

/** A typed call from an explicit caller, for in-process clients. */
export type CallAs = <M extends MethodName>(
  caller: Caller,
  method: M,
  input: unknown,
) => Promise<Result<ResultOf<M>>>;

function invalidInput(method: MethodName, error: z.ZodError): Result<never> {
  const issues = describeIssues(error);
  const first = issues[0];
  return err(
    'invalid_input',
    `Invalid input for ${method}: ${first ? `${first.at}: ${first.message}` : 'rejected'}` +
      (issues.length > 1
        ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
        : ''),
    { issues },
  );
}

function malformedText(method: MethodName, m: MalformedText): Result<never> {
  const message =
    `${m.inKey ? 'a name' : 'text'} that is not valid Unicode (a lone surrogate at character ` +
    `${m.index + 1}); it may come from a damaged file or a broken copy and paste. Retype it.`;
  return err('invalid_input', `Invalid input for ${method}: ${m.at}: ${message}`, {
    issues: [{ path: m.path, at: m.at, message }],
  });
}

/**
 * The one entry to the services: every transport (Electron IPC, browser mode, the CLI) calls
 * this. In order: the method must exist; the caller must be allowed to call it now (the
 * permission table in electron/api/permissions.ts — checked before the input is parsed, so a
 * refused caller learns nothing about the input and a refusal never depends on it); the input
 * is parsed from `unknown`; the handler runs. Failures come back as data, never as a throw.
 */
export function createDispatcher(services: Services): {
  dispatch: Dispatch;
  dispatchAs: DispatchAs;
  callAs: CallAs;
  client(caller?: Caller): ApiClient;
} {
  const callAs: CallAs = async (caller, method, input) => {
    try {
      const { actor, user } = authorizeCall(services, caller, method);
      // Text that is not valid Unicode passes zod but breaks storage and the audit hash later.
      const malformed = findMalformedText(input);
      if (malformed) return malformedText(method, malformed);
      const parsed = api[method].input.safeParse(input, { error: markUnworded });
      if (!parsed.success) return invalidInput(method, parsed.error);
      const ctx: CallContext = { services, actor, caller, user };
      // The schema of `method` parsed it: its output is this method's parsed input.
      const value = await handlers[method](parsed.data as ParsedInputOf<typeof method>, ctx);
      return ok(value);
    } catch (error) {
      if (error instanceof ServiceError) {
        return err(error.code, error.message, error.details);
      }
      // A full disk, a read-only folder or a failing disk is not a bug: say so, and what to do.
      const storage = describeStorageFailure(error, services);
      if (storage) {
        services.log.warn('Storage failure in a service call', { method, error: String(error) });
        return err(storage.code, storage.message, storage.details);
      }
      const message = error instanceof Error ? error.message : String(error);
      services.log.error('Unexpected failure in a service call', {
        method,
        error: message,
        stack: error instanceof Error ? error.stack : undefined,
      });
      return err(
        'internal',
        `Standalone could not complete ${method}: ${message}. The details are in the log in ${services.dataDir}.`,
      );
    }
  };
  const dispatchAs: DispatchAs = async (caller, method, input) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return err(
        'unknown_method',
        `There is no API method called "${String(method).slice(0, 100)}".`,
      );
    }
    return callAs(caller, method, input);
  };
  return {
    dispatch: (method, input) => dispatchAs(stationCaller, method, input),
    dispatchAs,
    callAs,
    client: (caller = stationCaller) =>
      createClient((method, input) => callAs(caller, method, input)),
  };
}

/** JSON Schemas of every method's input, for the self-describing `/api` listing. */
export function describeApi(): { method: MethodName; description: string; input: unknown }[] {
  return (Object.keys(api) as MethodName[]).map((m) => ({
    method: m,
    description: api[m].description,
    input: z.toJSONSchema(api[m].input, { unrepresentable: 'any' }),
  }));
}
