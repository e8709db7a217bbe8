import { demoWalkthroughAsCommander } from './board-steps';
import { shot, shotTop } from './case-steps';
import { expect, test } from './fixtures';

// A German station at the smallest supported window: the commander's board and a case from it.
test.use({ viewport: { width: 1024, height: 768 } });

test('in German the board says why a case is blocked, the case page its severities, and the briefing what comes next', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await demoWalkthroughAsCommander(page);
  // The station's language, as the sign-in screen and Settings store it.
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('navigation').getByRole('link', { name: 'Lagebild', exact: true }).click();
  // The walkthrough's NM-0003 waits for an injected patient: the gate's reason, in German.
  const blocked = page.getByTestId('attention-blocked');
  await expect(blocked).toContainText('NM-0003');
  const why = blocked.locator('.board-attention-why').first();
  await expect(why).toContainText(/^Eine mit .+ injizierte Person wartet noch/);
  await expect(why).not.toContainText(/patient|injected|waiting/i);
  await blocked.scrollIntoViewIfNeeded();
  await shot(page, 'de-board-attention-1024');

  await blocked.getByRole('link', { name: 'NM-0003' }).click();
  await expect(page.getByTestId('case-state')).toBeVisible();
  const advisory = page.locator('.advisory-more');
  await advisory.getByText('Schwachstellen und Empfehlungen des Herstellers').click();
  // The advisory records "CRITICAL": a word in German beside the score in German numbers.
  await expect(advisory.locator('.cve-detail-list')).toContainText(/CVSS \d+,\d \(Kritisch\)/);
  await expect(advisory).not.toContainText(/CRITICAL|mitigation/);
  await expect(advisory).toContainText('Schutzmaßnahme');
  await advisory.scrollIntoViewIfNeeded();
  await shot(page, 'de-case-advisory-1024');
  await shotTop(page, 'de-case-top-1024');

  // The briefing: what comes next and who works on it, in German too.
  await page.getByRole('navigation').getByRole('link', { name: 'Lagebild', exact: true }).click();
  await page.getByRole('tab', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Lagebesprechung' }).click();
  const section = (id: string) => page.locator(`section[aria-labelledby="${id}"]`);
  await expect(section('briefing-planned')).toContainText('die Beurteilung beginnen');
  await expect(section('briefing-planned')).not.toContainText(/\b(start|the|and)\b/);
  await expect(section('briefing-resources')).toContainText('Einsatzleitung');
  await expect(section('briefing-resources')).not.toContainText(/Incident commander|Technologist/);
  await section('briefing-planned').scrollIntoViewIfNeeded();
  await shot(page, 'de-briefing-planned-1024');
});
