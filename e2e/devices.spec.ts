import type { DeviceFields } from '../electron/services/devices/device-row';
import { matchesSearch, readDemoDevices } from './demo-devices';
import { createFirstAdmin, expect, loadDemoAndSignIn, openSection, test } from './fixtures';
import type { Locator } from '@playwright/test';

const demoDevices = readDemoDevices();
/** The asset tag's button (named for what it does, starting with the tag the user sees). */
const detailsOf = (scope: Locator, assetTag: string) =>
  scope.getByRole('button', { name: `Show all details of ${assetTag}`, exact: true });

const byAssetTag = [...demoDevices].sort((a, b) => a.assetTag.localeCompare(b.assetTag));

test('a real administrator starts with an empty inventory: import, no demo beside real accounts', async ({
  page,
  dataDir,
}) => {
  // With no users yet, the first administrator is created first; the empty inventory follows.
  await createFirstAdmin(page, 'Ada Admin', '40718253');
  // An administrator with nothing assigned starts in Settings.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await openSection(page, 'Devices');
  await expect(
    page.getByRole('heading', { name: 'No devices in the inventory yet' }),
  ).toBeVisible();
  await expect(page.getByText('Import your inventory to begin.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import an inventory file' })).toBeVisible();
  // The demo's PINs are public: once a real account exists it is not offered.
  await expect(page.getByRole('button', { name: /demo facility/i })).toHaveCount(0);

  const status = page.getByRole('contentinfo');
  await expect(status).toContainText('Offline by design');
  await expect(status).toContainText(dataDir);
  await expect(status).toContainText('0 devices');
  await page.screenshot({ path: 'test-results/screenshots/devices-first-run.png' });
});

test('the demo facility lists its devices, and search narrows it', async ({ page }) => {
  await loadDemoAndSignIn(page, 'admin');
  await openSection(page, 'Devices');
  const status = page.getByRole('contentinfo');

  const count = page.getByTestId('device-count');
  await expect(count).toHaveText(`${demoDevices.length} devices`);
  const table = page.getByRole('table', { name: 'Device inventory' });
  // Every device is counted in the table's row count (header row + one per device).
  await expect(table).toHaveAttribute('aria-rowcount', String(demoDevices.length + 1));
  const first = byAssetTag[0];
  if (!first) throw new Error('resources/demo/devices.json has no devices');
  await expect(detailsOf(table, first.assetTag)).toBeVisible();
  await expect(status).toContainText(`${demoDevices.length} devices`);
  await expect(page.getByRole('banner')).toContainText('Kantonsspital');

  await page.screenshot({ path: 'test-results/screenshots/devices.png' });

  // Search narrows the list to what matches, and says so.
  const term = 'Symbia';
  const matching = demoDevices.filter((d) => matchesSearch(d, term));
  expect(matching.length).toBeGreaterThan(0);
  expect(matching.length).toBeLessThan(demoDevices.length);
  await page.getByRole('searchbox', { name: 'Search devices' }).fill(term);
  await expect(count).toHaveText(
    `${matching.length} of ${demoDevices.length} devices match “${term}”`,
  );
  await expect(table).toHaveAttribute('aria-rowcount', String(matching.length + 1));
  const firstMatch = [...matching].sort((a, b) => a.assetTag.localeCompare(b.assetTag))[0];
  await expect(detailsOf(table, firstMatch?.assetTag ?? '')).toBeVisible();
  await expect(detailsOf(table, first.assetTag)).toHaveCount(matchesSearch(first, term) ? 1 : 0);
  await page.screenshot({ path: 'test-results/screenshots/devices-search.png' });

  // A search that finds nothing explains itself instead of showing an empty table.
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('no-such-device-xyz');
  await expect(
    page.getByRole('heading', { name: 'No device matches “no-such-device-xyz”' }),
  ).toBeVisible();

  // All details of one device, in an accessible dialog.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(count).toHaveText(`${demoDevices.length} devices`);
  await detailsOf(table, first.assetTag).click();
  const dialog = page.getByRole('dialog', { name: `Device ${first.assetTag}` });
  await expect(dialog).toBeVisible();
  if (first.serialNumber) await expect(dialog).toContainText(first.serialNumber);
  await page.screenshot({ path: 'test-results/screenshots/device-details.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('every section is reachable from the navigation, which marks the current one', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'admin');
  await openSection(page, 'Devices');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Devices', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const sections: [string, string][] = [
    // The demo facility ships two advisories: the list shows them (see advisories.spec.ts).
    ['Advisories', 'ICSMA-17-215-02'],
    ['Incidents', 'No incidents open'],
    ['Board', 'No incident to show'],
  ];
  for (const [name, empty] of sections) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(
      name === 'Advisories'
        ? page.getByRole('button', { name: `Open advisory ${empty}` })
        : page.getByRole('heading', { name: empty }),
    ).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/${name.toLowerCase()}.png` });
  }

  // Keyboard only: Tab to Settings (the link after Exchange), Enter, then run both integrity checks.
  await nav.getByRole('link', { name: 'Exchange', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await page.getByRole('tab', { name: 'Data and integrity' }).click();
  await page.getByRole('button', { name: 'Check the database' }).click();
  await expect(page.getByText('The database is intact')).toBeVisible();
  await page.getByRole('button', { name: 'Verify the audit trail' }).click();
  await expect(page.getByText('The audit trail is intact')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/settings.png' });
});

test('100,000 devices: only visible rows are rendered and pages are fetched on scroll', async ({
  page,
  dataDir,
}) => {
  const total = 100_000;
  const tag = (i: number) => `SCALE-${String(i).padStart(6, '0')}`;
  // Imported here, not at the top: see the JSON hooks in fixtures.ts.
  const { startServices } = await import('../electron/services/runtime');
  const { insertDevice } = await import('../electron/services/devices/devices');
  // A second connection on the same database (WAL), as another process would write it.
  const seeding = startServices({ dataDir });
  try {
    const now = new Date().toISOString();
    seeding.services.db.transaction(() => {
      for (let i = 1; i <= total; i += 1) {
        const device: DeviceFields = {
          ...(demoDevices[i % demoDevices.length] as DeviceFields),
          assetTag: tag(i),
        };
        insertDevice(seeding.services.db, device, now);
      }
    })();
  } finally {
    seeding.close();
  }

  const listCalls: number[] = [];
  page.on('request', (request) => {
    const body = request.postData();
    if (request.url().endsWith('/api/call') && body?.includes('"devices.list"')) {
      listCalls.push(Date.now());
    }
  });
  await page.reload();
  await createFirstAdmin(page, 'Ada Admin', '40718253');
  await openSection(page, 'Devices');

  await expect(page.getByTestId('device-count')).toHaveText('100,000 devices');
  const table = page.getByRole('table', { name: 'Device inventory' });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(detailsOf(table, tag(1))).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // Jump to the end: the last page is fetched, not the 99,900 rows in between.
  await page.getByRole('region', { name: 'Device inventory' }).evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(detailsOf(table, tag(total))).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  expect(listCalls.length).toBeLessThanOrEqual(4);
  await page.screenshot({ path: 'test-results/screenshots/devices-100k-end.png' });
});
