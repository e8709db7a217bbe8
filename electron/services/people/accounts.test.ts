import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles } from '../../api/permissions';
import { repoRoot, signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { auditSince, lastAuditId, typedCalls } from './test/test-calls';

let rt: TestRuntime;
let api: ReturnType<typeof typedCalls>;
beforeEach(() => {
  rt = startTestRuntime();
  api = typedCalls(rt);
});
afterEach(() => rt.cleanup());

describe('accounts', () => {
  it('creates a user with several roles, who must choose their own secret, audited without it', async () => {
    const admin = await signInAs(rt, 'admin');
    const before = lastAuditId(rt);
    const created = await api.value('people.create', {
      displayName: '  Zoë Brändli ',
      staffId: ' NM-204 ',
      roles: ['technologist', 'biomed', 'technologist'],
      secret: 'Ørsted-Saal-1',
    });
    expect(created).toEqual({
      id: expect.any(Number) as number,
      displayName: 'Zoë Brändli',
      staffId: 'NM-204',
      roles: ['technologist', 'biomed'],
      demo: false,
      credentialKind: 'password',
      active: true,
      mustChangeCredential: true,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: rt.clock.now().toISOString(),
      updatedAt: rt.clock.now().toISOString(),
    });
    const events = auditSince(rt, before);
    expect(events).toMatchObject([
      {
        action: 'user.created',
        actorUserId: admin.id,
        actorRole: 'admin',
        entityId: String(created.id),
        payload: {
          roles: ['technologist', 'biomed'],
          staffId: 'NM-204',
          mustChangeCredential: true,
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('Ørsted-Saal-1');
  });

  it('refuses a staff ID another user has, whatever its case, naming that user', async () => {
    await signInAs(rt, 'admin');
    await api.value('people.create', {
      displayName: 'Anna',
      staffId: 'IT-9',
      roles: ['it_security'],
      secret: '739146',
    });
    const error = await api.error('people.create', {
      displayName: 'Bruno',
      staffId: 'it-9',
      roles: ['biomed'],
      secret: '739146',
    });
    expect(error).toMatchObject({ code: 'conflict', details: { field: 'staffId' } });
    expect(error.message).toContain('Anna');
  });

  it('updates name, staff ID, roles and active state, recording what changed', async () => {
    await signInAs(rt, 'admin');
    const user = await api.value('people.create', {
      displayName: 'Søren',
      staffId: 'S-1',
      roles: ['it_security'],
      secret: '739146',
    });
    rt.clock.advance(60_000);
    const before = lastAuditId(rt);
    const updated = await api.value('people.update', {
      id: user.id,
      displayName: 'Søren Ødegård',
      staffId: '',
      roles: ['it_security', 'incident_commander'],
      active: false,
    });
    expect(updated).toMatchObject({
      displayName: 'Søren Ødegård',
      staffId: null,
      roles: ['it_security', 'incident_commander'],
      active: false,
      updatedAt: rt.clock.now().toISOString(),
    });
    expect(auditSince(rt, before)).toMatchObject([
      {
        action: 'user.updated',
        payload: {
          changes: {
            displayName: { from: 'Søren', to: 'Søren Ødegård' },
            staffId: { from: 'S-1', to: null },
            active: { from: true, to: false },
            roles: { from: ['it_security'], to: ['it_security', 'incident_commander'] },
          },
        },
      },
    ]);
    // Never deleted: still listed for an administrator, gone from the sign-in picker.
    expect((await api.value('people.list', {})).map((u) => u.id)).toContain(user.id);
    expect((await api.value('session.listUsers', {})).map((u) => u.id)).not.toContain(user.id);
    // An update that changes nothing records nothing.
    const unchanged = lastAuditId(rt);
    await api.value('people.update', { id: user.id, displayName: 'Søren Ødegård' });
    expect(lastAuditId(rt)).toBe(unchanged);
  });

  it('keeps at least one active administrator', async () => {
    const admin = await signInAs(rt, 'admin');
    const error = await api.error('people.update', { id: admin.id, active: false });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('last active administrator');
    expect(await api.error('people.update', { id: 4242, active: false })).toMatchObject({
      code: 'not_found',
    });
  });

  it('lets nobody change their own roles, not even an administrator among several', async () => {
    const admin = await signInAs(rt, 'admin');
    const other = await api.value('people.create', {
      displayName: 'Second Admin',
      staffId: 'A-2',
      roles: ['admin'],
      secret: '739146',
    });
    const before = lastAuditId(rt);
    for (const roles of [['admin', 'clinical_lead'], ['clinical_lead'], ['biomed']] as const) {
      const error = await api.error('people.update', { id: admin.id, roles: [...roles] });
      expect(error).toMatchObject({ code: 'forbidden', details: { field: 'roles' } });
      expect(error.message).toContain('Nobody can change their own roles');
    }
    expect(lastAuditId(rt)).toBe(before);
    // Their name they may change; another administrator may change their roles.
    await api.value('people.update', { id: admin.id, displayName: 'First Admin' });
    const changed = await api.value('people.update', { id: other.id, roles: ['admin', 'biomed'] });
    expect([...changed.roles].sort()).toEqual(['admin', 'biomed']);
  });

  it('lets the command-line operator create only an administrator', async () => {
    const operator = typedCalls(rt, { kind: 'operator', osUser: 'root' });
    const input = { displayName: 'Clinical Lead', staffId: 'L-1', secret: '739146' };
    for (const roles of [['clinical_lead'], ['admin', 'clinical_lead'], ['biomed']] as const) {
      const error = await operator.error('people.create', { ...input, roles: [...roles] });
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain('creates only an administrator');
    }
    expect(rt.services.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0);
    const admin = await operator.value('people.create', { ...input, roles: ['admin'] });
    expect(admin).toMatchObject({ roles: ['admin'] });
  });

  it('never returns credential data: not to administrators, not to the sign-in picker', async () => {
    await signInAs(rt, 'admin');
    await api.value('people.create', {
      displayName: 'Chen Jing',
      roles: ['admin'],
      secret: '739146',
    });
    const everything = JSON.stringify([
      await api.value('people.list', {}),
      await api.value('session.listUsers', {}),
      await api.value('session.status', {}),
    ]);
    expect(everything).not.toMatch(/scrypt|credentialHash|739146/);
    const picker = await api.value('session.listUsers', {});
    expect(Object.keys(picker[0] ?? {}).sort()).toEqual(
      ['credentialKind', 'demo', 'displayName', 'id', 'roles', 'staffId'].sort(),
    );
  });
});

describe('the demo users', () => {
  const demoUsers = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'resources/demo/users.json'), 'utf8'),
  ) as { displayName: string; staffId: string; roles: string[]; pin: string }[];

  it('ships one demo user per role, each marked demo, some with non-Latin names', () => {
    expect(demoUsers.flatMap((u) => u.roles).sort()).toEqual([...roles].sort());
    for (const u of demoUsers) {
      expect(u.displayName).toMatch(/\(demo\)$/);
      expect(u.pin).toMatch(/^\d{6}$/);
    }
    expect(demoUsers.some((u) => /[^\p{ASCII}]/u.test(u.displayName))).toBe(true);
  });

  it('are created by demo load on first run, and each signs in with the documented PIN', async () => {
    const report = await api.value('demo.load', {});
    expect(report.devicesAdded).toBeGreaterThan(0);
    const picker = await api.value('session.listUsers', {});
    expect(picker).toHaveLength(demoUsers.length);
    expect(picker.every((u) => u.demo && u.credentialKind === 'pin')).toBe(true);
    expect(auditSince(rt).find((e) => e.action === 'demo.loaded')).toMatchObject({
      actorRole: 'anonymous',
      payload: {
        users: expect.arrayContaining([
          expect.objectContaining({ displayName: 'Łukasz Wróbel (demo)' }),
        ]),
      },
    });
    for (const u of demoUsers.slice(0, 2)) {
      const status = await api.value('session.signIn', { staffId: u.staffId, secret: u.pin });
      expect(status).toMatchObject({
        state: 'active',
        mustChangeCredential: false,
        user: { displayName: u.displayName },
      });
      await api.value('session.signOut', {});
    }
    // After the first run, only an administrator may load the demo.
    expect(await api.error('demo.load', {})).toMatchObject({ code: 'unauthenticated' });
  });
});
