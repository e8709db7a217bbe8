/**
 * A pass over the shared exchange folder that fails, on a German command post at 1024×768: the
 * Exchange page says what went wrong in German, and what the system said waits behind „Details“.
 * Screenshot: test-results/screenshots/de-exchange-pass-failed-1024.png.
 */
import { shot } from './case-steps';
import { test } from './facility-stations';
import { expect } from './fixtures';

test('a failed pass over the shared folder is worded in German, the system’s words behind Details', async ({
  page,
  facility,
}) => {
  test.setTimeout(600_000);
  // Only an enrolled station passes over the folder: the command post enrols a floor station.
  await facility.enrol('NM laptop 2');
  // Nothing can be written into /proc/self: the bundle cannot be written there.
  const status = await facility.post.api('exchange.setFolder', { folder: '/proc/self' });
  expect(status.lastPass, JSON.stringify(status.lastPass)).toMatchObject({
    words: { key: 'bundleNotWritten' },
  });
  expect(status.lastPass?.technical).toMatch(/^E[A-Z]+: /);

  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('navigation').getByRole('link', { name: 'Austausch' }).click();
  const failed = page.locator('p.check-bad').filter({ hasText: 'fehlgeschlagen' });
  await expect(failed).toContainText(
    /Der Austausch um .+ ist fehlgeschlagen\. Das Bündel kann nicht nach \/proc\/self geschrieben werden: .+\. Prüfen Sie den Ordner/,
  );
  await expect(failed).not.toContainText(/\bE[A-Z]{3,}\b/);
  await expect(failed).not.toContainText(/no such file|permission denied/i);
  const details = page.locator('details.error-details', { has: page.locator('.error-code') });
  await expect(details.locator('.error-code')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('.error-code')).toContainText(/^E[A-Z]+: /);
  await failed.scrollIntoViewIfNeeded();
  await shot(page, 'de-exchange-pass-failed-1024');
});
