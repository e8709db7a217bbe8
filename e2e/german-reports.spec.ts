import { demoWalkthroughAsCommander } from './board-steps';
import { shot } from './case-steps';
import { expect, test } from './fixtures';

// Record words are printed as recorded (the demo's rooms); the app's own words are German.
const englishWords = /\b(floor|room|revision|assigned|advisory)\b/;

for (const viewport of [
  { width: 1366, height: 850 },
  { width: 1024, height: 768 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the HICS 251 report reads German: the place, the reason and the comments', async ({
      page,
    }) => {
      test.setTimeout(360_000);
      await demoWalkthroughAsCommander(page);

      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Settings', exact: true })
        .click();
      await page.getByRole('tab', { name: 'Time and language' }).click();
      await page.getByRole('button', { name: /Language/ }).click();
      await page.getByRole('option', { name: 'Deutsch' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');

      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Lagebild', exact: true })
        .click();
      await page.getByRole('tab', { name: 'Berichte' }).click();
      const table = page.getByTestId('report-hics251').getByTestId('hics251-table');
      const rows = table.locator('tbody tr');
      await expect(rows).toHaveCount(8);
      // The demo records floor and room: worded „Geschoss“ and „Raum“.
      await expect(table).toContainText(/Geschoss [^,]+, Raum /);
      await expect(rows.first()).toContainText('Teilweise funktionsfähig');
      await expect(rows.first()).toContainText(/Revision \d+/);
      for (const text of await rows.allInnerTexts()) expect(text).not.toMatch(englishWords);
      await table.scrollIntoViewIfNeeded();
      await shot(page, `de-report-hics251-${viewport.width}`);
    });
  });
}
