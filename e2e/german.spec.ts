import { shot } from './case-steps';
import { expect, loadDemoAndSignIn, test } from './fixtures';

// The German UI at the smallest supported window; axe (fixtures.ts) checks every screen in it.
test.use({ viewport: { width: 1024, height: 768 } });

test('the station switches to German in Settings and on the sign-in screen; every page reads German', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'incident_commander');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Time and language' }).click();
  await shot(page, 'settings-time-language-en-1024');
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.app-zone')).toHaveText('Zeitzone Zurich');
  await shot(page, 'settings-time-language-de-1024');

  // "Sicherheits-hinweise" may break at its soft hyphen in the narrow navigation.
  const pages: [string | RegExp, string][] = [
    ['Meine Geräte', 'my-devices'],
    ['Geräte', 'devices'],
    [/^Sicherheits\u00ad?hinweise$/, 'advisories'],
    ['Vorfälle', 'incidents'],
    ['Lagebild', 'board'],
  ];
  for (const [name, file] of pages) {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (file === 'advisories') {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sicherheitshinweise');
    }
    await shot(page, `de-${file}-1024`);
  }

  // The choice belongs to the station: it stays after signing out, on the sign-in screen.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await shot(page, 'de-sign-in-1024');
  await page.getByRole('button', { name: /Sprache/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
