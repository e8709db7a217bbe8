import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boardRow, choose, runDemoWalkthrough, sidewaysOverflow } from './board-steps';
import { callApi, shot } from './case-steps';
import { demoUser, expect, sessionUser, test } from './fixtures';

/**
 * A station set up in German from its first screen: the demo is loaded in German (its departments,
 * notes and the walkthrough's incident), and the commander's bulk moves say in German what moves,
 * what stays and why, and how the signed decision ended: amber when only some cases moved, red
 * when none did. At the smallest supported window; axe checks each screen (fixtures.ts).
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The demo's English words and their German, as the demo loader writes them in German. */
const demoWords = Object.entries(
  JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'resources/demo/words.de.json'), 'utf8'),
  ) as Record<string, string>,
).filter(([english, german]) => english !== german);

/** The demo's English words (those with a German of their own) that a text holds. */
const englishDemoWords = (text: string) =>
  demoWords
    .map(([english]) => english.split('{')[0]?.trim() ?? '')
    .filter((english) => english !== '' && text.includes(english));

/** The app's own words in English where German is expected: the bulk dialog's and the board's. */
const englishBulk =
  /\b(cases?|moved|signed|stays?|from|there is no step|cannot|will move|At risk|Assessing)\b/i;

test.use({ viewport: { width: 1024, height: 768 } });

/** This station's case of a device (the walkthrough's one incident), as the API lists it. */
async function caseOf(
  request: Parameters<typeof callApi>[0],
  harness: Parameters<typeof callApi>[1],
  assetTag: string,
) {
  const { cases } = await callApi(request, harness, 'cases.list', {});
  const found = cases.find((c) => c.assetTag === assetTag);
  if (!found) throw new Error(`no case of ${assetTag} on this station`);
  return found;
}

/** Another decision moves a case to Assessing: signed by the commander, as the dialog would. */
async function moveElsewhere(
  request: Parameters<typeof callApi>[0],
  harness: Parameters<typeof callApi>[1],
  at: { caseId: number; incidentId: number },
  secret: string,
) {
  await callApi(request, harness, 'cases.bulkTransition', {
    incidentId: at.incidentId,
    caseIds: [at.caseId],
    target: 'assessing',
    signoff: { secret, language: 'de' },
  });
}

/** The dialog's own box and the page: nothing wider than the window. */
async function expectNothingSideways(page: Page) {
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, main: 0 });
  const dialog = page.getByRole('dialog');
  expect(await dialog.evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1024).toBe(true);
}

test('a station set up in German loads the demo in German; the bulk move reads German to its result', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(600_000);
  // The first screen of a fresh data folder, switched to German before anything is loaded.
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this station' })).toBeVisible();
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Diese Station einrichten' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, main: 0 });
  await shot(page, 'de-first-run-1024');
  await page.getByRole('button', { name: 'Demo-Einrichtung laden' }).click();

  // Signing in, in German.
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible({
    timeout: 120_000,
  });
  const commander = demoUser('incident_commander');
  await page.locator('.user-card', { hasText: commander.displayName }).click();
  await page.getByLabel('PIN oder Passwort').fill(commander.pin);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(sessionUser(page)).toContainText(commander.displayName);

  // The demo's devices: departments and places in German, none of the demo's English words.
  await page.getByRole('navigation').getByRole('link', { name: 'Geräte', exact: true }).click();
  const inventory = page.getByRole('table', { name: 'Geräteinventar' });
  await expect(inventory).toContainText('Nuklearmedizin');
  await expect(inventory).toContainText('Kardiologie');
  await expect(inventory).toContainText('Intensivmedizin');
  expect(englishDemoWords(await page.locator('#main').innerText())).toEqual([]);
  await shot(page, 'de-demo-devices-1024');
  // A device's notes, as the demo wrote them in German.
  await inventory
    .getByRole('button', { name: 'Alle Angaben zu NM-0001 zeigen', exact: true })
    .click();
  const details = page.getByRole('dialog');
  await expect(details).toContainText('Haupt-PET/CT der Onkologie');
  expect(englishDemoWords(await details.innerText())).toEqual([]);
  await shot(page, 'de-demo-device-details-1024');
  await details.getByRole('button', { name: 'Schließen' }).first().click();

  // The walkthrough opens the demo's incident under its German name.
  await runDemoWalkthrough(page, 'de');
  await expect(page.locator('#main')).toContainText('Reaktion auf ICSMA-17-215-02');
  await expect(page.locator('#main')).not.toContainText('ICSMA-17-215-02 response');

  // The board in German: the incident, the counts by state, the rows' departments.
  await page.getByRole('navigation').getByRole('link', { name: 'Lagebild', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  await expect(page.getByTestId('board-matching')).toHaveText('8 von 8 Fällen angezeigt');
  await expect(page.locator('#main')).toContainText('Reaktion auf ICSMA-17-215-02');
  await expect(page.getByTestId('count-state-at_risk')).toContainText('Gefährdet');
  await expect(page.getByTestId('count-state-deferred')).toContainText('Zurückgestellt');
  await expect(page.locator('.board-table')).toContainText('Nuklearmedizin');
  const boardText = await page.locator('#main').innerText();
  expect(englishDemoWords(boardText)).toEqual([]);
  expect(boardText).not.toMatch(/\b(At risk|Assessing|Deferred|Back in service|cases shown)\b/);
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, main: 0 });
  await shot(page, 'de-demo-board-1024');

  // Bulk move: two at-risk cases can go to „In Beurteilung“, the standalone NM-0006 cannot.
  const tick = (tag: string) => boardRow(page, tag).locator('.board-check').click();
  await tick('NM-0002');
  await tick('NM-0004');
  await tick('NM-0006');
  await expect(page.getByTestId('selection-count')).toHaveText('3 ausgewählt');
  await page.getByRole('button', { name: 'Verschieben nach…' }).click();
  const dialog = page.getByTestId('bulk-dialog');
  await expect(dialog.getByRole('heading', { name: '3 Fälle verschieben' })).toBeVisible();
  await choose(page, 'Verschieben nach', 'In Beurteilung (2 von 3 jetzt möglich)');
  await expect(dialog.getByTestId('bulk-what')).toHaveText(
    'Sie verschieben 2 Fälle nach „In Beurteilung“.',
  );
  await expect(dialog.getByTestId('bulk-will-move').locator('li')).toHaveCount(2);
  const preview = dialog.getByTestId('bulk-preview');
  await expect(preview.getByRole('heading')).toHaveText([
    '2 Fälle werden verschoben',
    '1 Fall bleibt, wie er ist',
  ]);
  const stays = dialog.getByTestId('bulk-will-stay');
  await expect(stays.locator('li[data-asset-tag="NM-0006"]')).toContainText(
    'Von „Standalone“ gibt es keinen Schritt nach „In Beurteilung“.',
  );
  expect(await dialog.innerText()).not.toMatch(englishBulk);
  await dialog.getByLabel('Ihre PIN oder Ihr Passwort').fill(commander.pin);
  await expectNothingSideways(page);
  await shot(page, 'de-bulk-preview-1024');

  // Meanwhile NM-0004 moves by another decision: signed, only NM-0002 moves. Amber, with why.
  await moveElsewhere(request, harness, await caseOf(request, harness, 'NM-0004'), commander.pin);
  await dialog.getByRole('button', { name: 'Unterschreiben und 2 Fälle verschieben' }).click();
  const result = dialog.getByTestId('bulk-result');
  await expect(result.getByRole('status')).toHaveText(
    'Unterschrieben, aber nur teilweise erledigt: 1 Fall verschoben, 1 nicht. Die Gründe sehen Sie unten.',
  );
  await expect(result.getByRole('status')).toHaveClass(/notice-warning/);
  const refused = dialog.getByTestId('bulk-refused');
  await expect(refused.getByRole('heading')).toHaveText('1 Fall wurde nicht verschoben');
  const why = refused.locator('li[data-asset-tag="NM-0004"] .board-bulk-reason');
  await expect(why).not.toBeEmpty();
  expect(await why.innerText()).not.toMatch(englishBulk);
  const moved = dialog.getByTestId('bulk-moved');
  await expect(moved.getByRole('heading')).toHaveText('1 Fall erledigt');
  await expect(moved.locator('li[data-asset-tag="NM-0002"]')).toContainText(
    'Gefährdet → In Beurteilung',
  );
  expect(await dialog.innerText()).not.toMatch(englishBulk);
  await expectNothingSideways(page);
  await shot(page, 'de-bulk-partial-1024');
  await dialog.getByRole('button', { name: 'Fertig' }).click();

  // One more at-risk case, moved elsewhere before the signature: nothing changes. Red, with why.
  await page.getByRole('button', { name: 'Auswahl aufheben' }).click();
  const { cases } = await callApi(request, harness, 'cases.list', { state: 'at_risk' });
  const last = cases[0];
  if (!last) throw new Error('the walkthrough left no case at risk');
  await tick(last.assetTag);
  await page.getByRole('button', { name: 'Verschieben nach…' }).click();
  await choose(page, 'Verschieben nach', 'In Beurteilung (1 von 1 jetzt möglich)');
  await dialog.getByLabel('Ihre PIN oder Ihr Passwort').fill(commander.pin);
  await moveElsewhere(request, harness, last, commander.pin);
  await dialog.getByRole('button', { name: 'Unterschreiben und 1 Fall verschieben' }).click();
  await expect(result.getByRole('status')).toHaveText(
    'Unterschrieben, aber nichts geändert: 1 Fall nicht verschoben. Den Grund sehen Sie unten.',
  );
  await expect(result.getByRole('status')).toHaveClass(/notice-danger/);
  await expect(refused.locator(`li[data-asset-tag="${last.assetTag}"]`)).toBeVisible();
  await expect(dialog.getByTestId('bulk-moved')).toHaveCount(0);
  expect(await dialog.innerText()).not.toMatch(englishBulk);
  await expectNothingSideways(page);
  await shot(page, 'de-bulk-none-1024');
});
