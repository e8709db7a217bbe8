import type { Locator, Page } from '@playwright/test';

/** Steps on the board's pages as a user takes them, for the board specs. */

/** The board's row of the case for the device `assetTag`. */
export const boardRow = (page: Page, assetTag: string): Locator =>
  page.locator(`tr[data-asset-tag="${assetTag}"]`);

/** A react-aria Select: open it by its label, pick the option. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page
    .locator('.filter-select')
    .filter({ has: page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) })
    .getByRole('button')
    .click();
  await page.getByRole('option', { name: option }).click();
}
