import { z } from 'zod';
import { api, isMethodName, type MethodName } from '../api/methods';
import { err, ok, type Result } from '../api/result';
import { systemActor } from './audit/append';
import type { CallContext, Services } from './core/context';
import { ServiceError } from './core/errors';
import type { Handler } from './core/handler';
import { handlers } from './handlers';

export interface InputIssue {
  path: (string | number)[];
  /** The path as one readable string, e.g. `devices[3].ipAddress`. */
  at: string;
  message: string;
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
    message: issue.message,
  }));
}

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry to the services: every transport (Electron IPC, the test harness, the CLI) calls
 * this. Input is parsed from `unknown`; failures come back as data, never as a thrown error.
 */
export function createDispatcher(services: Services): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return err(
        'unknown_method',
        `There is no API method called "${String(method).slice(0, 100)}".`,
      );
    }
    const parsed = api[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
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
    const ctx: CallContext = { services, actor: systemActor };
    try {
      const handler = handlers[method] as Handler<MethodName>;
      const value = await handler(parsed.data as never, ctx);
      return ok(value);
    } catch (error) {
      if (error instanceof ServiceError) {
        return err(error.code, error.message, error.details);
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
}

/** JSON Schemas of every method's input, for the self-describing `/api` listing. */
export function describeApi(): { method: MethodName; description: string; input: unknown }[] {
  return (Object.keys(api) as MethodName[]).map((m) => ({
    method: m,
    description: api[m].description,
    input: z.toJSONSchema(api[m].input, { unrepresentable: 'any' }),
  }));
}
