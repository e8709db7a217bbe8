import type { Locator, Page } from '@playwright/test';
import { assignedCaseCard, nextStep, shotTop, takeNextStep } from './case-steps';
import { expect, test } from './fixtures';

// A German station at the smallest supported window: German words are longer than English ones.
test.use({ viewport: { width: 1024, height: 768 } });

/** Fully inside the window: nothing to scroll to reach it. */
async function expectInView(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const inner = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  expect(box, 'the element has a box').not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(inner.h);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(inner.w);
}

test('in German at 1024×768 a case in Assessing shows the next step and the first question without scrolling', async ({
  page,
  request,
  harness,
}) => {
  const card = await assignedCaseCard(page, request, harness);
  await expect(card).toBeVisible();
  // The station's language, as the sign-in screen and Settings store it.
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.locator('.case-card', { hasText: 'NM-0001' }).click();
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Beurteilung beginnen' }));
  await shotTop(page, 'de-case-at-risk-1024');
  await takeNextStep(page, 'Beurteilung beginnen', 'In Beurteilung');
  await expect(nextStep(page)).toContainText('Fragen offen');
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Fragen beantworten' }));
  // The first answer whole above the fold: the main area's bottom (the status bar is below it).
  const first = page.locator('[data-section="exposure_assessment"]').getByRole('radio').first();
  await expect(first).toBeVisible();
  const answer = await first.boundingBox();
  const main = await page.locator('#main').boundingBox();
  expect((answer?.y ?? 0) + (answer?.height ?? 0)).toBeLessThanOrEqual(
    (main?.y ?? 0) + (main?.height ?? 0),
  );
  // The playbook's questions and choices in German too (api/i18n/playbook.de.json).
  const exposure = page.locator('[data-section="exposure_assessment"]');
  await expect(exposure).toContainText('In welchem Netzwerksegment ist das Gerät?');
  await expect(first).toHaveAccessibleName('Eigenes Segment für Medizingeräte');
  await expect(exposure).not.toContainText('Which network segment');
  await shotTop(page, 'de-case-assessing-1024');
});
