import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { currentScryptParams, hashSecret } from './credentials';
import {
  adminPin,
  auditSince,
  biomedPin,
  everythingStored,
  lastAuditId,
  minutes,
  stationPerTest,
} from './test/test-calls';

const t = stationPerTest();

describe('first run', () => {
  it('asks for the first administrator, creates them once and signs them in', async () => {
    expect(await t.api.value('session.status', {})).toMatchObject({
      state: 'signed_out',
      firstRun: true,
    });
    expect(await t.api.value('session.listUsers', {})).toEqual([]);

    const status = await t.api.value('people.createFirstAdmin', {
      displayName: 'Ada Admin',
      secret: adminPin,
    });
    expect(status).toMatchObject({
      state: 'active',
      firstRun: false,
      role: 'admin',
      user: {
        displayName: 'Ada Admin',
        roles: ['admin'],
        staffId: null,
        demo: false,
        credentialKind: 'pin',
      },
      mustChangeCredential: false,
    });
    const events = auditSince(t.rt);
    expect(events.map((e) => [e.action, e.actorRole, e.actorUserId])).toEqual([
      ['user.created', 'anonymous', null],
      ['session.signed_in', 'admin', status.user?.id],
    ]);
    expect(events[0]?.payload).toMatchObject({ firstRun: true, roles: ['admin'] });

    for (const signedIn of [true, false]) {
      if (!signedIn) await t.api.value('session.signOut', {});
      const again = await t.api.error('people.createFirstAdmin', {
        displayName: 'Eve',
        secret: '135790',
      });
      expect(again.code).toBe('conflict');
      expect(again.message).toContain('already has users');
    }
    expect(await t.api.value('session.listUsers', {})).toHaveLength(1);
  });

  it('refuses a first administrator with a weak PIN, creating nothing', async () => {
    const error = await t.api.error('people.createFirstAdmin', {
      displayName: 'Ada',
      secret: '123456',
    });
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'secret' } });
    expect(await t.api.value('session.status', {})).toMatchObject({ firstRun: true });
  });
});

describe('signing in', () => {
  it('signs in by name or by staff ID (any case), in a chosen role the user holds', async () => {
    const { biomedId } = await t.twoUsers();
    const byName = await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    expect(byName).toMatchObject({ state: 'active', role: 'biomed', user: { id: biomedId } });
    await t.api.value('session.signOut', {});
    const byStaffId = await t.api.value('session.signIn', {
      staffId: 'b-7',
      secret: biomedPin,
      role: 'it_security',
    });
    expect(byStaffId).toMatchObject({ state: 'active', role: 'it_security' });
    await t.api.value('session.signOut', {});
    const notHeld = await t.api.error('session.signIn', {
      userId: biomedId,
      secret: biomedPin,
      role: 'admin',
    });
    expect(notHeld).toMatchObject({ code: 'invalid_input', details: { field: 'role' } });
    expect(notHeld.message).toContain('does not hold the role Administrator');
  });

  it('will not sign in over an active session: that is a hand-over', async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    const error = await t.api.error('session.signIn', { userId: biomedId, secret: biomedPin });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Hand over');
  });

  it('answers an unknown user exactly as a wrong PIN, and audits both without the secret', async () => {
    const { biomedId } = await t.twoUsers();
    const before = lastAuditId(t.rt);
    const unknown = await t.api.error('session.signIn', { staffId: '864209', secret: '975310' });
    const wrong = await t.api.error('session.signIn', { userId: biomedId, secret: '975310' });
    expect(unknown).toEqual(wrong);
    expect(unknown.code).toBe('unauthenticated');
    const events = auditSince(t.rt, before);
    expect(events.map((e) => [e.action, e.entityId, e.payload.reason])).toEqual([
      ['auth.failed', null, 'unknown_user'],
      ['auth.failed', String(biomedId), 'wrong_secret'],
    ]);
    expect(events[1]?.payload).toMatchObject({ purpose: 'sign_in', failedAttempts: 1 });
    // Neither the secret nor a mistyped staff ID (it may be someone's PIN) is stored anywhere.
    expect(everythingStored(t.rt)).not.toContain('975310');
    expect(everythingStored(t.rt)).not.toContain('864209');
    expect(JSON.stringify(t.rt.log.lines)).not.toMatch(/975310|864209/);
  });

  it('re-hashes a secret stored with older scrypt parameters at the next sign-in', async () => {
    const { biomedId } = await t.twoUsers();
    const old = await hashSecret(biomedPin, { N: 2 ** 12, r: 8, p: 1 });
    t.rt.services.db
      .prepare('UPDATE users SET credential_hash = ? WHERE id = ?')
      .run(old, biomedId);
    const before = lastAuditId(t.rt);
    await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    const stored = t.rt.services.db
      .prepare('SELECT credential_hash FROM users WHERE id = ?')
      .pluck()
      .get(biomedId) as string;
    expect(stored.startsWith(`scrypt$${currentScryptParams.N}$`)).toBe(true);
    expect(auditSince(t.rt, before)[0]).toMatchObject({
      action: 'session.signed_in',
      payload: { credentialUpgraded: true },
    });
    await t.api.value('session.signOut', {});
    expect(
      await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin }),
    ).toMatchObject({
      state: 'active',
    });
  });
});

describe('the station session', () => {
  it('locks after the idle period even if no one calls session.lock, keeping the draft for the same user', async () => {
    const { biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    const draft = { item: 'backup.config_taken', note: 'Sicherung auf USB-Stick Ø 3' };
    await t.api.value('drafts.save', { key: 'case-7/backup', value: draft });
    // Reads do not count as activity: a screen that polls still locks.
    for (let i = 0; i < 2; i++) {
      t.rt.clock.advance(minutes(2));
      await t.api.value('devices.list', {});
    }
    t.rt.clock.advance(minutes(1));
    const before = lastAuditId(t.rt);
    const refused = await t.api.error('devices.list', {});
    expect(refused).toMatchObject({ code: 'unauthenticated', details: { reason: 'locked' } });
    expect(await t.api.value('session.status', {})).toMatchObject({
      state: 'locked',
      user: { id: biomedId },
    });
    expect(auditSince(t.rt, before)).toMatchObject([
      { action: 'session.locked', actorUserId: biomedId, payload: { reason: 'idle' } },
    ]);

    const wrong = await t.api.error('session.unlock', { secret: '222333' });
    expect(wrong).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'wrong_secret', attemptsLeft: 4 },
    });
    expect(await t.api.value('session.unlock', { secret: biomedPin })).toMatchObject({
      state: 'active',
    });
    expect(t.actions(before)).toEqual(['session.locked', 'auth.failed', 'session.unlocked']);
    expect(await t.api.value('drafts.get', { key: 'case-7/backup' })).toMatchObject({
      draft: { value: draft },
    });
  });

  it('stays unlocked while the user is active (changes, or session.touch from the UI)', async () => {
    const { biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    for (let i = 0; i < 3; i++) {
      t.rt.clock.advance(minutes(4));
      await t.api.value(
        i % 2 ? 'session.touch' : 'drafts.save',
        i % 2 ? {} : { key: 'k', value: { i } },
      );
    }
    expect(await t.api.value('session.status', {})).toMatchObject({ state: 'active' });
  });

  it('lets another user sign in at a locked station; the first user’s draft waits for them', async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    await t.api.value('drafts.save', { key: 'gate', value: { patientOnTable: false } });
    expect(await t.api.value('session.lock', { reason: 'manual' })).toMatchObject({
      state: 'locked',
    });
    const before = lastAuditId(t.rt);
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    expect(
      auditSince(t.rt, before).map((e) => [e.action, e.actorUserId, e.payload.reason]),
    ).toEqual([
      ['session.ended', biomedId, 'replaced_while_locked'],
      ['session.signed_in', adminId, undefined],
    ]);
    expect(await t.api.value('drafts.get', { key: 'gate' })).toEqual({ draft: null });
    await t.api.value('session.signOut', {});
    await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    expect((await t.api.value('drafts.get', { key: 'gate' })).draft?.value).toEqual({
      patientOnTable: false,
    });
  });

  it('hands over in one step, recording from whom to whom; a wrong PIN leaves the first user signed in', async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    const wrong = await t.api.error('session.handOver', { userId: biomedId, secret: '909192' });
    expect(wrong.code).toBe('unauthenticated');
    expect(await t.api.value('session.status', {})).toMatchObject({
      state: 'active',
      user: { id: adminId },
    });

    const before = lastAuditId(t.rt);
    const next = await t.api.value('session.handOver', {
      staffId: 'B-7',
      secret: biomedPin,
      role: 'it_security',
    });
    expect(next).toMatchObject({ state: 'active', user: { id: biomedId }, role: 'it_security' });
    expect(auditSince(t.rt, before)).toMatchObject([
      {
        action: 'session.handed_over',
        actorUserId: biomedId,
        actorRole: 'it_security',
        entityId: String(biomedId),
        payload: { fromUserId: adminId, fromRole: 'admin', role: 'it_security' },
      },
    ]);
    // Switching one's own role is a hand-over to oneself.
    expect(
      await t.api.value('session.handOver', {
        userId: biomedId,
        secret: biomedPin,
        role: 'biomed',
      }),
    ).toMatchObject({
      role: 'biomed',
    });
    expect(await t.api.value('session.signOut', {})).toMatchObject({
      state: 'signed_out',
      user: null,
    });
    expect(auditSince(t.rt).at(-1)).toMatchObject({
      action: 'session.signed_out',
      actorUserId: biomedId,
    });
  });

  it('ends the session of a user who is deactivated', async () => {
    const { adminId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    await t.api.value('people.create', {
      displayName: 'Second Admin',
      roles: ['admin'],
      secret: '314159',
    });
    await t.api.value('people.update', { id: adminId, active: false });
    const refused = await t.api.error('people.list', {});
    expect(refused).toMatchObject({ code: 'unauthenticated', details: { reason: 'signed_out' } });
    expect(auditSince(t.rt).at(-1)).toMatchObject({
      action: 'session.ended',
      payload: { reason: 'account_deactivated' },
    });
    expect(
      (await t.api.error('session.signIn', { userId: adminId, secret: adminPin })).details,
    ).toEqual({
      reason: 'bad_credentials',
      words: { key: 'badCredentials', params: {} },
    });
  });
});

describe('credential reset and change', () => {
  it('makes the user choose a new secret before anything else, and audits both steps', async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    const reset = await t.api.value('people.resetCredential', {
      id: biomedId,
      secret: 'temporary-pass-1',
    });
    expect(reset).toMatchObject({ mustChangeCredential: true, credentialKind: 'password' });
    expect(JSON.stringify(reset)).not.toMatch(/scrypt|temporary/);
    expect(auditSince(t.rt).at(-1)).toMatchObject({
      action: 'user.credential_reset',
      actorUserId: adminId,
    });

    await t.api.value('session.handOver', { userId: biomedId, secret: 'temporary-pass-1' });
    expect(await t.api.value('session.status', {})).toMatchObject({ mustChangeCredential: true });
    const blocked = await t.api.error('devices.list', {});
    expect(blocked).toMatchObject({
      code: 'forbidden',
      details: { reason: 'credential_change_required' },
    });

    const sameAgain = await t.api.error('session.changeCredential', {
      currentSecret: 'temporary-pass-1',
      newSecret: 'temporary-pass-1',
    });
    expect(sameAgain.code).toBe('invalid_input');
    const wrongCurrent = await t.api.error('session.changeCredential', {
      currentSecret: 'not-the-temporary',
      newSecret: '735194',
    });
    expect(wrongCurrent.details).toMatchObject({ reason: 'wrong_secret', attemptsLeft: 4 });
    const changed = await t.api.value('session.changeCredential', {
      currentSecret: 'temporary-pass-1',
      newSecret: '735194',
    });
    expect(changed).toMatchObject({ state: 'active', mustChangeCredential: false });
    expect(auditSince(t.rt).at(-1)).toMatchObject({
      action: 'user.credential_changed',
      actorUserId: biomedId,
      payload: { credentialKind: 'pin', afterReset: true },
    });
    await t.api.value('devices.list', {});
    await t.api.value('session.signOut', {});
    expect(
      (await t.api.call('session.signIn', { userId: biomedId, secret: 'temporary-pass-1' })).ok,
    ).toBe(false);
    expect((await t.api.call('session.signIn', { userId: biomedId, secret: '735194' })).ok).toBe(
      true,
    );
    expect(everythingStored(t.rt)).not.toMatch(/temporary-pass-1|735194/);
    expect(verifyAuditChain(t.rt.services.db).ok).toBe(true);
  });
});
