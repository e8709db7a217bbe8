import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anonymousActor } from '../electron/services/audit/record';
import { stationCaller } from '../electron/services/core/context';
import { startServices } from '../electron/services/runtime';
import { commitDemoFacility } from '../electron/services/seed/demo-facility';
import { shot } from './case-steps';
import { demoUser, expect, openSection, signIn, test as harnessTest } from './fixtures';

/**
 * A demo load the app stopped part-way through: the first transaction (devices, demo accounts,
 * settings) is in the data folder before the harness opens it, as a kill would have left it.
 */
const test = harnessTest.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-'));
    const rt = startServices({
      dataDir: dir,
      backupScheduler: false,
      replayCheckAtStart: false,
      folderExchangePollMs: false,
    });
    try {
      await commitDemoFacility({
        services: rt.services,
        actor: anonymousActor,
        caller: stationCaller,
        user: null,
      });
    } finally {
      rt.close();
    }
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

test.use({ viewport: { width: 1024, height: 768 } });

test('an unfinished demo says so on every screen, and the demo administrator finishes it', async ({
  page,
}) => {
  test.info().setTimeout(test.info().timeout + 120_000);
  const unfinished = page.getByTestId('demo-unfinished');
  await expect(unfinished).toHaveText(
    'The demo was not fully loaded: an administrator can finish loading it.',
    { timeout: 30_000 },
  );
  const finish = page.getByRole('button', { name: 'Finish loading the demo' });
  await expect(finish).toHaveCount(0);

  const admin = demoUser('admin');
  await signIn(page, admin.displayName, admin.pin);
  await expect(unfinished).toContainText(
    'The demo was not fully loaded: its advisories or signing identity are missing.',
  );
  await shot(page, 'demo-unfinished-en-1024');
  await finish.click();
  await expect(unfinished).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('demo-accounts-banner')).toBeVisible();

  await openSection(page, 'Advisories');
  await expect(page.getByText('ICSMA-17-215-02').first()).toBeVisible();
});
