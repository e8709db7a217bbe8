import { boardRow as row, choose } from './board-steps';
import { shot } from './case-steps';
import { openIncident, test } from './facility-stations';
import { demoUser, expect, openSection, sessionUser } from './fixtures';

test('the command post moves and assigns a case a floor station holds: each goes as a request, applied there', async ({
  page,
  facility: { post, exchange, enrol },
}) => {
  const laptop = await enrol('NM laptop 2', { incident: 'with NM-0003' });

  // The command post's incident for the advisory; the laptop's NM-0003 case arrives.
  await openIncident(post, false);
  await exchange([laptop], [post]);
  await page.reload();
  const commander = demoUser('incident_commander');
  await expect(sessionUser(page)).toContainText(commander.displayName);
  await openSection(page, 'Board');
  await expect(row(page, 'NM-0003')).toContainText('Held at NM laptop 2');

  // A bulk move: the case held at the laptop is ticked like any other and goes as a request.
  await row(page, 'NM-0003').locator('.board-check').click();
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
  await page.getByRole('button', { name: 'Move to…' }).click();
  const dialog = page.getByTestId('bulk-dialog');
  await choose(page, 'Move to', 'Assessing (1 request to another station)');
  await expect(
    dialog.getByTestId('bulk-will-request').locator('li[data-asset-tag="NM-0003"]'),
  ).toContainText('held at NM laptop 2, At risk there');
  await expect(dialog.getByTestId('bulk-what')).toHaveText(
    '1 case held at another station will be sent there as a request; the checks of that station decide.',
  );
  await dialog.getByLabel('Your PIN or password').fill(commander.pin);
  await shot(page, 'board-request-move');
  await dialog.getByRole('button', { name: 'Sign and move 1 case' }).click();
  const result = dialog.getByTestId('bulk-result');
  await expect(result.getByRole('status')).toHaveText(
    'Signed. 1 case sent as a request to the station holding it.',
  );
  await expect(
    dialog.getByTestId('requests-sent').locator('li[data-asset-tag="NM-0003"]'),
  ).toContainText('to NM laptop 2');
  await shot(page, 'board-request-move-sent');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // An assignment, to the demo technologist by staff ID, also goes as a request.
  const technologist = demoUser('technologist');
  // The selection stays after a decision.
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
  await page.getByRole('button', { name: 'Assign to…' }).click();
  await choose(page, 'Assign to', `${technologist.displayName} — Technologist`);
  await expect(page.getByRole('dialog')).toContainText(
    '1 of these cases is held at another station: it goes there as a request',
  );
  await page.getByRole('button', { name: 'Assign 1 case' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Sent as a request to the station holding 1 case',
  );
  await expect(page.getByTestId('requests-sent')).toContainText('NM-0003');
  await shot(page, 'board-request-assign-sent');
  await page.getByRole('button', { name: 'Done' }).click();

  // The requests travel in the command post's bundle; the answers come back in the laptop's.
  await exchange([post], [laptop]);
  await exchange([laptop], [post]);
  await page.reload();
  await openSection(page, 'Board');
  await expect(row(page, 'NM-0003')).toContainText('Assessing');
  await expect(row(page, 'NM-0003')).toContainText(technologist.displayName);
  await shot(page, 'board-request-applied');
});
