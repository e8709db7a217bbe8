import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankDevice } from '../test/sample-inputs';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';

let rt: TestRuntime;
beforeEach(async () => {
  rt = startTestRuntime();
  await signInAs(rt, 'biomed');
});
afterEach(() => rt.cleanup());

describe('adding and editing devices by hand', () => {
  it('creates a device, changes some fields, and audits both with the changes', async () => {
    const api = rt.client();
    const created = await api.value(
      'devices.create',
      blankDevice('NM-9001', {
        vendor: 'Siemens',
        model: 'Symbia T6',
        ipAddress: '10.20.30.99',
        osName: '',
      }),
    );
    expect(created).toMatchObject({ assetTag: 'NM-9001', model: 'Symbia T6', osName: null });
    rt.clock.advance(60_000);
    const updated = await api.value('devices.update', {
      id: created.id,
      changes: { osName: 'Windows 7', softwareVersion: 'VB10B', model: 'Symbia T6' },
    });
    expect(updated).toMatchObject({
      osName: 'Windows 7',
      softwareVersion: 'VB10B',
      vendor: 'Siemens',
    });
    expect(updated.updatedAt).not.toBe(created.updatedAt);
    const events = rt.services.db
      .prepare(`SELECT body FROM audit_events WHERE entity_type = 'device' ORDER BY id`)
      .pluck()
      .all() as string[];
    const payloads = events.map(
      (e) => JSON.parse(e) as { action: string; payload: Record<string, unknown> },
    );
    expect(payloads.map((p) => p.action)).toEqual(['device.created', 'device.updated']);
    expect(payloads[1]?.payload.changes).toEqual({
      osName: { from: null, to: 'Windows 7' },
      softwareVersion: { from: null, to: 'VB10B' },
    });
  });

  it('refuses a taken asset tag, a malformed IP or MAC, and a technologist', async () => {
    const api = rt.client();
    const a = await api.value('devices.create', blankDevice('A-1'));
    await api.value('devices.create', blankDevice('A-2'));
    const dup = await api.call('devices.create', blankDevice('A-2'));
    expect(dup.ok || dup.error.code).toBe('conflict');
    const rename = await api.call('devices.update', { id: a.id, changes: { assetTag: 'A-2' } });
    expect(rename.ok || rename.error.message).toMatch(/already in use/);
    const ip = await api.call('devices.update', {
      id: a.id,
      changes: { ipAddress: '10.20.300.51' },
    });
    expect(ip.ok || ip.error.message).toMatch(/ipAddress: Not a valid IPv4 or IPv6 address/);
    const mac = await api.call('devices.create', blankDevice('A-3', { macAddress: '00:1B:44' }));
    expect(mac.ok).toBe(false);
    const missing = await api.call('devices.update', { id: 999, changes: { notes: 'x' } });
    expect(missing.ok || missing.error.code).toBe('not_found');
    await signInAs(rt, 'technologist');
    const refused = await api.call('devices.create', blankDevice('A-4'));
    expect(refused.ok || refused.error.code).toBe('forbidden');
  });
});
