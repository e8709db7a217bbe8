import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir, signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { auditSince, lastAuditId, typedCalls } from './test-calls';

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

describe('demo accounts', () => {
  it('are deactivated when the first real administrator is created, in one audited change', async () => {
    expect((await api.value('app.info', {})).demoAccountsActive).toBe(true);
    await api.value('session.signIn', demoAdmin);
    // A real user without the administrator role leaves the demo running.
    await api.value('people.create', {
      displayName: 'Anna Technologist',
      staffId: 'T-100',
      roles: ['technologist'],
      secret: '583920',
    });
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
