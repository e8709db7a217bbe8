import type { Role } from '../../api/permissions';
import { mutate, type MutateContext } from '../core/context';
import type { Actor, AuditInput } from './append';

/** At a station where no one is signed in: a first-run setup, a sign-in attempt. */
export const anonymousActor: Actor = { userId: null, role: 'anonymous' };

export function userActor(userId: number, role: Role): Actor {
  return { userId, role };
}

/**
 * Write one audit event as `actor`. Inside a transaction it joins it (better-sqlite3 nests it as
 * a savepoint), so events of several actors can commit with one change.
 */
export function recordEvent(
  ctx: Omit<MutateContext, 'actor'>,
  actor: Actor,
  event: Omit<AuditInput, 'actor'>,
): void {
  mutate({ ...ctx, actor }, () => ({ value: undefined, audit: event }));
}
