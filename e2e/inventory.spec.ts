import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fillNewDevice } from './demo-devices';
import { expect, loadDemoAndSignIn, openSection, test } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const messyCsv = path.join(repoRoot, '../shared/fixtures/inventory/messy-cmms-export.csv');

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

/** The file input behind the "Choose…" button (react-aria's FileTrigger). */
const fileInput = (page: Page) => page.locator('input[type=file]');

test('a messy CSV is refused as a whole with one message per bad row, then imported with skip-invalid', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'biomed');
  await openSection(page, 'Devices');
  await expect(page.getByTestId('device-count')).toHaveText('34 devices');
  await page.getByRole('button', { name: 'Import an inventory file' }).click();
  await expect(page.getByRole('heading', { name: 'Import an inventory file' })).toBeVisible();
  await shot(page, 'inventory-import-choose');
  await fileInput(page).setInputFiles(messyCsv);

  // The preview: what was read, before anything is written.
  const summary = page.getByTestId('preview-summary');
  await expect(summary).toContainText('messy-cmms-export.csv');
  await expect(summary).toContainText('semicolons (;)');
  await expect(summary).toContainText('add 8, update 0, leave 0 unchanged');
  const mapping = page.getByRole('table', { name: /Columns of the file/ });
  await expect(mapping.getByRole('row', { name: /Asset #/ })).toContainText('Asset tag');
  await expect(mapping.getByRole('row', { name: /Mfr/ })).toContainText('SIEMENS');

  // The user changes one column's field; the preview is computed again with it.
  await page.getByRole('button', { name: /Device field for the column Location/ }).click();
  await page.getByRole('option', { name: 'Building', exact: true }).click();
  await expect(
    page.getByRole('button', { name: /Device field for the column Location/ }),
  ).toContainText('Building');
  await expect(page.getByRole('heading', { name: '4 problems found' })).toBeVisible();
  await shot(page, 'inventory-import-preview');

  // All or nothing (the default): refused, every problem by row, column and message.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
  const problems = page.getByRole('region', { name: 'Problems in the file' }).getByRole('row');
  await expect(problems).toHaveCount(5);
  await expect(problems.nth(1)).toContainText('6');
  await expect(problems.nth(1)).toContainText('The asset tag is missing');
  await expect(problems.nth(2)).toContainText('Asset tag NM-0101 is already used in row 2');
  await expect(problems.nth(3)).toContainText('IP');
  await expect(problems.nth(3)).toContainText('"10.20.300.51" is not a valid IP address');
  await expect(problems.nth(4)).toContainText('Whole row');
  await expect(problems.nth(4)).toContainText('This row has 12 fields but the header has 11');
  await shot(page, 'inventory-import-refused');

  // Then the correct rows only; the skipped ones are reported.
  await page.getByRole('button', { name: 'Import only the correct rows' }).click();
  await expect(page.getByRole('heading', { name: 'Inventory imported' })).toBeVisible();
  await expect(page.getByText('8 devices added, 0 updated, 0 unchanged.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rows left out' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByText(/Advisories were compared with the updated inventory/)).toBeVisible();
  await shot(page, 'inventory-import-report');
  await page.getByRole('button', { name: 'Back to the devices' }).click();
  await expect(page.getByTestId('device-count')).toHaveText('42 devices');

  // The imported room went to the building, as mapped.
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('NM-0103');
  await page.getByRole('button', { name: 'Show all details of NM-0103', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Device NM-0103' });
  await expect(dialog).toContainText('Bldg N / Rm N-018');
  await page.keyboard.press('Escape');
});

test('the inventory exports as CSV and JSON downloads, formulas neutralised', async ({ page }) => {
  await loadDemoAndSignIn(page, 'biomed');
  await openSection(page, 'Devices');
  await expect(page.getByTestId('device-count')).toHaveText('34 devices');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText.split(/\r?\n/).filter((l) => l.trim()).length).toBe(35);
  expect(csvText).toContain('NM-0001');
  await expect(
    page.getByRole('status').filter({ hasText: /Saved .*\.csv \(34 devices\)/ }),
  ).toBeVisible();

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const parsed = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as unknown;
  expect(JSON.stringify(parsed)).toContain('NM-0001');
  await shot(page, 'inventory-export');
});

test('a device is added and edited by hand, and a bad IP address is refused with its message', async ({
  page,
}) => {
  const form = await fillNewDevice(page, {
    'Asset tag': 'NM-9001',
    Vendor: 'Siemens',
    Model: 'Symbia T6',
    'IP address': '10.20.300.1',
  });
  await form.locator('.radio-choice', { hasText: 'Critical' }).click();
  await shot(page, 'device-add');
  await form.getByRole('button', { name: 'Add device' }).click();
  await expect(form.getByRole('alert')).toContainText('Not a valid IPv4 or IPv6 address');
  await form.getByLabel('IP address', { exact: true }).fill('10.20.30.201');
  await form.getByRole('button', { name: 'Add device' }).click();

  const details = page.getByRole('dialog', { name: 'Device NM-9001' });
  await expect(details).toContainText('Symbia T6');
  await expect(details).toContainText('10.20.30.201');
  await details.getByRole('button', { name: 'Edit device' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit device NM-9001' });
  await edit.getByLabel('Operating system', { exact: true }).fill('Windows 7');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('dialog', { name: 'Device NM-9001' })).toContainText('Windows 7');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('device-count')).toHaveText('35 devices');
});
