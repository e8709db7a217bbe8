import { shot } from './case-steps';
import { expect, loadDemoAndSignIn, openSection, test } from './fixtures';

// The smallest supported window, where the header has least room for the zone.
test.use({ viewport: { width: 1024, height: 768 } });

test('the facility zone is named by its city in the station language, in the header and in Settings', async ({
  page,
}) => {
  await loadDemoAndSignIn(page, 'admin');
  await openSection(page, 'Settings');
  await page.getByRole('tab', { name: 'Time and language' }).click();
  const zone = page.locator('.app-zone');
  const current = page.locator('section[aria-labelledby="zone-title"] > p').first();
  await expect(zone).toHaveText('Zurich time');
  await expect(current).toContainText('Europe/Zurich (Zurich time)');
  // Each screenshot waits for axe to check the screen: here before the list opens, below with
  // the list open (an open list is a screen of its own to the accessibility fixture).
  await shot(page, 'zone-city-settings-en-1024');
  const field = page.getByRole('combobox', { name: 'Time zone' });
  await field.click();
  await field.fill('Zurich');
  await expect(page.getByRole('option', { name: 'Europe/Zurich', exact: true })).toBeVisible();
  // axe checks the screen with the list open too (the screenshot and the open list trigger it).
  await shot(page, 'zone-city-list-en-1024');
  // While the list is open react-aria hides the rest of the page with aria-hidden (not inert):
  // Tab still leaves the field for the next control, which by then is no longer hidden.
  await page.evaluate(() => {
    const w = window as unknown as { focusedHidden: string[] };
    w.focusedHidden = [];
    document.addEventListener('focusin', (event) => {
      const target = event.target;
      if (target instanceof Element && target.closest('[aria-hidden="true"]')) {
        w.focusedHidden.push(target.outerHTML.slice(0, 120));
      }
    });
  });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save the time zone' })).toBeFocused();
  expect(
    await page.evaluate(() => (window as unknown as { focusedHidden: string[] }).focusedHidden),
  ).toEqual([]);

  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(zone).toHaveText('Zeitzone Zürich');
  await expect(current).toContainText('Europe/Zurich (Zeit Zürich)');
  await shot(page, 'zone-city-settings-de-1024');

  // German names find the zone; the field keeps its id, which is what is stored.
  const feld = page.getByRole('combobox', { name: 'Zeitzone' });
  await feld.click();
  await feld.fill('Wien');
  const vienna = page.getByRole('option', { name: 'Europe/Vienna (Wien)', exact: true });
  await expect(vienna).toBeVisible();
  await expect(page.getByRole('option')).toHaveCount(1);
  await shot(page, 'zone-city-list-de-1024');
  await vienna.click();
  await expect(feld).toHaveValue('Europe/Vienna');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.getByRole('button', { name: 'Zeitzone speichern' }).click();
  await expect(zone).toHaveText('Zeitzone Wien');
  // The page is drawn anew in the new zone, on the section it showed.
  await expect(page.getByRole('tab', { name: 'Zeit und Sprache' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(current).toContainText('Europe/Vienna (Zeit Wien)');
  await shot(page, 'zone-city-header-de-1024');

  // The same zone in English is Vienna.
  await page.getByRole('button', { name: /Sprache/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(zone).toHaveText('Vienna time');
});
