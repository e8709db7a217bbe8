import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserServer, type BrowserServer } from '../electron/browser/server';
import { AxeWatch, describeFindings } from './accessibility';

export interface HarnessFixtures {
  /** A fresh, empty data folder for this test only; removed afterwards. */
  dataDir: string;
  /** The real services and the built renderer on loopback HTTP, over `dataDir`. */
  harness: BrowserServer;
  /**
   * Console errors (CSP violations included) that the page logged during the test. Any left at the
   * end fail the test: one that a test provokes on purpose is taken out once it has been checked.
   */
  consoleErrors: string[];
}

export const test = base.extend<HarnessFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  harness: async ({ dataDir }, use) => {
    const harness = await startBrowserServer({ dataDir });
    await use(harness);
    await harness.close();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  consoleErrors: async ({}, use) => {
    await use([]);
  },

  // Listeners go on before the first navigation so that errors during start-up are caught too.
  page: async ({ page, harness, consoleErrors }, use) => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`));
    // axe checks every screen the test visits and every screenshot it takes.
    const axe = new AxeWatch(page);
    await axe.watch();
    const screenshot = page.screenshot.bind(page);
    page.screenshot = async (options) => {
      await axe.check('screenshot');
      return screenshot(options);
    };
    await page.goto(harness.openUrl);
    await use(page);
    const findings = await axe.finish();
    expect(
      findings,
      `axe found serious or critical violations:\n${describeFindings(findings)}`,
    ).toEqual([]);
    expect(consoleErrors, 'the page logged errors the test did not expect').toEqual([]);
  },
});

export { expect };
// Sign-in helpers for every spec: see sign-in.ts.
export {
  createFirstAdmin,
  demoUser,
  demoUsers,
  loadDemoAndSignIn,
  openSection,
  signIn,
  sessionUser,
} from './sign-in';
