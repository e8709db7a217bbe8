import type { Role } from '../../api/permissions';
import type { Services } from '../core/context';
import { recordEvent, userActor } from '../audit/record';

/**
 * Sessions are held in the services process's memory, so a process that ends with someone signed
 * in (killed, crashed, the power gone, or closed without signing out) leaves a sign-in in the
 * audit trail with no end. At the start of the next station process, each such session is
 * recorded as ended with the process (`session.ended`, reason `process_ended`, the time it began
 * in the payload), so every session in the record has an end.
 *
 * The session events are followed in the order of the chain: a sign-in or hand-over opens a
 * session for its user, a hand-over also ends the session it takes over, and a sign-out or end
 * closes it. Only a station process calls this (the app's services, browser mode): the command
 * line may run beside a station whose sessions are still open.
 */

export const processEndedReason = 'process_ended';

interface OpenSession {
  role: Role;
  since: string;
}

type Row = [userId: number, action: string, role: string, fromUserId: number | null, at: string];

/** The users whose session the trail leaves open, with the role and time it began. */
export function sessionsLeftOpen(services: Pick<Services, 'db'>): Map<number, OpenSession> {
  const rows = services.db
    .prepare(
      `SELECT CAST(entity_id AS INTEGER), body ->> '$.action', body ->> '$.actorRole',
              body ->> '$.payload.fromUserId', body ->> '$.time'
         FROM audit_events
        WHERE entity_type = 'user'
          AND body ->> '$.action' IN
              ('session.signed_in', 'session.handed_over', 'session.signed_out', 'session.ended')
        ORDER BY id`,
    )
    .raw()
    .iterate() as IterableIterator<Row>;
  const open = new Map<number, OpenSession>();
  for (const [userId, action, role, fromUserId, at] of rows) {
    if (action === 'session.handed_over' && fromUserId !== null) open.delete(fromUserId);
    if (action === 'session.signed_in' || action === 'session.handed_over') {
      open.set(userId, { role: role as Role, since: at });
    } else {
      open.delete(userId);
    }
  }
  return open;
}

/** Record the end of every session an earlier process left open; returns their users. */
export function endSessionsLeftOpen(services: Services): number[] {
  const { db } = services;
  return db.transaction(() => {
    const open = sessionsLeftOpen(services);
    for (const [userId, s] of open) {
      recordEvent({ services }, userActor(userId, s.role), {
        action: 'session.ended',
        entityType: 'user',
        entityId: userId,
        payload: { reason: processEndedReason, signedInAt: s.since },
      });
    }
    if (open.size > 0) {
      services.log.info('sessions left open by an earlier process recorded as ended', {
        users: [...open.keys()],
      });
    }
    return [...open.keys()];
  })();
}
