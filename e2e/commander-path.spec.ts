import type { Page } from '@playwright/test';
import type { InputOf, MethodName } from '../electron/api/methods';
import { callApi, shot } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, test } from './fixtures';
import type { Role } from '../electron/api/permissions';

// The commander's path at the smallest supported window.
test.use({ viewport: { width: 1024, height: 768 } });

/** Setup only: the station changes hands through the API, then the page reloads. */
async function becomes(
  page: Page,
  role: Role,
  call: (m: 'session.handOver', i: InputOf<'session.handOver'>) => Promise<unknown>,
) {
  const user = demoUser(role);
  await call('session.handOver', { staffId: user.staffId, secret: user.pin });
  await page.reload();
  await expect(sessionUser(page)).toContainText(user.displayName);
}

async function openAdvisory(page: Page, trackingId: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Advisories' }).click();
  await page.getByRole('button', { name: `Open advisory ${trackingId}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(trackingId) })).toBeFocused();
}

test('the commander is led from an empty incident form to biomed’s bulk confirmation and opens the incident from the advisory', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(300_000);
  const call = <M extends MethodName>(method: M, input: InputOf<M>) =>
    callApi(request, harness, method, input);
  const commander = await loadDemoAndSignIn(page, 'incident_commander');

  // Nothing is confirmed yet: the form says who confirms and links to the page where they do.
  await page.goto(`${page.url().split('#')[0]}#/incidents`);
  await page.getByRole('button', { name: 'Open an incident' }).click();
  const empty = page.getByTestId('incident-no-confirmed');
  await expect(empty).toContainText('Biomed, IT security or an administrator confirms matches');
  await shot(page, 'commander-incident-empty');
  await empty.getByRole('link', { name: 'Go to the Advisories page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Advisories' })).toBeVisible();

  // On the advisory the commander sees why no incident can be opened yet, and no Confirm buttons.
  await openAdvisory(page, 'ICSMA-17-215-02');
  const title = page.getByRole('heading', { level: 2, name: /ICSMA-17-215-02/ });
  await expect(title).not.toContainText('ICSMA-17-215-02: ICSMA-17-215-02');
  await expect(page.getByTestId('incident-needs-confirmed')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Confirm/ })).toHaveCount(0);
  await shot(page, 'commander-advisory-unconfirmed');

  // Biomed confirms every suggested match at once, seeing the devices first.
  await becomes(page, 'biomed', call);
  const biomed = demoUser('biomed');
  await openAdvisory(page, 'ICSMA-17-215-02');
  const suggested = page.locator('.match-suggested');
  const count = await suggested.count();
  expect(count).toBeGreaterThan(1);
  await page.getByRole('button', { name: `Confirm all ${count} suggested matches…` }).click();
  const dialog = page.getByTestId('bulk-confirm-dialog');
  await expect(dialog.locator('.match-bulk-list li')).toHaveCount(count);
  await dialog.getByLabel('Why (optional)').fill('Models and versions checked against the labels.');
  await shot(page, 'biomed-bulk-confirm');
  await dialog.getByRole('button', { name: `Confirm ${count} matches` }).click();
  const note = page.getByRole('status').filter({ hasText: 'matches confirmed' });
  await expect(note).toHaveText(`${count} matches confirmed (0 left as they were).`);
  // Focus lands on the result, not on the page's body.
  await expect(note).toBeFocused();
  await expect(page.locator('.match-suggested')).toHaveCount(0);
  // The decision names the person, then the role.
  await expect(page.locator('.match-decision').first()).toContainText(
    `by ${biomed.displayName} (Clinical engineering (biomed))`,
  );
  await shot(page, 'biomed-bulk-confirmed');

  // One match dismissed alone: focus returns to that match once its Dismiss button is gone.
  const first = page.getByTestId('match').first();
  const firstId = await first.getAttribute('data-match-id');
  await first.getByRole('button', { name: /^Dismiss the match/ }).click();
  await page.getByLabel('Why this device is not affected (required)').fill('Re-imaged last week.');
  await page.getByRole('button', { name: 'Dismiss match' }).click();
  await expect(page.locator(`[data-match-id="${firstId}"]`)).toBeFocused();
  await expect(page.locator(`[data-match-id="${firstId}"]`)).toHaveClass(/match-dismissed/);

  // Back to the commander: the advisory offers the incident, the form arrives filled in.
  await becomes(page, 'incident_commander', call);
  await openAdvisory(page, 'ICSMA-17-215-02');
  await page.getByRole('link', { name: 'Open an incident for this advisory' }).click();
  await expect(page).toHaveURL(/#\/incidents\/new\/\d+$/);
  const advisory = page.getByRole('checkbox', { name: /ICSMA-17-215-02/ });
  await expect(advisory).toBeChecked();
  await expect(page.getByLabel('Incident name')).toHaveValue('ICSMA-17-215-02 response');

  // A missing name is said at the field when the form is submitted, not by a silent button.
  await page.getByLabel('Incident name').fill('');
  await page.getByRole('button', { name: 'Open the incident' }).click();
  await expect(page.locator('.field-error')).toContainText('Give the incident a name');
  await shot(page, 'commander-incident-missing-name');
  await page.getByLabel('Incident name').fill('ICSMA-17-215-02 response');
  await expect(page.getByRole('radio', { name: commander.displayName })).toBeChecked();
  await page.getByRole('button', { name: 'Open the incident' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'ICSMA-17-215-02 response' }),
  ).toBeVisible();
  await expect(page.locator('.case-card')).toHaveCount(count - 1);
});
