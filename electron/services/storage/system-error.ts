import type { ErrorLists } from '../../api/error-words';
import { systemCauseTerm } from '../../api/system-cause';
import { ServiceError } from '../core/errors';

/**
 * The system's code of a failed file or database operation ("ENOENT", "SQLITE_FULL"), or ''.
 * A refusal already worded (a folder that could not be created) carries it in its details.
 */
export function systemCodeOf(error: unknown): string {
  const code =
    error instanceof ServiceError
      ? (error.details as { code?: unknown } | undefined)?.code
      : (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** What the system said, code first, for IT: shown behind "Details" and on the CLI's second line. */
export function technicalOf(error: unknown): string {
  const code = systemCodeOf(error);
  if (error instanceof ServiceError) {
    const technical = (error.details as { technical?: unknown } | undefined)?.technical;
    return typeof technical === 'string' ? technical : code || error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/**
 * A system failure as a worded error takes it: `{{cause}}` in people's words (the one mapping,
 * api/system-cause.ts), and the code and the system's own words in the details.
 */
export function systemCause(
  error: unknown,
  doing: 'write' | 'read' = 'write',
): { lists: Required<Pick<ErrorLists, 'terms'>>; details: { code?: string; technical: string } } {
  const code = systemCodeOf(error);
  return {
    lists: { terms: { cause: systemCauseTerm(code, doing) } },
    details: { ...(code ? { code } : {}), technical: technicalOf(error) },
  };
}
