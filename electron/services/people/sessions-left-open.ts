import type Database from 'better-sqlite3';
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
 * A sign-in or hand-over opens a session for its user, a hand-over also ends the session it
 * takes over, and a sign-out or end closes it. Only a station process calls this (the app's
 * services, browser mode): the command line may run beside a station whose sessions are still
 * open.
 */

export const processEndedReason = 'process_ended';

interface OpenSession {
  role: Role;
  since: string;
}

const sessionActions = `('session.signed_in', 'session.handed_over', 'session.signed_out', 'session.ended')`;

interface Statements {
  users: Database.Statement<[], [string]>;
  last: Database.Statement<[string], [number, string, string, string]>;
  handedOver: Database.Statement<[number, number], [number]>;
}

/** Prepared at each call: it runs once per start. */
function statements(db: Database.Database): Statements {
  return {
    // The users the trail names, each found by one step along the entity index (no event read).
    users: db
      .prepare<[], [string]>(
        `WITH RECURSIVE u(id) AS (
             SELECT MIN(entity_id) FROM audit_events WHERE entity_type = 'user'
             UNION ALL
             SELECT (SELECT MIN(entity_id) FROM audit_events
                      WHERE entity_type = 'user' AND entity_id > u.id)
               FROM u WHERE u.id IS NOT NULL)
           SELECT id FROM u WHERE id IS NOT NULL`,
      )
      .raw(true),
    // A user's last session event, read backwards along the entity index.
    last: db
      .prepare<[string], [number, string, string, string]>(
        `SELECT id, body ->> '$.action', body ->> '$.actorRole', body ->> '$.time'
             FROM audit_events INDEXED BY audit_events_entity
            WHERE entity_type = 'user' AND entity_id = ?
              AND body ->> '$.action' IN ${sessionActions}
            ORDER BY id DESC LIMIT 1`,
      )
      .raw(true),
    // A later hand-over from that user, which ends the session too.
    handedOver: db
      .prepare<[number, number], [number]>(
        `SELECT id FROM audit_events
            WHERE id > ? AND entity_type = 'user'
              AND body ->> '$.action' = 'session.handed_over'
              AND body ->> '$.payload.fromUserId' = ?
            ORDER BY id LIMIT 1`,
      )
      .raw(true),
  };
}

/**
 * The users whose session the trail leaves open, with the role and time it began, in the order
 * the sessions began. A user's session is open when their last session event opened it (a
 * sign-in, or a hand-over to them) and no later hand-over took it from them; so only each
 * user's last session event and the events since an open one are read, not every session the
 * trail holds (it grows with every sign-in, and this runs at each start).
 */
export function sessionsLeftOpen(services: Pick<Services, 'db'>): Map<number, OpenSession> {
  const s = statements(services.db);
  const found: [id: number, userId: number, session: OpenSession][] = [];
  for (const [entityId] of s.users.all()) {
    const last = s.last.get(entityId);
    if (!last) continue;
    const [id, action, role, at] = last;
    if (action !== 'session.signed_in' && action !== 'session.handed_over') continue;
    const userId = Number(entityId);
    if (s.handedOver.get(id, userId)) continue;
    found.push([id, userId, { role: role as Role, since: at }]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return new Map(found.map(([, userId, session]) => [userId, session]));
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
