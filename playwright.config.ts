import { chromium, defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';

/** Playwright's own Chromium when it was downloaded, else the system's (air-gapped machines). */
function chromiumLaunchOptions() {
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && fs.existsSync(bundled)) return {};
  return {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

// No webServer: each test starts its own browser-mode server on its own data folder (e2e/fixtures.ts).
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: Math.max(1, Math.min(2, os.cpus().length)),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 180_000,
  // The demo load hashes six demo PINs with scrypt: on a busy 2-core machine that takes seconds.
  expect: { timeout: 30_000 },
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
