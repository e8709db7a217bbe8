/**
 * The Devices page with 100,000 devices, in Chromium through the harness: time to the first
 * rows after (re)loading the page, and time from choosing a filter (and from typing a search)
 * to the filtered rows. Times are taken in the page (performance.now), not around Playwright's
 * round trips.
 */
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { insertDevice } from '../electron/services/devices/devices';
import type { DeviceFields } from '../electron/services/devices/device-row';
import { startServices } from '../electron/services/runtime';
import { startBrowserServer } from '../electron/browser/server';
import { chromiumLaunchOptions } from '../e2e/chromium-launch';
import { benchDir, figure, median, type BenchSuite, type Figure } from './harness';

const total = 100_000;
const tag = (i: number) => `SCALE-${String(i).padStart(6, '0')}`;
const repoRoot = path.resolve(import.meta.dirname, '..');

function seed(dataDir: string): void {
  const demo = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'resources/demo/devices.json'), 'utf8'),
  ) as DeviceFields[];
  const runtime = startServices({ dataDir });
  try {
    const now = new Date().toISOString();
    runtime.services.db.transaction(() => {
      for (let i = 1; i <= total; i += 1) {
        const device = { ...(demo[i % demo.length] as DeviceFields), assetTag: tag(i) };
        insertDevice(runtime.services.db, device, now);
      }
    })();
  } finally {
    runtime.close();
  }
}

/**
 * In-page timer, as a string: tsx compiles named functions with a `__name` helper that does not
 * exist in the page, so this part is not compiled.
 */
const timerScript = (done: string) => `(() => {
  window.benchStart = undefined;
  const mark = () => { if (window.benchStart === undefined) window.benchStart = performance.now(); };
  document.addEventListener('click', mark, { capture: true, once: true });
  document.addEventListener('input', mark, { capture: true, once: true });
  window.benchEnd = new Promise((resolve) => {
    const check = () => {
      const count = document.querySelector('[data-testid="device-count"]')?.textContent ?? '';
      const row = document.querySelector('.device-table .vtable-row:not([aria-busy])');
      if (window.benchStart !== undefined && count.includes(${JSON.stringify(done)}) && row) {
        resolve(performance.now() - window.benchStart);
      } else requestAnimationFrame(check);
    };
    check();
  });
  return true;
})()`;

/** Milliseconds from the page's next `click`/`input` event until the count line reads `done`. */
async function timeUntilCount(page: Page, done: string, act: () => Promise<void>) {
  await page.evaluate(timerScript(done));
  await act();
  return page.evaluate('window.benchEnd') as Promise<number>;
}

export const devicesPageBench: BenchSuite = {
  name: 'devices-page',
  async run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    seed(dir);
    const harness = await startBrowserServer({ dataDir: dir });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(harness.openUrl);
      // First run: create the administrator (the devices are already in the database).
      await page.getByLabel('Full name').fill('Bench Admin');
      await page.getByLabel('PIN or password', { exact: true }).fill('40718253');
      await page.getByLabel('PIN or password again').fill('40718253');
      await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
      // The Devices page (the default page may be another one for this role).
      // Someone newly signed in starts on their role's home page (Settings for an administrator):
      // go to Devices through the navigation, as a person would; a reload then keeps the page.
      await page.goto(`${harness.url}#/devices`);
      await page.getByRole('link', { name: 'Devices', exact: true }).click();
      await page.getByRole('button', { name: `Show all details of ${tag(1)}` }).waitFor();

      // Time to first rows: from navigation start of a reload to the first device row drawn.
      const firstRows: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        await page.reload();
        await page.getByRole('button', { name: `Show all details of ${tag(1)}` }).waitFor();
        firstRows.push(
          (await page.evaluate(
            "performance.now() - (performance.getEntriesByType('navigation')[0]?.startTime ?? 0)",
          )) as number,
        );
      }
      figures.push(
        figure(
          `Devices page, time to first rows (${total / 1000}k devices)`,
          median(firstRows),
          'ms',
          {
            atMost: 1000,
          },
        ),
      );

      // Filter: choose a vendor; measured from the click on the option to the filtered rows.
      const filterTimes: number[] = [];
      for (const vendor of ['Philips', 'Siemens', 'GE Healthcare']) {
        await page.getByRole('button', { name: /Vendor/ }).click();
        const option = page.getByRole('option', { name: new RegExp(`^${vendor} \\(`) });
        await option.waitFor();
        filterTimes.push(await timeUntilCount(page, 'match the filters', () => option.click()));
        await page.getByRole('button', { name: 'Clear filters' }).click();
        await page.getByText('100,000 devices', { exact: true }).first().waitFor();
      }
      figures.push(
        figure('Devices page, vendor filter to filtered rows', median(filterTimes), 'ms', {
          atMost: 100,
        }),
      );

      // Search: includes the 250 ms pause the page waits for the typing to stop.
      const search = page.getByRole('searchbox', { name: 'Search devices' });
      const searchMs = await timeUntilCount(page, 'match “SCALE-09999”', () =>
        search.fill('SCALE-09999'),
      );
      figures.push(
        figure('Devices page, typed search to rows (incl. 250 ms debounce)', searchMs, 'ms'),
      );
    } finally {
      await browser.close();
      await harness.close();
      cleanup();
    }
    return figures;
  },
};
