import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, loadDemoAndSignIn, test } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csafFile = path.join(repoRoot, '../shared/fixtures/csaf/icsma-20-254-01.json');

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

async function openAdvisories(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Advisories', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Advisories' })).toBeVisible();
}

test('a CSAF file is imported and its detail shows products, CVEs and remediations', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'biomed');
  await openAdvisories(page);
  const table = page.getByRole('table', { name: 'Advisories' });
  // The demo facility ships ICSMA-17-215-01 and -02, already matched against its devices.
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /ICSMA-17-215-02/ })).toContainText('9.8');
  await shot(page, 'advisories-list');

  await page.getByRole('button', { name: 'Import an advisory' }).click();
  await page.locator('input[type=file]').setInputFiles(csafFile);
  await expect(
    page.getByText(/Imported ICSMA-20-254-01 revision 4 from icsma-20-254-01\.json/),
  ).toBeVisible();
  await expect(page.getByText(/Compared with the inventory/)).toBeVisible();
  await shot(page, 'advisories-imported');
  await page.getByRole('button', { name: 'Open ICSMA-20-254-01' }).click();

  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('ICSMA-20-254-01');
  await expect(detail).toContainText(/CVE-\d{4}-\d+/);
  await detail.getByRole('tab', { name: /Vulnerabilities/ }).click();
  await expect(detail.getByRole('tabpanel')).toContainText(/CVE-\d{4}-\d+/);
  await expect(detail.getByRole('tabpanel')).toContainText(/CVSS:3/);
  await shot(page, 'advisory-vulnerabilities');
  await detail.getByRole('tab', { name: /Products/ }).click();
  await expect(detail.getByRole('tabpanel')).toContainText('IntelliVue');
  await shot(page, 'advisory-products');
  await detail.getByRole('tab', { name: /What to do/ }).click();
  await expect(detail.getByRole('tabpanel').getByRole('listitem').first()).toBeVisible();
  await shot(page, 'advisory-remediations');
  await detail.getByRole('tab', { name: /Revisions/ }).click();
  await expect(detail.getByRole('tabpanel')).toContainText('icsma-20-254-01.json');

  await page.getByRole('button', { name: 'Back to all advisories' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
});

test('matches are confirmed and dismissed with a reason, and the device table filters by advisory', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'biomed');
  await openAdvisories(page);
  await page.getByRole('button', { name: 'Open advisory ICSMA-17-215-02' }).click();
  const detail = page.getByRole('article');
  await expect(detail).toContainText('CVE-2015-1635');
  const matches = detail.getByTestId('match');
  await expect(matches).toHaveCount(7);
  await expect(matches.first()).toContainText('NM-0001');
  await expect(matches.first()).toContainText('Suggested');
  await shot(page, 'advisory-matches');

  // Confirm one, with a reason.
  await detail.getByRole('button', { name: 'Confirm the match of NM-0001' }).click();
  const confirm = page.getByRole('dialog', { name: /Confirm that NM-0001 is affected/ });
  await confirm.getByLabel(/Why/).fill('Windows 7 seen on the console today.');
  await confirm.getByRole('button', { name: 'Confirm match' }).click();
  await expect(confirm).toBeHidden();
  await expect(matches.filter({ hasText: 'NM-0001' })).toContainText('Confirmed');
  await expect(matches.filter({ hasText: 'NM-0001' })).toContainText(
    'Windows 7 seen on the console',
  );

  // Dismissing needs a reason: the form does not go without one.
  await detail.getByRole('button', { name: 'Dismiss the match of NM-0002' }).click();
  const dismiss = page.getByRole('dialog', { name: /Dismiss ICSMA-17-215-02 for NM-0002/ });
  await dismiss.getByRole('button', { name: 'Dismiss match' }).click();
  await expect(dismiss).toBeVisible();
  await dismiss
    .getByLabel(/Why this device is not affected/)
    .fill('Upgraded to Windows 10 in 2019.');
  await shot(page, 'advisory-dismiss');
  await dismiss.getByRole('button', { name: 'Dismiss match' }).click();
  await expect(dismiss).toBeHidden();
  await expect(matches.filter({ hasText: 'NM-0002' })).toContainText('Dismissed');
  await shot(page, 'advisory-decided');

  // The Devices page filters by matched advisory (dismissed matches no longer count).
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Devices', exact: true })
    .click();
  await page.getByRole('button', { name: /Named by advisory/ }).click();
  await page.getByRole('option', { name: /ICSMA-17-215-02/ }).click();
  await expect(page.getByTestId('device-count')).toHaveText('6 of 34 devices match the filters');
  const deviceTable = page.getByRole('table', { name: 'Device inventory' });
  await expect(deviceTable).toHaveAttribute('aria-rowcount', '7');
  await expect(
    deviceTable.getByRole('button', { name: 'Show all details of NM-0002' }),
  ).toHaveCount(0);
  await shot(page, 'devices-filter-advisory');

  // The device page lists its advisories and their decisions.
  await deviceTable
    .getByRole('button', { name: 'Show all details of NM-0001', exact: true })
    .click();
  const device = page.getByRole('dialog', { name: 'Device NM-0001' });
  await expect(device.getByTestId('match')).toContainText('ICSMA-17-215-02');
  await expect(device.getByTestId('match')).toContainText('Confirmed');
  await shot(page, 'device-matches');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('device-count')).toHaveText('34 devices');
});
