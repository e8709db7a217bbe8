import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../electron/api/permissions';
import { startBrowserServer, type BrowserServer } from '../electron/browser/server';
import { callApi } from './case-steps';
import { demoUser, loadDemoAndSignIn } from './fixtures';

/**
 * Stations of one facility for end-to-end tests: the harness page is the command post, each
 * floor station its own services in its own data folder and browser page, enrolled there.
 */

export const screen = { width: 1024, height: 768 };

/** One station of the facility in its own browser page, called as its signed-in user. */
export interface Station {
  page: Page;
  server: BrowserServer;
  api<T>(method: string, input?: object): Promise<T>;
}

export function station(page: Page, server: BrowserServer): Station {
  const request: APIRequestContext = page.request;
  return { page, server, api: (method, input = {}) => callApi(request, server, method, input) };
}

export async function handOver(s: Station, role: Role): Promise<number> {
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
export async function openIncident(s: Station, withNm0003: boolean): Promise<void> {
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

export async function exchange(folder: string, from: Station[], to: Station[]): Promise<void> {
  for (const s of from) await s.api('exchange.export', { outDir: folder });
  const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
  for (const s of to) await s.api('exchange.import', { files });
}

/** A floor station in its own data folder under `scratch`, enrolled at `post`. */
export async function enrolledFloor(
  browser: Browser,
  post: Station,
  scratch: string,
  name: string,
): Promise<{ floor: Station; context: BrowserContext }> {
  const server = await startBrowserServer({ dataDir: path.join(scratch, name) });
  const context = await browser.newContext({ viewport: screen });
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
  return { floor, context };
}
