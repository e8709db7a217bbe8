import type { BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boardCaseHref } from '../renderer/src/board/board-hrefs';
import { shot } from './case-steps';
import {
  enrolledFloor,
  exchange,
  openIncident,
  screen,
  station,
  type Station,
} from './facility-stations';
import { demoUser, expect, loadDemoAndSignIn, openSection, sessionUser, test } from './fixtures';

test('two floor stations open a case for one device: the commander chooses, the other floor is told', async ({
  page,
  harness,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(900_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-conflicts-'));
  const folder = path.join(scratch, 'shared');
  fs.mkdirSync(folder);
  const floors: Station[] = [];
  const contexts: BrowserContext[] = [];
  try {
    await page.setViewportSize(screen);
    await loadDemoAndSignIn(page, 'admin');
    const post = station(page, harness);
    await post.api('stations.init', { name: 'Command post' });
    await post.api('signing.unlock', { passphrase: 'demo-signing-only' });

    for (const name of ['NM laptop 2', 'Biomed workstation']) {
      const { floor, context } = await enrolledFloor(browser, post, scratch, name);
      contexts.push(context);
      floors.push(floor);
      await openIncident(floor, true);
    }
    const biomed = floors[1] as Station;

    // The command post opens its incident for the advisory and receives both floors' cases.
    await openIncident(post, false);
    await exchange(folder, floors, [post]);
    await page.reload();
    await expect(sessionUser(page)).toContainText(demoUser('incident_commander').displayName);
    await openSection(page, 'Board');
    const notice = page.getByTestId('board-conflicts');
    await expect(notice).toContainText(
      'NM-0003 (ICSMA-17-215-02) at Biomed workstation, NM laptop 2.',
    );
    await expect(page.locator('tr[data-asset-tag="NM-0003"]')).toHaveCount(2);
    await shot(page, 'board-conflict-open');

    await notice.getByRole('button', { name: 'NM laptop 2 holds it' }).click();
    await expect(notice).toContainText('Held at NM laptop 2, chosen by');
    await expect(page.locator('tr[data-asset-tag="NM-0003"]')).toHaveCount(1);
    await shot(page, 'board-conflict-chosen');

    // The choice travels in the command post's bundle: the biomed workstation's case is read-only.
    await exchange(folder, [post], [biomed]);
    const { cases } = await biomed.api<{ cases: { caseId: number; assetTag: string }[] }>(
      'cases.list',
      {},
    );
    const lost = cases.find((c) => c.assetTag === 'NM-0003');
    if (!lost) throw new Error('The biomed workstation has no case for NM-0003');
    await biomed.page.reload();
    await biomed.page.evaluate((hash) => (window.location.hash = hash), boardCaseHref(lost.caseId));
    const told = biomed.page.getByTestId('case-held-elsewhere');
    await expect(told).toContainText(
      'The incident commander chose station “NM laptop 2” to hold this case',
    );
    await expect(biomed.page.getByTestId('next-step')).toHaveCount(0);
    await shot(biomed.page, 'case-held-elsewhere');
    expect(consoleErrors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close();
    for (const s of floors) await s.server.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
