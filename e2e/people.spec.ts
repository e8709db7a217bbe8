import type { Page } from '@playwright/test';
import { apiResult, shot } from './case-steps';
import {
  createFirstAdmin,
  demoUser,
  expect,
  loadDemoAndSignIn,
  sessionUser,
  signIn,
  test,
} from './fixtures';

async function tryPin(page: Page, name: string, pin: string) {
  await page.locator('.user-card', { hasText: name }).click();
  await page.getByLabel('PIN or password').fill(pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('first run: the first administrator is created and signed in', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load the demo facility' })).toBeVisible();
  await shot(page, 'people-first-run');

  // Two different entries are caught before anything is sent.
  await page.getByLabel('Full name').fill('Ada Admin');
  await page.getByLabel('PIN or password', { exact: true }).fill('40718253');
  await page.getByLabel('PIN or password again').fill('20242025');
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
  await expect(page.getByText('The two entries are not the same')).toBeVisible();

  await page.reload();
  await createFirstAdmin(page, 'Ada Admin', '40718253');
  await expect(sessionUser(page)).toContainText('Administrator');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await shot(page, 'people-first-admin-signed-in');

  // Sign out, and back in with the new PIN.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Ada Admin', '40718253');
});

test('sign in with a demo user; a wrong PIN is explained; too many lock the account', async ({
  page,
}) => {
  test.info().setTimeout(test.info().timeout + 120_000);
  await page.getByRole('button', { name: 'Load the demo facility' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.locator('.user-card').first()).toContainText('demo');
  await shot(page, 'people-sign-in');

  const tech = demoUser('technologist');
  await tryPin(page, tech.displayName, '000000');
  await expect(page.getByRole('alert')).toContainText(
    'The user and the PIN or password do not match',
  );
  await shot(page, 'people-wrong-pin');

  // The default threshold is 5: the fifth wrong PIN locks the account and says until when.
  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await tryPin(page, tech.displayName, '000000');
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await expect(page.getByRole('alert')).toContainText(/locked until \d{1,2}:\d{2}/);
  // Even the right PIN is refused while it is locked.
  await tryPin(page, tech.displayName, tech.pin);
  await expect(page.getByRole('alert')).toContainText('This account is locked until');
  await shot(page, 'people-lockout');

  // Another user is not affected.
  const lead = demoUser('clinical_lead');
  await page.getByLabel('PIN or password').fill('');
  await signIn(page, lead.displayName, lead.pin);
  await expect(sessionUser(page)).toContainText('Clinical lead');
});

test('an idle station locks to the sign-in screen; the draft is back after unlocking', async ({
  page,
  request,
  harness,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  // The shortest idle period the settings allow; the page's clock is then moved past it.
  expect((await apiResult(request, harness, 'settings.setSecurity', { idleMinutes: 1 })).ok).toBe(
    true,
  );
  await page.clock.install();
  await page.reload();
  await expect(sessionUser(page)).toContainText(admin.displayName);

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Full name').fill('Night shift nurse');
  await page.getByLabel('Staff ID (optional)').fill('N-4711');
  await expect(page.getByText('Draft saved')).toBeVisible();

  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { level: 1, name: 'Station locked' })).toBeVisible();
  await expect(page.getByText(admin.displayName)).toBeVisible();
  await shot(page, 'people-idle-locked');

  await page.getByLabel('PIN or password').fill(admin.pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(sessionUser(page)).toContainText(admin.displayName);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Full name')).toHaveValue('Night shift nurse');
  await expect(page.getByLabel('Staff ID (optional)')).toHaveValue('N-4711');
  await expect(page.getByText('Your unsaved entries were restored.')).toBeVisible();
  await page.getByLabel('Full name').scrollIntoViewIfNeeded();
  await shot(page, 'people-draft-restored');
});

test('hand over switches the station to another demo user in one step', async ({ page }) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  await page.getByRole('button', { name: 'Hand over' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hand over this station' }),
  ).toBeVisible();
  await expect(page.getByText(`Signed in now: ${admin.displayName}`)).toBeVisible();
  const biomed = demoUser('biomed');
  await page.locator('.user-card', { hasText: biomed.displayName }).click();
  await page.getByLabel('PIN or password').fill(biomed.pin);
  await shot(page, 'people-hand-over');
  await page.getByRole('button', { name: 'Take over the station' }).click();
  await expect(sessionUser(page)).toContainText(biomed.displayName);
  await expect(sessionUser(page)).toContainText('Clinical engineering (biomed)');
  await shot(page, 'people-after-hand-over');
});
