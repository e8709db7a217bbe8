import { defineConfig } from '@playwright/test';
import os from 'node:os';
import { chromiumLaunchOptions } from './e2e/chromium-launch';

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
