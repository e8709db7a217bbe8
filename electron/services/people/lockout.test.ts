import { describe, expect, it } from 'vitest';
import { formatUntil } from './format-until';
import {
  adminPin,
  auditSince,
  biomedPin,
  lastAuditId,
  minutes,
  stationPerTest,
} from './test/test-calls';

const t = stationPerTest();

describe('lockout', () => {
  it('locks after 5 failures for 5 minutes, says until when, refuses even the right PIN, then expires', async () => {
    const { biomedId } = await t.twoUsers();
    const before = lastAuditId(t.rt);
    for (let i = 1; i <= 4; i++) {
      expect(
        (await t.api.error('session.signIn', { userId: biomedId, secret: '000001' })).details,
      ).toMatchObject({
        reason: 'bad_credentials',
      });
    }
    const locking = await t.api.error('session.signIn', { userId: biomedId, secret: '000001' });
    const until = new Date(t.rt.clock.now().getTime() + minutes(5));
    expect(locking).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'locked', lockedUntil: until.toISOString() },
    });
    expect(locking.message).toContain(
      `locked until ${formatUntil(t.rt.services.db, until, t.rt.clock.now())}`,
    );
    expect(t.actions(before)).toEqual([...Array(5).fill('auth.failed'), 'user.locked_out']);

    t.rt.clock.advance(minutes(4));
    const stillLocked = await t.api.error('session.signIn', {
      userId: biomedId,
      secret: biomedPin,
    });
    expect(stillLocked.details).toMatchObject({ reason: 'locked' });
    expect(stillLocked.message).toMatch(/locked until \d\d:\d\d/);
    expect(auditSince(t.rt).at(-1)?.payload).toMatchObject({ reason: 'locked' });

    t.rt.clock.advance(minutes(1));
    expect(
      await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin }),
    ).toMatchObject({
      state: 'active',
    });
    const row = t.rt.services.db
      .prepare('SELECT failed_attempts, locked_until FROM users WHERE id = ?')
      .get(biomedId);
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('counts parallel guesses one by one, so no more than the threshold are ever checked', async () => {
    const { biomedId } = await t.twoUsers();
    const before = lastAuditId(t.rt);
    const guesses = [
      '100001',
      '100002',
      '100003',
      '100004',
      '100005',
      '100006',
      '100007',
      biomedPin,
    ];
    const results = await Promise.all(
      guesses.map((secret) => t.api.call('session.signIn', { userId: biomedId, secret })),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const reasons = auditSince(t.rt, before)
      .filter((e) => e.action === 'auth.failed')
      .map((e) => e.payload.reason);
    expect(reasons).toEqual([...Array(5).fill('wrong_secret'), ...Array(3).fill('locked')]);
  });

  it('follows the configured threshold and minutes, and an administrator can lift a lock', async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    const before = lastAuditId(t.rt);
    expect(
      await t.api.value('settings.setSecurity', { lockoutThreshold: 3, lockoutMinutes: 30 }),
    ).toEqual({
      lockoutThreshold: 3,
      lockoutMinutes: 30,
      idleMinutes: 5,
    });
    expect(auditSince(t.rt, before)[0]).toMatchObject({
      action: 'settings.changed',
      actorRole: 'admin',
      payload: {
        before: { lockoutThreshold: 5 },
        after: { lockoutThreshold: 3, lockoutMinutes: 30 },
      },
    });
    await t.api.value('session.signOut', {});
    for (let i = 0; i < 3; i++)
      await t.api.call('session.signIn', { userId: biomedId, secret: '555550' });
    const locked = await t.api.error('session.signIn', { userId: biomedId, secret: biomedPin });
    expect(locked.details).toMatchObject({
      lockedUntil: new Date(t.rt.clock.now().getTime() + minutes(30)).toISOString(),
    });

    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    const listed = (await t.api.value('people.list', {})).find((u) => u.id === biomedId);
    expect(listed).toMatchObject({ lockedUntil: expect.any(String) as string, failedAttempts: 0 });
    const unlocked = await t.api.value('people.unlock', { id: biomedId });
    expect(unlocked.lockedUntil).toBeNull();
    expect(auditSince(t.rt).at(-1)).toMatchObject({
      action: 'user.unlocked',
      entityId: String(biomedId),
    });
    await t.api.value('session.signOut', {});
    expect(
      await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin }),
    ).toMatchObject({
      state: 'active',
    });
  });
});

describe('repeated lockouts', () => {
  /** Three wrong PINs in a row (the threshold set below); the length of the lock they cause. */
  async function lockOnce(userId: number): Promise<number> {
    for (let i = 0; i < 2; i++) await t.api.call('session.signIn', { userId, secret: '555550' });
    const locking = await t.api.error('session.signIn', { userId, secret: '555550' });
    const until = (locking.details as { lockedUntil: string }).lockedUntil;
    return (new Date(until).getTime() - t.rt.clock.now().getTime()) / 60_000;
  }

  it('doubles the lock each time up to one day, until a success or an administrator clears it', async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    await t.api.value('settings.setSecurity', { lockoutThreshold: 3, lockoutMinutes: 360 });
    await t.api.value('session.signOut', {});
    const lengths: number[] = [];
    for (let round = 0; round < 4; round++) {
      const length = await lockOnce(biomedId);
      lengths.push(length);
      t.rt.clock.advance(minutes(length));
      // A wrong PIN between locks does not forget the earlier lock.
      if (round === 1) await t.api.call('session.signIn', { userId: biomedId, secret: '555550' });
    }
    expect(lengths).toEqual([360, 720, 1440, 1440]);
    const locks = auditSince(t.rt).filter((e) => e.action === 'user.locked_out');
    expect(locks.map((e) => e.payload.lockoutMinutes)).toEqual([360, 720, 1440, 1440]);

    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    await t.api.value('people.unlock', { id: biomedId });
    await t.api.value('session.signOut', {});
    expect(await lockOnce(biomedId)).toBe(360);
    t.rt.clock.advance(minutes(360));
    await t.api.value('session.signIn', { userId: biomedId, secret: biomedPin });
    await t.api.value('session.signOut', {});
    expect(await lockOnce(biomedId)).toBe(360);
  });
});

describe('formatting the end of a lock', () => {
  /** The wall clock of a zone, worded by Intl itself rather than by the app's clock module. */
  const wallClock = (at: Date, timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);

  /** The facility's clock set to a zone with a half-hour offset, by its administrator. */
  const inKolkata = async ({ adminId }: { adminId: number }) => {
    await t.api.value('session.signIn', { userId: adminId, secret: adminPin });
    await t.api.value('facility.setTimeZone', { timeZone: 'Asia/Kolkata' });
    await t.api.value('session.signOut', {});
  };

  it('gives the time today and the ISO date on another day, on the facility clock', async () => {
    await inKolkata(await t.twoUsers());
    const db = t.rt.services.db;
    const now = new Date('2026-11-28T03:00:00Z'); // 08:30 in Kolkata
    expect(formatUntil(db, new Date('2026-11-28T05:17:00Z'), now)).toBe('10:47');
    expect(formatUntil(db, new Date('2026-11-28T18:33:00Z'), now)).toBe('2026-11-29 00:03');
  });

  it("says when a sign-in lock ends in the facility zone, not the computer's", async () => {
    const { adminId, biomedId } = await t.twoUsers();
    await inKolkata({ adminId });
    for (let i = 1; i <= 4; i++)
      await t.api.error('session.signIn', { userId: biomedId, secret: '000001' });
    const locking = await t.api.error('session.signIn', { userId: biomedId, secret: '000001' });
    const until = new Date(t.rt.clock.now().getTime() + minutes(5));
    expect(locking.message).toContain(`locked until ${wallClock(until, 'Asia/Kolkata')}`);
  });
});
