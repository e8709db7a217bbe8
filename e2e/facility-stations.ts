import type { APIRequestContext, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, MethodName, ResultOf } from '../electron/api/methods';
import type { Role } from '../electron/api/permissions';
import { startBrowserServer, type BrowserServer } from '../electron/browser/server';
import { callApi } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, test as harnessTest } from './fixtures';

/**
 * Stations of one facility for end-to-end tests: the harness page is the command post, each
 * floor station its own services in its own data folder and browser page, enrolled there.
 */

export const screen = { width: 1024, height: 768 };

/** One station of the facility in its own browser page, called as its signed-in user. */
export interface Station {
  page: Page;
  server: BrowserServer;
  api<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
}

export function station(page: Page, server: BrowserServer): Station {
  const request: APIRequestContext = page.request;
  return { page, server, api: (method, input) => callApi(request, server, method, input) };
}

/** The station's page in `language` (as the sign-in screen and Settings store it), on `section`. */
export async function inLanguage(
  s: Station,
  language: 'de' | 'en',
  section: string,
): Promise<void> {
  await s.page.evaluate((l) => localStorage.setItem('standalone.language', l), language);
  await s.page.reload();
  await expect(s.page.locator('html')).toHaveAttribute('lang', language);
  await s.page
    .getByRole('navigation', { name: language === 'de' ? 'Bereiche' : 'Sections' })
    .getByRole('link', { name: section, exact: true })
    .click();
  await expect(s.page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

export async function handOver(s: Station, role: Role): Promise<number> {
  const user = demoUser(role);
  const status = await s.api('session.handOver', { staffId: user.staffId, secret: user.pin });
  if (!status.user) throw new Error(`${user.displayName} did not take the station`);
  return status.user.id;
}

/** The case a station holds (or received) for the device `assetTag`. */
export async function caseOf(s: Station, assetTag: string): Promise<number> {
  const { cases } = await s.api('cases.list', {});
  const found = cases.find((c) => c.assetTag === assetTag);
  if (!found) throw new Error(`No case for ${assetTag}`);
  return found.caseId;
}

/**
 * The commander opens an incident for ICSMA-17-215-02; at a floor station, a biomed has first
 * confirmed the NM-0003 match, so the incident opens its case there.
 */
export async function openIncident(s: Station, withNm0003: boolean): Promise<void> {
  await handOver(s, 'biomed');
  const { matches } = await s.api('matches.list', { status: 'suggested', limit: 500 });
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

/** The facility of one test: its command post, the floor stations it enrols, one shared folder. */
export interface Facility {
  /** The harness page at 1024×768: demo loaded, named "Command post", signing unlocked. */
  post: Station;
  /** The folder every bundle goes through. */
  folder: string;
  /**
   * A floor station in its own data folder and browser page, enrolled at the command post; with
   * `incident`, its commander has opened the incident for ICSMA-17-215-02 there (openIncident).
   */
  enrol: (
    name: string,
    options?: { incident: 'with NM-0003' | 'without NM-0003' },
  ) => Promise<Station>;
  /** The `from` stations write their bundles into the folder; the `to` stations import them all. */
  exchange: (from: Station[], to: Station[]) => Promise<void>;
}

/**
 * The harness test with a `facility`: its scratch folder, the floor stations' services and
 * browser contexts are closed and removed after the test, whatever its outcome. The harness page's
 * console errors fail the test as in every spec (e2e/fixtures.ts).
 */
export const test = harnessTest.extend<{ facility: Facility }>({
  facility: async ({ page, harness, browser }, use, testInfo) => {
    // Several stations' services and pages on a busy machine: minutes each.
    testInfo.setTimeout(900_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-facility-'));
    const folder = path.join(scratch, 'shared');
    fs.mkdirSync(folder);
    const open: { close(): Promise<void> }[] = [];
    try {
      await page.setViewportSize(screen);
      await loadDemoAndSignIn(page, 'admin');
      const post = station(page, harness);
      await post.api('stations.init', { name: 'Command post' });
      await post.api('signing.unlock', { passphrase: 'demo-signing-only' });
      await use({
        post,
        folder,
        async enrol(name, options) {
          const server = await startBrowserServer({ dataDir: path.join(scratch, name) });
          open.push(server);
          const context = await browser.newContext({ viewport: screen });
          open.push(context);
          const floorPage = await context.newPage();
          await floorPage.goto(server.openUrl);
          await loadDemoAndSignIn(floorPage, 'admin');
          const floor = station(floorPage, server);
          await floor.api('stations.init', { name });
          const request = await floor.api('stations.request', {});
          const enrolled = await post.api('stations.enrol', { request: request.content });
          await floor.api('stations.accept', { response: enrolled.response.content });
          if (options) await openIncident(floor, options.incident === 'with NM-0003');
          return floor;
        },
        async exchange(from, to) {
          for (const s of from) await s.api('exchange.export', { outDir: folder });
          const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
          for (const s of to) await s.api('exchange.import', { files });
        },
      });
    } finally {
      // Contexts before the servers they talk to.
      for (const x of open.reverse()) await x.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  },
});
