import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { signInAs, startTestRuntime, testSecret, type TestRuntime } from '../test/temp-runtime';
import { unlockedIdentity } from './session-key';
import { setUpSigningIdentity, testAdmin, testPassphrase } from './test/test-identity';
import type { ApiClient } from '../../api/client';

let rt: TestRuntime;
beforeEach(() => {
  rt = startTestRuntime();
});
afterEach(() => rt.cleanup());

/** The value of a call that must succeed, typed from the API map. */
const ok: ApiClient['value'] = (method, input) => rt.client().value(method, input);

const held = () => unlockedIdentity(rt.services.db) !== undefined;
const relocks = (after: number) =>
  auditSince(rt, after)
    .filter((e) => e.action === 'signing.locked')
    .map((e) => e.payload.reason);

describe('the organisation key is locked again when the session changes', () => {
  it('at sign-out, at a manual or idle lock, and at hand-over', async () => {
    await setUpSigningIdentity(rt);
    const adminId = rt.services.sessions.current?.userId;
    expect(held()).toBe(true);
    const start = lastAuditId(rt);

    await ok('session.lock', {});
    expect(held()).toBe(false);
    await ok('session.unlock', { secret: testAdmin.secret });
    await ok('signing.unlock', { passphrase: testPassphrase });
    expect(held()).toBe(true);

    await ok('session.signOut', {});
    expect(held()).toBe(false);
    await ok('session.signIn', { userId: adminId, secret: testAdmin.secret });
    await ok('signing.unlock', { passphrase: testPassphrase });

    // Idle: the next call finds the session idle past the limit and locks it.
    rt.clock.advance(6 * 60_000);
    await rt.client().call('signing.status', {});
    expect(held()).toBe(false);
    await ok('session.unlock', { secret: testAdmin.secret });
    await ok('signing.unlock', { passphrase: testPassphrase });

    const biomed = await signInAs(rt, 'biomed');
    await ok('session.signOut', {});
    await ok('session.signIn', { userId: adminId, secret: testAdmin.secret });
    await ok('signing.unlock', { passphrase: testPassphrase });
    await ok('session.handOver', { userId: biomed.id, secret: testSecret });
    expect(held()).toBe(false);

    expect(relocks(start)).toEqual([
      'session_locked',
      'signed_out',
      'session_locked',
      'signed_out',
      'handed_over',
    ]);
  });
});

describe('signing.unlock is rate-limited like sign-in', () => {
  it('locks after the threshold of wrong passphrases, refuses even the right one, doubles', async () => {
    await setUpSigningIdentity(rt);
    await ok('signing.lock', {});
    const wrong = () => rt.client().call('signing.unlock', { passphrase: 'not the passphrase!' });
    for (let i = 0; i < 4; i++) {
      expect(await wrong()).toMatchObject({
        ok: false,
        error: { details: { signing: 'wrong_passphrase' } },
      });
    }
    const locking = await wrong();
    const until = new Date(rt.clock.now().getTime() + 5 * 60_000).toISOString();
    expect(locking).toMatchObject({
      ok: false,
      error: { code: 'forbidden', details: { signing: 'unlock_locked', lockedUntil: until } },
    });
    const right = await rt.client().call('signing.unlock', { passphrase: testPassphrase });
    expect(right).toMatchObject({ ok: false, error: { details: { signing: 'unlock_locked' } } });
    expect(held()).toBe(false);

    rt.clock.advance(5 * 60_000);
    // The station locked itself meanwhile (idle); the administrator unlocks it first.
    await ok('session.unlock', { secret: testAdmin.secret });
    for (let i = 0; i < 4; i++) await wrong();
    const again = await wrong();
    expect(again).toMatchObject({
      ok: false,
      error: {
        details: { lockedUntil: new Date(rt.clock.now().getTime() + 10 * 60_000).toISOString() },
      },
    });
    rt.clock.advance(10 * 60_000);
    await ok('session.unlock', { secret: testAdmin.secret });
    await ok('signing.unlock', { passphrase: testPassphrase });
    expect(held()).toBe(true);
    expect(auditSince(rt).filter((e) => e.action === 'signing.unlock_locked')).toHaveLength(2);
  });
});
