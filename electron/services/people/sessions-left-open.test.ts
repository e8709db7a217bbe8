import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../api/permissions';
import { recordEvent, userActor } from '../audit/record';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { sessionsLeftOpen } from './sessions-left-open';

let rt: TestRuntime;
beforeEach(() => {
  rt = startTestRuntime();
});
afterEach(() => rt.cleanup());

/**
 * The sessions the trail leaves open, found the long way: every event of every user followed in
 * the order of the chain (how sessionsLeftOpen read them before it read only the last ones).
 */
function followedInOrder(): Map<number, { role: Role; since: string }> {
  const bodies = rt.services.db
    .prepare(`SELECT body FROM audit_events WHERE entity_type = 'user' ORDER BY id`)
    .pluck()
    .all() as string[];
  const open = new Map<number, { role: Role; since: string }>();
  for (const body of bodies) {
    const e = JSON.parse(body) as {
      action: string;
      actorRole: Role;
      entityId: string;
      time: string;
      payload: { fromUserId?: number };
    };
    const user = Number(e.entityId);
    if (e.action === 'session.handed_over' && e.payload.fromUserId !== undefined)
      open.delete(e.payload.fromUserId);
    if (e.action === 'session.signed_in' || e.action === 'session.handed_over')
      open.set(user, { role: e.actorRole, since: e.time });
    else if (e.action === 'session.signed_out' || e.action === 'session.ended') open.delete(user);
  }
  return open;
}

const actions = [
  'session.signed_in',
  'session.handed_over',
  'session.signed_out',
  'session.ended',
  // Events of a user that neither open nor close a session.
  'session.locked',
  'user.updated',
] as const;

const step = fc.record({
  user: fc.integer({ min: 1, max: 5 }),
  from: fc.integer({ min: 1, max: 5 }),
  action: fc.constantFrom(...actions),
  role: fc.constantFrom<Role>('biomed', 'incident_commander', 'admin'),
});

describe('the sessions an earlier process left open', () => {
  it('are those that following every session event in order leaves open', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        for (const s of steps) {
          rt.clock.advance(60_000);
          recordEvent({ services: rt.services }, userActor(s.user, s.role), {
            action: s.action,
            entityType: 'user',
            entityId: s.user,
            payload: s.action === 'session.handed_over' ? { fromUserId: s.from } : {},
          });
          expect(sessionsLeftOpen(rt.services)).toEqual(followedInOrder());
        }
      }),
      { numRuns: 40 },
    );
    // The runs left some sessions open and closed others.
    expect(followedInOrder().size).toBeGreaterThan(0);
  });

  it('a session handed over, or ended, is not open; the one it was handed to is', () => {
    const at = (action: string, user: number, payload: Record<string, unknown> = {}) =>
      recordEvent({ services: rt.services }, userActor(user, 'biomed'), {
        action,
        entityType: 'user',
        entityId: user,
        payload,
      });
    at('session.signed_in', 1);
    at('session.signed_in', 2);
    at('session.handed_over', 3, { fromUserId: 1 });
    at('session.signed_out', 2);
    at('user.updated', 3);
    expect([...sessionsLeftOpen(rt.services).keys()]).toEqual([3]);
  });
});
