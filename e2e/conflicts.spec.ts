import type { APIRequestContext, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../electron/api/permissions';
import { startBrowserServer, type BrowserServer } from '../electron/browser/server';
import { boardCaseHref } from '../renderer/src/board/board-hrefs';
import { callApi, shot } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, openSection, sessionUser, test } from './fixtures';

const screen = { width: 1024, height: 768 };

/** One station of the facility in its own browser page, called as its signed-in user. */
interface Station {
  page: Page;
  server: BrowserServer;
  api<T>(method: string, input?: object): Promise<T>;
}

function station(page: Page, server: BrowserServer): Station {
  const request: APIRequestContext = page.request;
  return { page, server, api: (method, input = {}) => callApi(request, server, method, input) };
}

async function handOver(s: Station, role: Role): Promise<number> {
  const user = demoUser(role);
  const status = await s.api<{ user: { id: number } }>('session.handOver', {
    staffId: user.staffId,
    secret: user.pin,
  });
  return status.user.id;
}

/**
 * The commander opens an incident for ICSMA-17-215-02; at a floor station, a biomed has first
 * confirmed the NM-0003 match, so the incident opens its case there.
 */
async function openIncident(s: Station, withNm0003: boolean): Promise<void> {
  await handOver(s, 'biomed');
  const { matches } = await s.api<{
    matches: { id: number; assetTag: string; trackingId: string; advisoryId: number }[];
  }>('matches.list', { status: 'suggested', limit: 500 });
  const match = matches.find((m) => m.assetTag === 'NM-0003' && m.trackingId === 'ICSMA-17-215-02');
  if (!match) throw new Error('The demo has no suggested NM-0003 / ICSMA-17-215-02 match');
  if (withNm0003) {
    await s.api('matches.confirm', { id: match.id, reason: 'Checked on the device.' });
  }
  const commander = await handOver(s, 'incident_commander');
  const now = Date.now();
  await s.api('incidents.create', {
    name: 'ICSMA-17-215-02 at the facility',
    commanderUserId: commander,
    operationalPeriod: {
      start: new Date(now - 3_600_000).toISOString(),
      end: new Date(now + 8 * 3_600_000).toISOString(),
    },
    advisoryIds: [match.advisoryId],
  });
}

async function exchange(folder: string, from: Station[], to: Station[]): Promise<void> {
  for (const s of from) await s.api('exchange.export', { outDir: folder });
  const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
  for (const s of to) await s.api('exchange.import', { files });
}

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
  const servers: BrowserServer[] = [];
  const contexts = [];
  try {
    await page.setViewportSize(screen);
    await loadDemoAndSignIn(page, 'admin');
    const post = station(page, harness);
    await post.api('stations.init', { name: 'Command post' });
    await post.api('signing.unlock', { passphrase: 'demo-signing-only' });

    const floors: Station[] = [];
    for (const name of ['NM laptop 2', 'Biomed workstation']) {
      const server = await startBrowserServer({ dataDir: path.join(scratch, name) });
      servers.push(server);
      const context = await browser.newContext({ viewport: screen });
      contexts.push(context);
      const floorPage = await context.newPage();
      await floorPage.goto(server.openUrl);
      await loadDemoAndSignIn(floorPage, 'admin');
      const floor = station(floorPage, server);
      await floor.api('stations.init', { name });
      const request = await floor.api<{ content: string }>('stations.request');
      const enrolled = await post.api<{ response: { content: string } }>('stations.enrol', {
        request: request.content,
      });
      await floor.api('stations.accept', { response: enrolled.response.content });
      await openIncident(floor, true);
      floors.push(floor);
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
    for (const s of servers) await s.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
