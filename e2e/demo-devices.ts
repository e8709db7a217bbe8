import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { DeviceFields } from '../electron/services/devices/device-row';
import { loadDemoAndSignIn, openSection } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The demo facility's devices, read from the shipped file so the tests follow its edits. */
export function readDemoDevices(): DeviceFields[] {
  const file = path.join(repoRoot, 'resources/demo/devices.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DeviceFields[];
}

/** What devices.list's search looks at (case-insensitive substring, as SQLite LIKE for ASCII). */
export function matchesSearch(device: DeviceFields, text: string): boolean {
  const needle = text.toLowerCase();
  return [
    device.assetTag,
    device.vendor,
    device.model,
    device.hostname,
    device.ipAddress,
    device.department,
  ].some((value) => value?.toLowerCase().includes(needle));
}

/**
 * Biomed, on the demo facility, opens Devices → Add a device and fills the fields named by their
 * labels; the form is returned unsent.
 */
export async function fillNewDevice(page: Page, fields: Record<string, string>): Promise<Locator> {
  await loadDemoAndSignIn(page, 'biomed');
  await openSection(page, 'Devices');
  await page.getByRole('button', { name: 'Add a device' }).click();
  const form = page.getByRole('dialog', { name: 'Add a device' });
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  return form;
}
