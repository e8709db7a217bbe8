import type { Page } from '@playwright/test';
import { callApi, shot } from './case-steps';
import { englishIn, german } from './english-words';
import { demoUser, expect, sessionUser, test } from './fixtures';
import type { Role } from '../electron/api/permissions';

/**
 * A guard that no English is left on a German station: from the first-run screen through the demo
 * walkthrough, every page, its tabs and the main dialogs, as the commander and as the
 * administrator. Each screen's visible text (and the names and hints read aloud) is searched for
 * the English catalogues' words (english-words.ts); the test fails listing every one found, with
 * the screen and the text around it.
 */
test.use({ viewport: { width: 1024, height: 768 } });

/**
 * English a German screen still shows, by where it shows (a selector), each with why. None now:
 * the match reasons are catalogue words, worded in the station's language.
 */
const knownEnglish: string[] = [];

interface Leak {
  screen: string;
  phrase: string;
  source: string;
  context: string;
}

/**
 * What the screen shows and says, as runs of text: each visible text node, and the labels, titles
 * and hints read aloud. Text marked as another language (`lang="en"`: an advisory as its publisher
 * wrote it) or as not to be translated (`translate="no"`: a certificate's subject) is left out.
 */
const screenText = (page: Page) =>
  page.evaluate((known) => {
    const german = (el: Element) =>
      (el.closest('[lang]')?.getAttribute('lang') ?? 'de').startsWith('de') &&
      !el.closest(['[translate="no"]', ...known].join(', '));
    const shown = (el: Element) => el.getClientRects().length > 0;
    const runs: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (text && parent && shown(parent) && german(parent)) runs.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!shown(el) || !german(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) runs.push(value);
      }
    }
    return runs;
  }, knownEnglish);

/**
 * Wait until the screen has loaded what it shows: no table still busy, and its text the same on two
 * looks in a row (a page's calls answer after it first renders).
 */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  let before = '';
  await expect
    .poll(async () => {
      const now = (await screenText(page)).join('\n');
      const same = now === before;
      before = now;
      return same;
    })
    .toBe(true);
}

async function look(page: Page, screen: string, leaks: Leak[]) {
  await settled(page);
  for (const { phrase, context } of englishIn(await screenText(page))) {
    leaks.push({ screen, phrase: phrase.phrase, source: phrase.source, context });
  }
}

/** Every tab of the screen in turn (Settings' sections, the board's reports, an advisory's parts). */
async function lookAtTabs(page: Page, screen: string, leaks: Leak[], scope = page.locator('body')) {
  const tabs = scope.getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i += 1) {
    const tab = tabs.nth(i);
    const name = (await tab.innerText()).trim();
    await tab.click();
    await look(page, `${screen} › ${name}`, leaks);
  }
}

async function openPage(page: Page, hash: string) {
  await page.goto(`${page.url().split('#')[0]}#/${hash}`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

async function signInGerman(page: Page, role: Role) {
  const user = demoUser(role);
  await expect(
    page.getByRole('heading', { level: 1, name: german('people.signIn.title') }),
  ).toBeVisible({ timeout: 120_000 });
  await page.locator('.user-card', { hasText: user.displayName }).click();
  await page.getByLabel(german('people.signIn.secret')).fill(user.pin);
  await page.getByRole('button', { name: german('people.signIn.submit'), exact: true }).click();
  await expect(sessionUser(page)).toContainText(user.displayName);
}

const describe = (leaks: Leak[]) =>
  leaks.map((l) => `${l.screen}: "${l.phrase}" (${l.source}) in "…${l.context}…"`).join('\n');

test('a German station shows no English on any page or main dialog', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(900_000);
  const leaks: Leak[] = [];

  // First run, in German: the station's language as the first-run screen and Settings store it.
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await look(page, 'first run', leaks);
  await page.getByRole('button', { name: german('people.firstRun.create') }).click();
  await expect(page.locator('.field-error').first()).toBeVisible();
  await look(page, 'first run, submitted empty', leaks);
  await page.getByRole('button', { name: german('people.firstRun.loadDemo') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: german('people.signIn.title') }),
  ).toBeVisible({ timeout: 120_000 });
  await look(page, 'sign-in', leaks);

  // The commander runs the demo walkthrough: cases in several states, on the board and reports.
  await signInGerman(page, 'incident_commander');
  await openPage(page, 'incidents');
  await page.getByRole('button', { name: german('cases.incidents.walkthrough.run') }).click();
  await expect(
    page.getByRole('link', { name: german('cases.incidents.walkthrough.open') }),
  ).toBeVisible({ timeout: 120_000 });
  await look(page, 'Incidents (walkthrough done)', leaks);
  await shot(page, 'de-leaks-walkthrough-1024');

  const [incident] = await callApi(request, harness, 'incidents.list', {});
  expect(incident).toBeDefined();
  const incidentId = incident?.id ?? 0;
  await openPage(page, `incidents/${incidentId}`);
  await look(page, 'Incident', leaks);

  await openPage(page, 'incidents');
  await page.getByRole('button', { name: german('cases.incidents.create.open') }).click();
  await look(page, 'Incidents: open an incident', leaks);

  await openPage(page, 'board');
  await look(page, 'Board', leaks);
  // The bulk move's preview: who moves, who stays and why.
  const checks = page.locator('tr[data-asset-tag] .board-check');
  await checks.nth(0).click();
  await checks.nth(1).click();
  await checks.nth(2).click();
  await page.getByRole('button', { name: german('board.selection.move') }).click();
  const bulk = page.getByTestId('bulk-dialog');
  await bulk.locator('.filter-select').getByRole('button').first().click();
  await page.getByRole('option').first().click();
  await look(page, 'Board: bulk move', leaks);
  await shot(page, 'de-leaks-bulk-1024');
  await bulk.getByRole('button', { name: german('board.dialog.cancel') }).click();
  await page.getByRole('button', { name: german('board.selection.assign') }).click();
  await look(page, 'Board: assign', leaks);
  await page.getByRole('button', { name: german('board.dialog.cancel') }).click();
  await lookAtTabs(page, 'Board', leaks);
  await openPage(page, 'board/reports');
  await lookAtTabs(page, 'Board reports', leaks, page.locator('#main'));
  await shot(page, 'de-leaks-reports-1024');

  // One case of each state the walkthrough left.
  const { cases } = await callApi(request, harness, 'cases.list', { incidentId });
  const byState = new Map(cases.map((c) => [c.state, c]));
  expect(byState.size).toBeGreaterThan(2);
  for (const [state, c] of byState) {
    await openPage(page, `board/case/${c.caseId}`);
    await expect(page.getByTestId('case-state')).toBeVisible();
    await look(page, `Case ${c.assetTag} (${state})`, leaks);
  }

  // The administrator: every page, Settings' sections, a device's details, an advisory.
  await page.getByRole('button', { name: german('people.header.signOut') }).click();
  await page.locator('.user-card', { hasText: demoUser('admin').displayName }).click();
  await page.getByLabel(german('people.signIn.secret')).fill('000000');
  await page.getByRole('button', { name: german('people.signIn.submit'), exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await look(page, 'sign-in, wrong PIN', leaks);
  await signInGerman(page, 'admin');
  for (const hash of ['my-devices', 'devices', 'advisories', 'threats', 'incidents', 'exchange']) {
    await openPage(page, hash);
    await look(page, hash, leaks);
  }
  await openPage(page, 'settings');
  await lookAtTabs(page, 'Settings', leaks);
  await page.getByRole('tab', { name: german('settings.tabs.users') }).click();
  await page.getByRole('button', { name: german('people.users.add'), exact: true }).click();
  await expect(page.locator('.field-error').first()).toBeVisible();
  await shot(page, 'de-leaks-add-user-empty-1024');
  await look(page, 'Settings › users: add, submitted empty', leaks);

  await openPage(page, 'devices');
  await page
    .getByRole('button', { name: german('devices.details.open', { assetTag: 'NM-0001' }) })
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const reasons = page.getByRole('dialog').locator('.match-reasons li');
  await expect(reasons.first()).toContainText('Hersteller:');
  await reasons.first().scrollIntoViewIfNeeded();
  await shot(page, 'de-match-reasons-device-1024');
  await look(page, 'Device NM-0001 dialog', leaks);
  await page.keyboard.press('Escape');

  const [advisory] = await callApi(request, harness, 'advisories.list', {});
  await openPage(page, `advisories/${advisory?.id ?? 0}`);
  await look(page, `Advisory ${advisory?.trackingId ?? ''}`, leaks);
  await lookAtTabs(page, `Advisory ${advisory?.trackingId ?? ''}`, leaks, page.locator('#main'));
  await shot(page, 'de-leaks-advisory-1024');

  expect(leaks, `English on German screens:\n${describe(leaks)}`).toEqual([]);
});
