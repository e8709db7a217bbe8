import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../api/methods';
import {
  mayCall,
  permissions,
  roleLabels,
  roles,
  rolesFor,
  signoffKinds,
  type Role,
} from '../../api/permissions';
import type { Result } from '../../api/result';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { auditSince, lastAuditId } from './test/test-calls';

const methods = Object.keys(api) as MethodName[];
/**
 * Strict inputs refuse this field: a call that gets invalid_input passed the permission check
 * without running. It is no method's input, so the calls that send it stay raw (`rt.dispatch`).
 */
const passesCheckOnly = { unexpectedField: 1 };
const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

let rt: TestRuntime;
beforeAll(() => {
  rt = startTestRuntime();
});
afterAll(() => rt.cleanup());

describe('the permission table', () => {
  it('has an entry for every API method and no other', () => {
    expect(Object.keys(permissions).sort()).toEqual([...methods].sort());
  });

  it('gives every sign-off kind at least one role and a plain statement in English and German', () => {
    for (const [kind, spec] of Object.entries(signoffKinds)) {
      expect(spec.roles.length, kind).toBeGreaterThan(0);
      expect(spec.statements.en, kind).toMatch(/^I [a-z].{40,}\.$/);
      expect(spec.statements.de, kind).toMatch(/^Ich [a-zäöü].{40,}\.$/);
    }
    expect(signoffKinds.patient_safety_clear.statements.en).toBe(
      'I confirm that patient safety and treatment are not at risk from taking this device off the network.',
    );
    // A sign-off needs a person re-entering their PIN: never the command line.
    expect(permissions['signoffs.sign'].operator).toBe(false);
  });

  it('refuses every method to every role without permission, with forbidden naming the roles that may', async () => {
    let refusals = 0;
    for (const role of roles) {
      await signInAs(rt, role);
      for (const method of methods) {
        const needed = rolesFor(permissions[method]);
        if (needed === null || needed.includes(role)) continue;
        expect(mayCall(method, [role]), `${method} as ${role}`).toBe(false);
        const result = await rt.dispatch(method, passesCheckOnly);
        expect(codeOf(result), `${method} as ${role}`).toBe('forbidden');
        if (result.ok) continue;
        for (const r of needed)
          expect(result.error.message, `${method} as ${role}`).toContain(roleLabels[r]);
        // People read the refusal: the method's name is in its details, not its words.
        expect(result.error.message).not.toContain(method);
        expect(result.error.details).toMatchObject({
          method,
          neededRoles: needed,
          heldRoles: [role],
        });
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(20);
  });

  it('lets every role with permission through the check (the call then only fails its input)', async () => {
    for (const role of roles) {
      await signInAs(rt, role);
      for (const method of methods) {
        if (!mayCall(method, [role])) continue;
        const result = await rt.dispatch(method, passesCheckOnly);
        expect(codeOf(result), `${method} as ${role}`).toBe('invalid_input');
      }
    }
  });

  it('answers unauthenticated when no one is signed in, or the station is locked', async () => {
    for (const state of ['signed out', 'locked'] as const) {
      await signInAs(rt, 'admin');
      if (state === 'locked') await rt.client().value('session.lock', {});
      else await rt.client().value('session.signOut', {});
      for (const method of methods) {
        const result = await rt.dispatch(method, passesCheckOnly);
        const expected = permissions[method].who === 'anyone' ? 'invalid_input' : 'unauthenticated';
        expect(codeOf(result), `${method} ${state}`).toBe(expected);
        if (!result.ok && expected === 'unauthenticated') {
          expect(result.error.details).toMatchObject({
            reason: state === 'locked' ? 'locked' : 'signed_out',
          });
        }
      }
    }
  });

  it('lets anyone call the first-run methods while no user exists, and only those', async () => {
    const fresh = startTestRuntime();
    try {
      for (const method of methods) {
        const who = permissions[method].who;
        const open = who === 'anyone' || who === 'first_run_or_roles';
        const result = await fresh.dispatch(method, passesCheckOnly);
        expect(codeOf(result), method).toBe(open ? 'invalid_input' : 'unauthenticated');
      }
    } finally {
      fresh.cleanup();
    }
  });

  it('lets the command-line operator call only the methods marked for it', async () => {
    const operator = { kind: 'operator', osUser: 'hkeller' } as const;
    for (const method of methods) {
      const result = await rt.dispatchAs(operator, method, passesCheckOnly);
      const access = permissions[method];
      expect(codeOf(result), method).toBe(access.operator ? 'invalid_input' : 'forbidden');
      if (!result.ok && !access.operator) expect(result.error.message).toContain('command line');
    }
  });

  it('audits a refused change but not a refused read', async () => {
    await signInAs(rt, 'technologist');
    const before = lastAuditId(rt);
    await rt.client().call('people.list', {});
    expect(auditSince(rt, before)).toEqual([]);
    await rt.dispatch('people.create', passesCheckOnly);
    expect(auditSince(rt, before)).toMatchObject([
      {
        action: 'access.refused',
        actorRole: 'technologist',
        entityType: 'method',
        entityId: 'people.create',
        payload: { neededRoles: ['admin'] },
      },
    ]);
  });

  it('checks all of the user’s roles and records the role that authorised the call', async () => {
    const both: Role[] = ['technologist', 'admin'];
    const user = await signInAs(rt, both);
    expect(user.role).toBe('technologist');
    const before = lastAuditId(rt);
    const result = await rt.client().call('settings.setSecurity', { idleMinutes: 7 });
    expect(codeOf(result)).toBe('ok');
    expect(auditSince(rt, before)).toMatchObject([
      { action: 'settings.changed', actorUserId: user.id, actorRole: 'admin' },
    ]);
    await rt.client().value('settings.setSecurity', { idleMinutes: 5 });
  });
});
