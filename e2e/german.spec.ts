import { sidewaysOverflow } from './board-steps';
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
  await expect(page.locator('.app-zone')).toHaveText('Zeitzone Zürich');
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

test('every Settings section reads German at 1024 px; a refused save says at the field what is wrong', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'admin');
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Einstellungen', exact: true })
    .click();
  const sections: [string, string, string][] = [
    ['Benutzer', 'Benutzer', 'users'],
    ['Sicherheit', 'Sicherheit', 'security'],
    ['Signaturidentität', 'Signaturidentität', 'signing'],
    ['Backups', 'Backups', 'backups'],
    ['Daten und Integrität', 'Integrität', 'data'],
    ['Zeit und Sprache', 'Zeitzone der Einrichtung', 'time-language'],
  ];
  for (const [tab, heading, file] of sections) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    expect(await sidewaysOverflow(page), tab).toEqual({ page: 0, main: 0 });
    await shot(page, `de-settings-${file}-1024`);
  }

  // Saved with a field left empty, then with a word: said at the field in German, nothing saved.
  await page.getByRole('tab', { name: 'Sicherheit' }).click();
  const minutes = page.getByLabel('Minuten, die ein Konto gesperrt bleibt');
  const save = page.getByRole('button', { name: 'Sicherheitseinstellungen speichern' });
  await minutes.fill('');
  await save.click();
  const problem = page.locator('.field-error');
  await expect(problem).toHaveText('Bitte ausfüllen, um fortzufahren.');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'de-settings-refused-empty-1024');
  await minutes.fill('fünf');
  await save.click();
  await expect(problem).toHaveText('Geben Sie eine ganze Zahl ein, zum Beispiel 5.');
  await expect(page.locator('.notice-success')).toHaveCount(0);
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, main: 0 });
  await shot(page, 'de-settings-refused-word-1024');
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('tab', { name: 'Sicherheit' }).click();
  await expect(minutes).toHaveValue('5');
});
