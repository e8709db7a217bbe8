import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';

let rt: TestRuntime;
beforeEach(async () => {
  rt = startTestRuntime();
  await signInAs(rt, 'technologist');
});
afterEach(() => rt.cleanup());

function addDevice(assetTag: string, vendor: string | null, osName: string | null): void {
  rt.services.db
    .prepare(
      `INSERT INTO devices (asset_tag, vendor, os_name, created_at, updated_at)
       VALUES (?, ?, ?, 'now', 'now')`,
    )
    .run(assetTag, vendor, osName);
}

describe('devices.facets', () => {
  it('lists each recorded value once with its count, most common first, blanks left out', async () => {
    addDevice('A-1', 'Siemens', 'Windows 7');
    addDevice('A-2', 'Siemens', 'Windows XP');
    addDevice('A-3', 'GE', 'Windows 7');
    addDevice('A-4', null, '');
    const facets = await rt.client().value('devices.facets', {});
    expect(facets.vendor).toEqual([
      { value: 'Siemens', count: 2 },
      { value: 'GE', count: 1 },
    ]);
    expect(facets.osName).toEqual([
      { value: 'Windows 7', count: 2 },
      { value: 'Windows XP', count: 1 },
    ]);
    expect(facets.family).toEqual([]);
  });

  it('refuses unknown input', async () => {
    // Raw on purpose: the input is not one the API map allows.
    const result = await rt.dispatch('devices.facets', { vendor: 'x' });
    expect(result.ok || result.error.code).toBe('invalid_input');
  });
});
