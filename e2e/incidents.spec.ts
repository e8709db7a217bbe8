import { callApi, shot } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, test } from './fixtures';

test('the commander opens an incident from the demo advisory; it cannot close while devices are open', async ({
  page,
  request,
  harness,
}) => {
  // Setup: the biomed confirms the demo's ICSMA-17-215-02 matches (the Advisories page's job).
  await loadDemoAndSignIn(page, 'biomed');
  const { matches } = await callApi(request, harness, 'matches.list', {
    status: 'suggested',
    limit: 500,
  });
  const toConfirm = matches.filter((m) => m.trackingId === 'ICSMA-17-215-02');
  expect(toConfirm.length).toBeGreaterThan(0);
  for (const m of toConfirm) {
    await callApi(request, harness, 'matches.confirm', { id: m.id, reason: 'Checked.' });
  }
  const ic = demoUser('incident_commander');
  await callApi(request, harness, 'session.handOver', { staffId: ic.staffId, secret: ic.pin });
  await page.reload();
  await expect(sessionUser(page)).toContainText(ic.displayName);

  await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await page.getByRole('button', { name: 'Open an incident' }).click();
  const advisory = page.locator('.check-option', { hasText: 'ICSMA-17-215-02' });
  await expect(advisory).toContainText(`${toConfirm.length} confirmed devices`);
  await advisory.click();
  // The name is suggested from the advisory; the commander is the one opening it.
  await expect(page.getByLabel('Incident name')).toHaveValue('ICSMA-17-215-02 response');
  await page.getByLabel('Incident name').fill('ICSMA-17-215-02 night response');
  await expect(page.getByRole('radio', { name: ic.displayName })).toBeChecked();
  await shot(page, 'incidents-create');
  await page.getByRole('button', { name: 'Open the incident' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'ICSMA-17-215-02 night response' }),
  ).toBeVisible();
  const counts = page.getByRole('definition').first();
  await expect(counts).toHaveText(String(toConfirm.length));
  await expect(page.locator('.state-count[data-state="at_risk"] dd')).toHaveText(
    String(toConfirm.length),
  );
  await expect(page.locator('.case-card')).toHaveCount(toConfirm.length);
  await expect(page.locator('.case-card', { hasText: 'NM-0001' })).toContainText('At risk');
  await shot(page, 'incidents-detail');

  // Closing is refused while devices are open, with the services' reason.
  await page.getByLabel('Closing summary').fill('All devices handled.');
  await page.getByRole('button', { name: 'Close the incident' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('.incident-status').first()).toHaveText('Open');
  await shot(page, 'incidents-close-refused');

  // A case opens from the incident, and leads back to it.
  await page.locator('.case-card', { hasText: 'NM-0001' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('At risk');
  await page.getByRole('link', { name: '← Back to the incident' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'ICSMA-17-215-02 night response' }),
  ).toBeVisible();

  // The list shows it with its counts.
  await page.getByRole('link', { name: '← All incidents' }).click();
  await expect(page.locator('.incident-card')).toContainText(
    `${toConfirm.length} devices, ${toConfirm.length} open`,
  );
});

test('the demo walkthrough button leaves four devices in four states', async ({ page }) => {
  test.info().setTimeout(test.info().timeout + 240_000);
  await loadDemoAndSignIn(page, 'incident_commander');
  await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
  await shot(page, 'incidents-empty-demo');
  await page.getByRole('button', { name: 'Run the demo walkthrough' }).click();
  const report = page.locator('.walkthrough-cases');
  await expect(report).toBeVisible({ timeout: 180_000 });
  const stateOf = (tag: string) => report.locator(`[data-asset-tag="${tag}"] .walkthrough-state`);
  await expect(stateOf('NM-0001')).toHaveText('Back in service');
  await expect(stateOf('NM-0003')).toHaveText('Deferred');
  await expect(stateOf('NM-0007')).toHaveText('Protected, connected');
  await expect(stateOf('NM-0006')).toHaveText('Standalone');
  await shot(page, 'incidents-walkthrough');
  // The walkthrough's incident is listed, and no longer offered again.
  await expect(
    page.locator('.incident-card', { hasText: 'ICSMA-17-215-02 response' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Open the incident' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'ICSMA-17-215-02 response' }),
  ).toBeVisible();
  for (const state of ['returned_to_service', 'deferred', 'protected_connected', 'standalone']) {
    await expect(page.locator(`.state-count[data-state="${state}"] dd`)).toHaveText('1');
  }
  await shot(page, 'incidents-walkthrough-detail');
  // The walkthrough signed out its own station only: the commander is still here.
  await expect(sessionUser(page)).toContainText(demoUser('incident_commander').displayName);
});
