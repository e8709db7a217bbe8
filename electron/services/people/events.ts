import type { Role } from '../../api/permissions';
import type { Actor, AuditInput } from '../audit/append';
import { mutate, type MutateContext } from '../core/context';

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

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "10:47" today, "29 Nov 2026, 00:03" on another day, in the station's local time. */
export function formatUntil(until: Date, now: Date): string {
  return until.toDateString() === now.toDateString()
    ? timeFormat.format(until)
    : dateTimeFormat.format(until);
}
