import type { Page } from '@playwright/test';
import { boardRow, choose, demoWalkthroughAsCommander, runDemoWalkthrough } from './board-steps';
import { shot } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, test } from './fixtures';

async function openBoard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(page.getByTestId('board-matching')).toBeVisible();
}

const row = boardRow;
const tick = (page: Page, assetTag: string) => row(page, assetTag).locator('.board-check').click();

test('the commander sees the right counts, filters, assigns and moves cases in bulk', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const commander = await demoWalkthroughAsCommander(page);
  await openBoard(page);

  // The walkthrough leaves 8 cases: 4 at risk and one in each of four other states.
  await expect(page.getByTestId('board-matching')).toHaveText('8 cases shown of 8');
  await expect(page.getByTestId('count-state-at_risk')).toContainText('4');
  await expect(page.getByTestId('count-state-deferred')).toContainText('1');
  await expect(page.getByTestId('count-state-standalone')).toContainText('1');
  await expect(page.getByTestId('count-state-protected_connected')).toContainText('1');
  await expect(page.getByTestId('count-state-returned_to_service')).toContainText('1');
  await expect(page.getByTestId('count-hics-fully_functional')).toContainText('7');
  await expect(page.getByTestId('count-hics-partially_functional')).toContainText('1');
  await expect(page.getByTestId('count-hics-non_functional')).toContainText('0');
  // NM-0003 is deferred because an injected patient is still waiting: blocked.
  await expect(page.getByTestId('attention-blocked')).toContainText('NM-0003');
  await expect(page.getByRole('img', { name: /Stacked bars of the cases/ })).toBeVisible();
  await shot(page, 'board-overview');

  // A count filters the list; pressing it again clears that filter.
  await page.getByTestId('count-state-at_risk').click();
  await expect(page.getByTestId('board-matching')).toHaveText('4 cases shown of 8');
  await expect(row(page, 'NM-0001')).toHaveCount(0);
  await page.getByTestId('count-state-at_risk').click();
  await expect(page.getByTestId('board-matching')).toHaveText('8 cases shown of 8');

  // A dropdown filter from the facets: the one device at the other site.
  await choose(page, 'Site', /^Standort Seefeld/);
  await expect(page.getByTestId('board-matching')).toHaveText('1 case shown of 8');
  await expect(row(page, 'NM-0002')).toBeVisible();
  await shot(page, 'board-filtered');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('board-matching')).toHaveText('8 cases shown of 8');

  // Assign two unassigned cases to the demo technologist at once.
  const technologist = demoUser('technologist');
  await tick(page, 'NM-0002');
  await tick(page, 'NM-0004');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await page.getByRole('button', { name: 'Assign to…' }).click();
  await choose(page, 'Assign to', `${technologist.displayName} — Technologist`);
  await shot(page, 'board-assign');
  await page.getByRole('button', { name: 'Assign 2 cases' }).click();
  await expect(page.getByRole('status')).toContainText(
    `2 cases are now assigned to ${technologist.displayName}.`,
  );
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, 'NM-0002')).toContainText(technologist.displayName);
  await expect(row(page, 'NM-0004')).toContainText(technologist.displayName);

  // Bulk move: the dialog lists the devices first. Two at-risk cases can move to Assessing; the
  // standalone NM-0006 cannot, and says why before anyone signs; only the two are signed for.
  await tick(page, 'NM-0006');
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Move to…' }).click();
  const dialog = page.getByTestId('bulk-dialog');
  await choose(page, 'Move to', 'Assessing (2 of 3 can move now)');
  await expect(dialog.getByTestId('bulk-what')).toHaveText('You will move 2 cases to “Assessing”.');
  await expect(dialog.getByTestId('bulk-will-move').locator('li')).toHaveCount(2);
  await expect(
    dialog.getByTestId('bulk-will-stay').locator('li[data-asset-tag="NM-0006"]'),
  ).toContainText('From Standalone there is no step to Assessing.');
  await dialog.getByLabel('Your PIN or password').fill(commander.pin);
  await shot(page, 'board-bulk-move');
  await dialog.getByRole('button', { name: 'Sign and move 2 cases' }).click();
  const result = dialog.getByTestId('bulk-result');
  await expect(result.getByRole('status')).toHaveText('Signed. 2 cases moved.');
  await expect(result.getByRole('status')).toHaveClass(/notice-success/);
  await expect(dialog.getByTestId('bulk-moved').locator('li')).toHaveCount(2);
  await shot(page, 'board-bulk-result');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(page.getByTestId('count-state-at_risk')).toContainText('2');
  await expect(page.getByTestId('count-state-assessing')).toContainText('2');
  await expect(page.getByTestId('count-state-standalone')).toContainText('1');
  await expect(row(page, 'NM-0002')).toContainText('Assessing');
  await shot(page, 'board-after-bulk');

  // Nothing can take a re-check time: the dialog says so and asks for no signature.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await tick(page, 'NM-0005');
  await page.getByRole('button', { name: 'Re-check time…' }).click();
  await expect(dialog.getByTestId('bulk-nothing')).toHaveText(
    'The chosen case is not deferred, so there is no re-check time to set and nothing to sign.',
  );
  await expect(dialog.getByLabel('Your PIN or password')).toHaveCount(0);
  await shot(page, 'board-bulk-nothing');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // One re-check time for a group: only the deferred NM-0003 takes it; NM-0005 is listed as not.
  await tick(page, 'NM-0003');
  await page.getByRole('button', { name: 'Re-check time…' }).click();
  await expect(dialog.getByTestId('bulk-what')).toContainText(
    'You will set the re-check time of 1 deferred case to',
  );
  await expect(
    dialog.getByTestId('bulk-will-stay').locator('li[data-asset-tag="NM-0005"]'),
  ).toBeVisible();
  await dialog.getByLabel('Your PIN or password').fill(commander.pin);
  await dialog.getByRole('button', { name: 'Sign and set for 1 case' }).click();
  await expect(dialog.getByTestId('bulk-result')).toContainText('Signed. 1 re-check time set.');
  await shot(page, 'board-bulk-recheck');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A row opens the case page, with a way back to the board.
  await row(page, 'NM-0003').getByRole('link', { name: 'Open the case of NM-0003' }).click();
  await expect(page).toHaveURL(/#\/board\/case\/\d+$/);
  await expect(page.getByText('NM-0003').first()).toBeVisible();
  await shot(page, 'board-case');
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await expect(page.getByTestId('board-matching')).toHaveText('8 cases shown of 8');

  // "My devices" of the technologist shows the cases assigned to them.
  await page.getByRole('button', { name: 'Hand over' }).click();
  await page.locator('.user-card', { hasText: technologist.displayName }).click();
  await page.getByLabel('PIN or password').fill(technologist.pin);
  await page.getByRole('button', { name: 'Take over the station' }).click();
  await expect(sessionUser(page)).toContainText(technologist.displayName);
  await page.getByRole('link', { name: 'My devices', exact: true }).click();
  await expect(page.getByText('NM-0002').first()).toBeVisible();
  await expect(page.getByText('NM-0004').first()).toBeVisible();
});

test('a clinical lead sees the board read-only, without selection or bulk actions', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await loadDemoAndSignIn(page, 'clinical_lead');
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await expect(page.getByText('No incident to show')).toBeVisible();
  await shot(page, 'board-empty');
  await runDemoWalkthrough(page);
  await openBoard(page);
  await expect(page.getByTestId('board-matching')).toHaveText('8 cases shown of 8');
  await expect(page.getByText('You can look at the board.')).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Move to…' })).toHaveCount(0);
  await shot(page, 'board-read-only');
});
