import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir, signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { auditSince, lastAuditId, typedCalls } from './test/test-calls';

/**
 * The demo accounts' PINs are public: they stop working, audited, once the station holds a real
 * administrator or a real inventory, and until then every screen says they are active.
 */

let rt: TestRuntime;
let api: ReturnType<typeof typedCalls>;
beforeEach(async () => {
  rt = startTestRuntime();
  api = typedCalls(rt);
  await api.value('demo.load', {});
});
afterEach(() => rt.cleanup());

const demoAdmin = { staffId: 'DEMO-ADMIN', secret: '271828' };

const activeDemoAccounts = () =>
  rt.services.db
    .prepare('SELECT count(*) FROM users WHERE demo = 1 AND active = 1')
    .pluck()
    .get() as number;

const demoHospital = () => ({
  fileName: 'demo-hospital.csv',
  content: fs.readFileSync(path.join(fixturesDir, 'inventory/demo-hospital.csv'), 'utf8'),
  skipInvalid: true,
});

/** A real person's account that is not an administrator's: it leaves the demo running. */
const realTechnologist = {
  displayName: 'Anna Technologist',
  staffId: 'T-100',
  roles: ['technologist' as const],
  secret: '583920',
};

describe('demo accounts', () => {
  it('are deactivated when the first real administrator is created, in one audited change', async () => {
    expect((await api.value('app.info', {})).demoAccountsActive).toBe(true);
    await api.value('session.signIn', demoAdmin);
    // A real user without the administrator role leaves the demo running.
    await api.value('people.create', realTechnologist);
    expect(activeDemoAccounts()).toBe(6);

    const before = lastAuditId(rt);
    const admin = await api.value('people.create', {
      displayName: 'Ada Real',
      staffId: 'A-1',
      roles: ['admin'],
      secret: '583921',
    });
    expect(activeDemoAccounts()).toBe(0);
    const events = auditSince(rt, before);
    expect(events.map((e) => e.action)).toEqual(['user.created', 'demo.accounts_deactivated']);
    expect(events[1]?.payload).toMatchObject({ cause: 'real_administrator_created' });
    expect(events[1]?.payload.userIds).toHaveLength(6);
    expect(admin.active).toBe(true);
    expect((await api.value('app.info', {})).demoAccountsActive).toBe(false);
    // The demo administrator's PIN no longer signs in.
    expect((await api.call('session.signIn', demoAdmin)).ok).toBe(false);
  });

  it('are deactivated when a real person imports an inventory, not when a demo user tries it', async () => {
    await api.value('session.signIn', { staffId: 'DEMO-BIOMED', secret: '864209' });
    const tried = await api.value('inventory.import', demoHospital());
    expect(tried.written).toBe(true);
    expect(activeDemoAccounts()).toBe(6);

    await signInAs(rt, ['admin', 'biomed']);
    const before = lastAuditId(rt);
    await api.value('inventory.import', demoHospital());
    expect(activeDemoAccounts()).toBe(0);
    const retired = auditSince(rt, before).filter((e) => e.action === 'demo.accounts_deactivated');
    expect(retired.map((e) => e.payload.cause)).toEqual(['real_inventory_imported']);
    expect((await api.value('app.info', {})).demoAccountsActive).toBe(false);
  });
});

describe('loading the demo facility', () => {
  const stored = (db = rt.services.db) => ({
    users: db.prepare('SELECT id, display_name, demo FROM users ORDER BY id').all(),
    devices: db.prepare('SELECT count(*) FROM devices').pluck().get(),
    settings: db.prepare('SELECT key FROM settings ORDER BY key').pluck().all(),
    events: lastAuditId(rt),
  });

  it('is refused once a real person has an account, naming them, and changes nothing', async () => {
    rt.cleanup();
    rt = startTestRuntime();
    api = typedCalls(rt);
    await api.value('people.createFirstAdmin', { displayName: 'Ada Real', secret: '583921' });

    const before = stored();
    const error = await api.error('demo.load', {});
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'The demo facility cannot be loaded: this database already has accounts of real people (Ada Real), ' +
        'and the demo accounts’ PINs are public. To train, start the app with a new, empty data folder.',
    );
    expect(error.details).toMatchObject({ reason: 'real_users', realUsers: 1 });
    expect(stored()).toEqual(before);
  });

  it('is refused beside a real account made after the demo, before any other reason', async () => {
    await api.value('session.signIn', demoAdmin);
    await api.value('people.create', realTechnologist);
    expect(activeDemoAccounts()).toBe(6);
    const error = await api.error('demo.load', {});
    expect(error.message).toContain('accounts of real people (Anna Technologist)');
  });
});
