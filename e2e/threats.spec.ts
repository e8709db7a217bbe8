import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { runDemoWalkthrough } from './board-steps';
import { fillNewDevice } from './demo-devices';
import { demoUser, expect, loadDemoAndSignIn, openSection, signIn, test } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repoRoot, '../shared/fixtures');
const kevFile = path.join(fixtures, 'kev/known_exploited_vulnerabilities.json');
const germanSteps = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'electron/api/i18n/steps.de.json'), 'utf8'),
) as { steps: Record<string, string> };
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const aGermanStep = new RegExp(
  `^(${Object.values(germanSteps.steps).map(escapeRegExp).join('|')})$`,
);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

/** A small EPSS file in FIRST's format, with the four CVEs of ICSMA-17-215-02. */
function epssFile(): string {
  const file = test.info().outputPath('epss_scores-2025-08-25.csv');
  fs.writeFileSync(
    file,
    [
      '#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z',
      'cve,epss,percentile',
      'CVE-2015-1635,0.94358,0.99953',
      'CVE-2017-0143,0.94301,0.99931',
      'CVE-2013-3910,0.37000,0.97000',
      'CVE-2012-1823,0.94400,0.99961',
      '',
    ].join('\n'),
  );
  return file;
}

test('KEV and EPSS are imported on their page; the board sorted by priority puts the known exploited cases first, with reasons', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await loadDemoAndSignIn(page, 'biomed');
  await openSection(page, 'Known exploited');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Known exploited vulnerabilities and EPSS' }),
  ).toBeVisible();
  await expect(page.getByText('No KEV catalog imported yet')).toBeVisible();
  await page.locator('input[type=file]').nth(0).setInputFiles(kevFile);
  await expect(
    page.getByText(/KEV catalog 2025\.08\.25 imported, 1404 vulnerabilities/),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.locator('input[type=file]').nth(1).setInputFiles(epssFile());
  await expect(page.getByText(/EPSS scores of 2025-08-25 imported, 4 CVEs/)).toBeVisible();
  await expect(page.locator('.fact-list').first()).toContainText('2025.08.25');
  await shot(page, 'threats-page');

  // The advisory page says which CVEs are known exploited, and by which catalog.
  await openSection(page, 'Advisories');
  await page.getByRole('button', { name: 'Open advisory ICSMA-17-215-02' }).first().click();
  const detail = page.getByRole('article');
  await expect(detail).toContainText(/CVE-2015-1635: known exploited since \d{4}-\d{2}-\d{2}/);
  await expect(detail).toContainText('KEV catalog 2025.08.25');
  await shot(page, 'advisory-kev-status');

  // The commander runs the demo walkthrough and sorts the board by priority.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const commander = demoUser('incident_commander');
  await signIn(page, commander.displayName, commander.pin);
  await runDemoWalkthrough(page);
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await expect(page.getByTestId('board-matching')).toBeVisible();
  await page.locator('.board-sort .filter-select').getByRole('button').click();
  await page.getByRole('option', { name: 'Priority' }).click();
  // The order says what comes first in terms of priority, not "Z → A".
  await expect(page.locator('.board-sort-direction')).toHaveText('Highest first');
  const first = page.locator('tr[data-case-id]').first();
  await expect(first).toContainText('ICSMA-17-215-02');
  await expect(first).toContainText(/Priority \d+\.\d: known exploited since/);
  await shot(page, 'board-by-priority');

  // The case page gives the priority with its reasons in words.
  await first.getByRole('link').first().click();
  const priority = page.getByRole('region', { name: 'Priority' });
  await expect(priority).toContainText(/Priority \d+\.\d/);
  await expect(priority).toContainText('known exploited since');
  await expect(priority).toContainText('EPSS 0.94');
  await shot(page, 'case-priority');

  // A German station reads the same reasons in German, numbers included, at 1024x768.
  const casePage = page.url();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Time and language' }).click();
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.goto(casePage);
  const germanPriority = page.getByRole('region', { name: 'Priorität' });
  await expect(germanPriority).toContainText(/Priorität \d+,\d/);
  await expect(germanPriority).toContainText('bekannt ausgenutzt seit');
  await expect(germanPriority).toContainText('EPSS 0,94');
  // The step's button is worded in German too.
  await expect(
    page.getByTestId('next-step').getByRole('button', { name: aGermanStep }).first(),
  ).toBeVisible();
  await shot(page, 'de-case-priority-1024');
  await page.getByRole('navigation').getByRole('link', { name: 'Lagebild', exact: true }).click();
  await page.locator('.board-sort .filter-select').getByRole('button').click();
  await page.getByRole('option', { name: 'Priorität' }).click();
  await expect(page.locator('.board-sort-direction')).toHaveText('Höchste zuerst');
  await expect(page.locator('tr[data-case-id]').first()).toContainText(
    /Priorität \d+,\d: bekannt ausgenutzt seit/,
  );
  await shot(page, 'de-board-by-priority-1024');
});

test('a device page explains why an advisory of its vendor does not match it', async ({ page }) => {
  const form = await fillNewDevice(page, {
    'Asset tag': 'NM-0107',
    Vendor: 'Siemens',
    Model: 'Symbia T6',
    'Operating system': 'Windows 10',
  });
  await form.getByRole('button', { name: 'Add device' }).click();
  const details = page.getByRole('dialog', { name: 'Device NM-0107' });
  const why = details.getByTestId('non-match').filter({ hasText: 'ICSMA-17-215-02' });
  await expect(why).toContainText('Symbia T6');
  await expect(why).toContainText('the device runs Windows 10');
  await why.scrollIntoViewIfNeeded();
  await shot(page, 'device-non-match');
});
