import type { Page } from '@playwright/test';
import { shot } from './case-steps';
import { expect, loadDemoAndSignIn, test } from './fixtures';

const pages = ['My devices', 'Devices', 'Advisories', 'Incidents', 'Board', 'Settings'];

/** How far the page, or the main area, is wider than the window; and the header's rows. */
function measure(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const main = document.getElementById('main');
    const header = document.querySelector('.app-header');
    const tops = [...(header?.querySelectorAll('.app-name, .app-facility, .session-bar') ?? [])]
      .map((e) => e.getBoundingClientRect())
      .map((r) => Math.round(r.top + r.height / 2));
    return {
      page: doc.scrollWidth - doc.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      // Every part of the header on one row: their middles within a few pixels.
      headerRows:
        tops.length && Math.max(...tops) - Math.min(...tops) > 6
          ? Math.max(...tops) - Math.min(...tops)
          : 0,
    };
  });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('no page scrolls sideways and the header stays on one row', async ({
      page,
      consoleErrors,
    }) => {
      await loadDemoAndSignIn(page, 'incident_commander');
      for (const name of pages) {
        await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        const m = await measure(page);
        expect(m, `${name} at ${size.width}px`).toEqual({ page: 0, main: 0, headerRows: 0 });
        await shot(page, `layout-${name.toLowerCase().replace(/ /g, '-')}-${size.width}`);
      }
      expect(consoleErrors).toEqual([]);
    });
  });
}
