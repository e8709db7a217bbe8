import type { APIRequestContext } from '@playwright/test';
import type { BrowserServer } from '../electron/browser/server';
import { expect, loadDemoAndSignIn, openSection, signIn, test } from './fixtures';

async function callApi(
  request: APIRequestContext,
  harness: BrowserServer,
  method: string,
  input: object,
) {
  const response = await request.post(`${harness.url}api/call`, {
    data: { method, input },
    headers: { 'x-standalone-token': harness.token },
  });
  return (await response.json()) as { ok: boolean; error?: { message: string } };
}

test('while demo accounts are active every screen says so, until a real administrator exists', async ({
  page,
  request,
  harness,
  consoleErrors,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  const banner = page.getByTestId('demo-accounts-banner');
  await expect(banner).toHaveText(
    'Demo accounts are active: their PINs are public. Creating a real administrator switches them off.',
  );
  for (const section of ['Devices', 'Advisories', 'Incidents', 'Settings']) {
    await openSection(page, section);
    await expect(banner).toBeVisible();
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(banner).toBeVisible();
  await signIn(page, admin.displayName, admin.pin);

  // The first real administrator: the demo accounts are switched off, and the banner goes.
  const created = await callApi(request, harness, 'people.create', {
    displayName: 'Ada Real',
    staffId: 'A-1',
    roles: ['admin'],
    secret: '58392107',
  });
  expect(created.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('.user-card', { hasText: 'Ada Real' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
