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

/**
 * The board's cells whose words pass their row's box (above or below it) or their own cell's
 * sides (over the next column), each as "NM-0003, cell 2: 'Held at …' 23px past": none when
 * every row holds its words.
 */
export function cellsPastTheirRow(page: Page): Promise<string[]> {
  return page.locator('.board-table tr.vtable-row').evaluateAll((rows) =>
    rows.flatMap((tr) => {
      const row = tr.getBoundingClientRect();
      return [...tr.children].flatMap((cell, index) => {
        const box = cell.getBoundingClientRect();
        const parts = [...cell.children].map((e) => e.getBoundingClientRect());
        if (parts.length === 0) return [];
        const past = Math.max(
          row.top - Math.min(...parts.map((r) => r.top)),
          Math.max(...parts.map((r) => r.bottom)) - row.bottom,
          box.left - Math.min(...parts.map((r) => r.left)),
          Math.max(...parts.map((r) => r.right)) - box.right,
        );
        const tag = tr.getAttribute('data-asset-tag') ?? '?';
        return past > 1
          ? [`${tag}, cell ${index + 1}: '${cell.textContent ?? ''}' ${Math.round(past)}px past`]
          : [];
      });
    }),
  );
}
