import type { Locator } from '@playwright/test';
import { apiResult, shot } from './case-steps';
import { expect, loadDemoAndSignIn, openSection, signIn, test } from './fixtures';

// The smallest supported window: the banner must stay one slim line there, in either language.
test.use({ viewport: { width: 1024, height: 768 } });

/** One line of text: no taller than its line height plus its padding and border. */
async function expectOneLine(banner: Locator) {
  const { height, line } = await banner.evaluate((el) => {
    const style = getComputedStyle(el);
    const extra =
      parseFloat(style.paddingTop) +
      parseFloat(style.paddingBottom) +
      parseFloat(style.borderTopWidth) +
      parseFloat(style.borderBottomWidth);
    return {
      height: el.getBoundingClientRect().height - extra,
      line: parseFloat(style.lineHeight),
    };
  });
  expect(height).toBeLessThanOrEqual(line + 1);
}

test('while demo accounts are active every screen says so, until a real administrator exists', async ({
  page,
  request,
  harness,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  const banner = page.getByTestId('demo-accounts-banner');
  await expect(banner).toHaveText(
    'Demo accounts active: their PINs are public. A real administrator switches them off.',
  );
  for (const section of ['Devices', 'Advisories', 'Incidents', 'Board', 'Settings']) {
    await openSection(page, section);
    await expect(banner).toBeVisible();
    await expectOneLine(banner);
  }
  await shot(page, 'demo-banner-settings-en-1024');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(banner).toBeVisible();
  await expectOneLine(banner);
  await shot(page, 'demo-banner-sign-in-en-1024');

  // In German too, still one line.
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expect(banner).toHaveText(
    'Demo-Konten aktiv: ihre PINs sind öffentlich. Ein echter Administrator schaltet sie ab.',
  );
  await expectOneLine(banner);
  await shot(page, 'demo-banner-sign-in-de-1024');
  await page.getByRole('button', { name: /Sprache/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await signIn(page, admin.displayName, admin.pin);

  // The first real administrator: the demo accounts are switched off, and the banner goes.
  const created = await apiResult(request, harness, 'people.create', {
    displayName: 'Ada Real',
    staffId: 'A-1',
    roles: ['admin'],
    secret: '58392107',
  });
  expect(created.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('.user-card', { hasText: 'Ada Real' })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
