import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../api/methods';
import { roles } from '../api/permissions';
import { describeApi } from './dispatcher';
import { signInAs, startTestRuntime, type TestRuntime } from './test/temp-runtime';

let rt: TestRuntime;
beforeEach(async () => {
  rt = startTestRuntime();
  // Every call here must reach input parsing: a user holding every role passes the permission
  // check of every method (the checks themselves are in people/permissions.test.ts).
  await signInAs(rt, roles);
});
afterEach(() => rt.cleanup());

const methods = Object.keys(api) as MethodName[];

describe('the dispatcher', () => {
  it('answers an unknown method with unknown_method', async () => {
    const result = await rt.dispatch('devices.drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: expect.stringContaining('devices.drop') },
    });
  });

  it('does not treat inherited object properties as methods', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const result = await rt.dispatch(name, {});
      expect(result.ok ? 'ok' : result.error.code, name).toBe('unknown_method');
    }
  });

  it.each(methods)(
    '%s rejects an unexpected field with invalid_input naming it',
    async (method) => {
      const result = await rt.dispatch(method, { unexpectedField: 1 });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      const issues = (result.error.details as { issues: { path: unknown[]; message: string }[] })
        .issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(result.error.message).toContain(method);
    },
  );

  it.each(methods)('%s rejects non-object inputs with invalid_input', async (method) => {
    for (const input of [null, undefined, 42, 'text', [], true]) {
      const result = await rt.dispatch(method, input);
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe('invalid_input');
    }
  });

  it('names the path of a field of the wrong type', async () => {
    const result = await rt.dispatch('devices.list', { limit: '10', search: 5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issues = (result.error.details as { issues: { path: unknown[]; at: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([['limit'], ['search']]));
    expect(result.error.message).toMatch(/Invalid input for devices\.list: (limit|search)/);
  });

  it('refuses oversized values', async () => {
    const result = await rt.dispatch('devices.list', { search: 'x'.repeat(10_000) });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    const page = await rt.dispatch('devices.list', { limit: 10_000_000 });
    expect(page.ok ? 'ok' : page.error.code).toBe('invalid_input');
  });

  it('reports an unexpected failure as internal, without a stack, and logs the stack', async () => {
    rt.services.db.exec('DROP TABLE devices');
    const result = await rt.dispatch('devices.list', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toContain('no such table');
    expect(JSON.stringify(result)).not.toMatch(/\bat .+\.ts:\d+/);
    const logged = rt.log.lines.find((l) => l.level === 'error');
    expect(logged?.message).toContain('Unexpected failure');
  });

  it('turns a not-found into not_found', async () => {
    const result = await rt.dispatch('devices.get', { id: 4242 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('describes every method with a JSON Schema of its input', () => {
    const described = describeApi();
    expect(described.map((d) => d.method).sort()).toEqual([...methods].sort());
    for (const d of described) {
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.input).toMatchObject({ type: 'object' });
    }
  });
});
