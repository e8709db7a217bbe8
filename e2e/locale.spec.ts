import type { Page } from '@playwright/test';
import { assignedCaseCard, item, nextStep, shot } from './case-steps';
import { expect, loadDemoAndSignIn, test } from './fixtures';

/**
 * The station's language (Settings, sign-in), not the browser's, decides how numbers are typed,
 * read and announced: react-aria's fields and the numbers the pages print. Each station is run
 * with a browser set to the other language.
 */

test.use({ viewport: { width: 1024, height: 768 } });

async function useLanguage(page: Page, language: 'en' | 'de') {
  await page.evaluate((l) => localStorage.setItem('standalone.language', l), language);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The count of studies kept on the device (Assessing, backup): a react-aria number field. */
async function studiesCountField(page: Page, preserved: string) {
  await item(page, 'unsent_studies').locator('.choice-option').getByText(preserved).click();
  const field = item(page, 'unsent_studies_count').getByRole('textbox');
  await expect(field).toBeVisible();
  return field;
}

test.describe('a German station on an English (US) browser', () => {
  test.use({ locale: 'en-US' });

  test('number fields read "1.200" as twelve hundred and speak German', async ({
    page,
    request,
    harness,
  }) => {
    await expect(await assignedCaseCard(page, request, harness)).toBeVisible();
    await useLanguage(page, 'de');
    await page.locator('.case-card', { hasText: 'NM-0001' }).click();
    await nextStep(page).getByRole('button', { name: 'Beurteilung beginnen' }).click();
    await expect(page.getByTestId('case-state')).toHaveText('In Beurteilung');
    const field = await studiesCountField(
      page,
      'Lokal auf dem Gerät oder auf Datenträgern gesichert',
    );
    // Screen readers announce the field in the station's language.
    await expect(field).toHaveAttribute('aria-roledescription', 'Nummernfeld');
    // Typed the German way, with a thousands dot: twelve hundred, not 1.2 rounded to 1.
    await field.pressSequentially('1.200');
    await field.press('Tab');
    await expect(item(page, 'unsent_studies_count').locator('.save-ok')).toBeVisible();
    await expect(field).toHaveValue('1200');
    await item(page, 'unsent_studies_count').scrollIntoViewIfNeeded();
    await shot(page, 'locale-de-number-field-1024');
  });

  test('a backup’s size is grouped the German way', async ({ page }) => {
    await loadDemoAndSignIn(page, 'admin');
    await useLanguage(page, 'de');
    await page.getByRole('navigation').getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Jetzt sichern' }).click();
    // A database of the demo is well over a thousand bytes: "1.234.567 Bytes", never "1,234,567".
    await expect(page.getByTestId('backup-created')).toContainText(/\d{1,3}(\.\d{3})+ Bytes/);
    await shot(page, 'locale-de-backup-size-1024');
  });
});

test.describe('an English station on a Swiss German browser', () => {
  test.use({ locale: 'de-CH' });

  test('number fields speak English', async ({ page, request, harness }) => {
    await (await assignedCaseCard(page, request, harness)).click();
    await nextStep(page).getByRole('button', { name: 'Start the assessment' }).click();
    await expect(page.getByTestId('case-state')).toHaveText('Assessing');
    const field = await studiesCountField(page, 'Preserved locally on the device or on media');
    await expect(field).toHaveAttribute('aria-roledescription', 'Number field');
    await field.pressSequentially('12');
    await field.press('Tab');
    await expect(field).toHaveValue('12');
    await shot(page, 'locale-en-number-field-1024');
  });

  test('a backup’s size is grouped the English way', async ({ page }) => {
    await loadDemoAndSignIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByTestId('backup-created')).toContainText(/\d{1,3}(,\d{3})+ bytes/);
  });
});
