import { cellsPastTheirRow, wordsSplitAcrossLines } from './board-steps';
import { callApi, shot } from './case-steps';
import { demoUser, expect, sessionUser, signIn, test } from './fixtures';

/**
 * The facility board's narrow columns read each word whole, in English and in German, at the
 * smallest supported window and at 1366 px: "Nuklearmedizin", "Intensivmedizin" and the
 * pharmacy's "Spitalapotheke" sit on one line in the department column, not "Nuklearme / dizin"
 * (Chromium has no German hyphenation dictionary offline, so the column is wide enough instead).
 */

const languages = {
  en: { board: 'Board', department: 'Nuclear medicine' },
  de: { board: 'Lagebild', department: 'Nuklearmedizin' },
} as const;

for (const [language, words] of Object.entries(languages)) {
  test(`the board's departments read whole in ${language} at 1024 and 1366 px`, async ({
    page,
    request,
    harness,
  }) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    // The demo in the station's language, as the first-run screen loads it; then the walkthrough.
    await callApi(request, harness, 'demo.load', { language: language === 'de' ? 'de' : 'en' });
    await page.reload();
    const commander = demoUser('incident_commander');
    await signIn(page, commander.displayName, commander.pin);
    await callApi(request, harness, 'demo.walkthrough', {});
    await page.evaluate((lang) => localStorage.setItem('standalone.language', lang), language);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(sessionUser(page)).toContainText(commander.displayName);

    await page
      .getByRole('navigation')
      .getByRole('link', { name: words.board, exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: words.board })).toBeVisible();
    const table = page.locator('.board-table');
    await expect(table).toContainText(words.department);
    await expect(page.locator('.board-table tr.vtable-row[data-asset-tag]')).toHaveCount(8);
    await page.locator('.board-table tr.vtable-row').first().scrollIntoViewIfNeeded();
    expect(await wordsSplitAcrossLines(page, 'location')).toEqual([]);
    expect(await cellsPastTheirRow(page)).toEqual([]);
    await shot(page, `board-words-whole-${language}-1024`);

    await page.setViewportSize({ width: 1366, height: 850 });
    expect(await wordsSplitAcrossLines(page, 'location')).toEqual([]);
    expect(await cellsPastTheirRow(page)).toEqual([]);
    await shot(page, `board-words-whole-${language}-1366`);
  });
}
