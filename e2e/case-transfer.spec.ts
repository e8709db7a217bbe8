import type { APIRequestContext, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../electron/api/permissions';
import { startBrowserServer, type BrowserServer } from '../electron/browser/server';
import { boardCaseHref } from '../renderer/src/board/board-hrefs';
import { callApi, shot } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, test } from './fixtures';

const screen = { width: 1024, height: 768 };

/** One station of the facility in its own browser page, called as its signed-in user. */
interface Station {
  page: Page;
  api<T>(method: string, input?: object): Promise<T>;
}

function station(page: Page, server: BrowserServer): Station {
  const request: APIRequestContext = page.request;
  return { page, api: (method, input = {}) => callApi(request, server, method, input) };
}

/** The next person takes the station over (the page shows them after a reload). */
async function handOver(s: Station, role: Role): Promise<number> {
  const user = demoUser(role);
  const status = await s.api<{ user: { id: number } }>('session.handOver', {
    staffId: user.staffId,
    secret: user.pin,
  });
  await s.page.reload();
  await expect(sessionUser(s.page)).toContainText(user.displayName);
  return status.user.id;
}

/** The commander opens an incident for ICSMA-17-215-02, with NM-0003's case when it is confirmed. */
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

/** Each station of `from` writes its bundle into the folder; each of `to` imports them all. */
async function exchange(folder: string, from: Station[], to: Station[]): Promise<void> {
  for (const s of from) await s.api('exchange.export', { outDir: folder });
  const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
  for (const s of to) await s.api('exchange.import', { files });
}

async function caseOf(s: Station, assetTag: string): Promise<number> {
  const { cases } = await s.api<{ cases: { caseId: number; assetTag: string }[] }>(
    'cases.list',
    {},
  );
  const found = cases.find((c) => c.assetTag === assetTag);
  if (!found) throw new Error(`No case for ${assetTag}`);
  return found.caseId;
}

test('the command post hands a case to the biomed workstation through a folder, and it is worked there', async ({
  page,
  harness,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(900_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-transfer-'));
  const folder = path.join(scratch, 'shared');
  fs.mkdirSync(folder);
  const server = await startBrowserServer({ dataDir: path.join(scratch, 'biomed') });
  const context = await browser.newContext({ viewport: screen });
  try {
    await page.setViewportSize(screen);
    await loadDemoAndSignIn(page, 'admin');
    const post = station(page, harness);
    await post.api('stations.init', { name: 'Command post' });
    await post.api('signing.unlock', { passphrase: 'demo-signing-only' });

    const biomedPage = await context.newPage();
    await biomedPage.goto(server.openUrl);
    await loadDemoAndSignIn(biomedPage, 'admin');
    const biomed = station(biomedPage, server);
    await biomed.api('stations.init', { name: 'Biomed workstation' });
    const request = await biomed.api<{ content: string }>('stations.request');
    const enrolled = await post.api<{ response: { content: string } }>('stations.enrol', {
      request: request.content,
    });
    await biomed.api('stations.accept', { response: enrolled.response.content });
    await openIncident(post, true);
    await openIncident(biomed, false);
    await exchange(folder, [biomed], [post]);

    // The command post starts NM-0003's assessment, then hands the case on from its page.
    const caseId = await caseOf(post, 'NM-0003');
    await post.api('cases.transition', { caseId, target: 'assessing' });
    await page.evaluate((hash) => (window.location.hash = hash), boardCaseHref(caseId));
    await expect(page.getByTestId('next-step')).toBeVisible();
    await page.getByRole('button', { name: 'Hand to another station…' }).click();
    const dialog = page.getByTestId('hand-on-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /Station/ }).click();
    await page.getByRole('option', { name: 'Biomed workstation' }).click();
    await dialog.getByLabel('Reason (optional)').fill('The biomed team takes the camera over.');
    await dialog.getByLabel('Your PIN or password').fill(demoUser('incident_commander').pin);
    await shot(page, 'case-transfer-dialog');
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await expect(dialog).toHaveCount(0);
    const told = page.getByTestId('case-held-elsewhere');
    await expect(told).toContainText(
      'This station handed the case to station “Biomed workstation”: it is worked there now',
    );
    await expect(page.getByTestId('next-step')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Hand to another station…' })).toHaveCount(0);
    await expect(page.getByText('No priority: the case is closed.')).toHaveCount(0);
    await shot(page, 'case-transfer-handed-on');

    // The bundle travels through the folder: the biomed workstation works the case now.
    await exchange(folder, [post], [biomed]);
    await handOver(biomed, 'biomed');
    const received = await caseOf(biomed, 'NM-0003');
    await biomedPage.evaluate((hash) => (window.location.hash = hash), boardCaseHref(received));
    await expect(biomedPage.getByTestId('case-page')).toContainText('NM-0003');
    await expect(biomedPage.getByTestId('case-held-elsewhere')).toHaveCount(0);
    const history = biomedPage.getByRole('region', { name: 'History' });
    await expect(history).toContainText('at station “Command post”');
    await expect(biomedPage.getByTestId('next-step')).toBeVisible();
    await shot(biomedPage, 'case-transfer-received');
    await biomedPage.setViewportSize({ width: 1366, height: 850 });
    await history.scrollIntoViewIfNeeded();
    await shot(biomedPage, 'case-transfer-received-history');
    // A step taken there: the case moves on at the biomed workstation.
    await biomedPage.getByRole('button', { name: 'Suspected compromise: quarantine' }).click();
    await biomedPage
      .getByLabel('What was seen')
      .fill('Unexpected outbound traffic seen on the camera.');
    await biomedPage.getByRole('button', { name: 'Quarantine this device' }).click();
    await expect(biomedPage.getByTestId('case-page')).toContainText('Quarantined');
    const after = await biomed.api<{ state: string }>('cases.get', { caseId: received });
    expect(after.state).toBe('quarantined');
    expect(consoleErrors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
