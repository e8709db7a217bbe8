import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import { runDemoWalkthrough } from './board-steps';
import { callApi } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, test } from './fixtures';

/** The app scrolls its main area, not the page: bring what the shot is about into view first. */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

const passphrase = 'correct horse battery staple';

async function handOver(page: Page, role: 'incident_commander'): Promise<void> {
  const user = demoUser(role);
  await page.getByRole('button', { name: 'Hand over' }).click();
  await page.locator('.user-card', { hasText: user.displayName }).click();
  await page.getByLabel('PIN or password').fill(user.pin);
  await page.getByRole('button', { name: 'Take over the station' }).click();
  await expect(sessionUser(page)).toContainText(user.displayName);
}

test('the commander reads the HICS reports and exports them as CSV and signed PDF', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(360_000);
  // The administrator sets up the organisation's signing identity; the key is then locked, so
  // the commander's first signed export asks for the passphrase.
  await loadDemoAndSignIn(page, 'admin');
  await callApi(request, harness, 'signing.generate', {
    organisation: 'Demo hospital',
    passphrase,
  });
  await callApi(request, harness, 'signing.lock', {});
  await handOver(page, 'incident_commander');

  await runDemoWalkthrough(page);
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: 'Reports' }).click();

  // HICS 251: one line per device, worst first, with the form's header.
  const hics251 = page.getByTestId('report-hics251');
  await expect(hics251.getByRole('heading', { name: 'Facility System Status' })).toBeVisible();
  await expect(hics251.getByText('HICS 251 — Facility System Status')).toBeVisible();
  await expect(hics251.getByTestId('report-prepared-by')).toContainText(
    demoUser('incident_commander').displayName,
  );
  const rows = hics251.getByTestId('hics251-table').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  await expect(rows.first()).toHaveAttribute('data-asset-tag', 'NM-0006');
  await expect(rows.first()).toContainText('Partially functional');
  await shot(page, 'report-hics251', hics251.getByText('HICS 251 — Facility System Status'));

  // CSV through the browser's download (a blob: link, as in Electron).
  const csvDownload = page.waitForEvent('download');
  await hics251.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^hics251-.*\.csv$/);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain('NM-0006');
  expect(csvText.split('\n').length).toBeGreaterThanOrEqual(9);
  await expect(hics251.getByRole('status')).toContainText('Saved hics251-');

  // Signed PDF: the key is locked, so the passphrase is asked once.
  await hics251.getByRole('button', { name: 'Export signed PDF' }).click();
  const unlock = page.getByRole('dialog', { name: 'Unlock the signing key' });
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('Signing passphrase').fill(passphrase);
  await shot(page, 'report-unlock');
  const pdfDownload = page.waitForEvent('download');
  await unlock.getByRole('button', { name: 'Unlock and export' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    fs
      .readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');

  // HICS 214: per person and position, from the audit trail.
  await page.getByRole('tab', { name: 'HICS 214 Activity log' }).click();
  const hics214 = page.getByTestId('report-hics214');
  await expect(hics214.getByText('HICS 214 — Activity Log')).toBeVisible();
  await expect(
    hics214.getByRole('heading', { name: demoUser('clinical_lead').displayName }),
  ).toBeVisible();
  await expect(hics214).toContainText('Signed off patient safety for NM-0001');
  await shot(page, 'report-hics214', hics214.locator('.report-note'));

  // The briefing: situation, objectives, actions, resources.
  await page.getByRole('tab', { name: 'Incident briefing' }).click();
  const briefing = page.getByTestId('report-briefing');
  await expect(briefing.getByTestId('briefing-summary')).toContainText('8 device cases');
  for (const section of [
    '1. Situation summary',
    '2. Objectives',
    '3. Actions taken',
    '4. Actions planned',
    '5. Resources',
  ]) {
    await expect(briefing.getByRole('heading', { name: section })).toBeVisible();
  }
  await shot(page, 'report-briefing', briefing.getByTestId('briefing-summary'));
  await shot(
    page,
    'report-briefing-resources',
    briefing.getByRole('heading', { name: '3. Actions taken' }),
  );
  const briefingPdf = page.waitForEvent('download');
  await briefing.getByRole('button', { name: 'Export signed PDF' }).click();
  expect((await briefingPdf).suggestedFilename()).toMatch(/\.pdf$/);

  // The timeline, oldest first.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('report-timeline');
  await expect(timeline.getByTestId('timeline-table').locator('tbody tr').first()).toContainText(
    'Opened the incident',
  );
  await shot(page, 'report-timeline', timeline.getByTestId('timeline-table'));

  // One signed PDF per case, from the board's selection, with a progress bar.
  await page.getByRole('tab', { name: 'Cases' }).click();
  await page.locator('tr[data-asset-tag="NM-0001"] .board-check').click();
  await page.locator('tr[data-asset-tag="NM-0006"] .board-check').click();
  await page.getByRole('button', { name: 'Export signed PDFs' }).click();
  const batch = page.getByTestId('pdf-batch-dialog');
  await batch.getByRole('button', { name: 'Export 2 PDFs' }).click();
  await expect(batch.getByRole('status')).toContainText('2 signed PDFs written to', {
    timeout: 60_000,
  });
  await expect(batch.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
  await shot(page, 'report-pdf-batch');
  await batch.getByRole('button', { name: 'Done' }).click();
});
