/**
 * A backup folder that cannot be created, at 1024×768 in English and German: the sentence says
 * in words what went wrong ("a folder on the way does not exist"), and the system's code (ENOENT)
 * waits behind "Details".
 * Screenshots: test-results/screenshots/{en,de}-backup-folder-cannot-be-created-1024.png.
 */
import { callApi, shot } from './case-steps';
import { expect, loadDemoAndSignIn, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

const words = {
  en: {
    settings: 'Settings',
    backUp: 'Back up now',
    sentence:
      'The backup folder /proc/nope/backups cannot be created: a folder on the way does not exist.',
  },
  de: {
    settings: 'Einstellungen',
    backUp: 'Jetzt sichern',
    sentence:
      'Der Ordner (Backup-Ordner) /proc/nope/backups kann nicht angelegt werden: ein Ordner auf dem Weg dorthin existiert nicht.',
  },
} as const;

for (const language of ['en', 'de'] as const) {
  test(`a backup folder that cannot be created says why in words (${language}), ENOENT behind Details`, async ({
    page,
    harness,
  }) => {
    const w = words[language];
    await loadDemoAndSignIn(page, 'admin');
    // Under /proc no folder can be made: mkdir fails with ENOENT.
    const { settings } = await callApi(page.request, harness, 'backup.getSettings', {});
    await callApi(page.request, harness, 'backup.setSettings', {
      ...settings,
      folder: '/proc/nope/backups',
    });
    await page.evaluate((lang) => localStorage.setItem('standalone.language', lang), language);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByRole('navigation').getByRole('link', { name: w.settings }).click();
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByRole('button', { name: w.backUp }).click();

    const alert = page.getByRole('alert').filter({ hasText: '/proc/nope/backups' });
    await expect(alert.locator('.error-text')).toHaveText(new RegExp(`^${escape(w.sentence)}`));
    const sentence = (await alert.locator('.error-text').textContent()) ?? '';
    expect(sentence).not.toMatch(/ENOENT|EACCES|SQLITE_/);
    const details = alert.locator('details');
    await expect(details.getByText(/ENOENT/)).toBeHidden();
    await details.locator('summary').click();
    await expect(details.locator('.error-code').filter({ hasText: /^ENOENT: / })).toBeVisible();
    await alert.scrollIntoViewIfNeeded();
    await shot(page, `${language}-backup-folder-cannot-be-created-1024`);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
