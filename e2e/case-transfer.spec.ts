import type { Role } from '../electron/api/permissions';
import { boardCaseHref } from '../renderer/src/board/board-hrefs';
import { shot } from './case-steps';
import {
  caseOf,
  handOver as handOverByApi,
  openIncident,
  test,
  type Station,
} from './facility-stations';
import { demoUser, expect, sessionUser } from './fixtures';

/** The next person takes the station over, and its page shows them. */
async function handOver(s: Station, role: Role): Promise<void> {
  await handOverByApi(s, role);
  await s.page.reload();
  await expect(sessionUser(s.page)).toContainText(demoUser(role).displayName);
}

test('the command post hands a case to the biomed workstation through a folder, and it is worked there', async ({
  page,
  facility: { post, exchange, enrol },
}) => {
  const biomed = await enrol('Biomed workstation');
  const biomedPage = biomed.page;
  await openIncident(post, true);
  await openIncident(biomed, false);
  // The commander's page shows the commander, who hands the case on from it.
  await page.reload();
  await expect(sessionUser(page)).toContainText(demoUser('incident_commander').displayName);
  await exchange([biomed], [post]);

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
  await exchange([post], [biomed]);
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
  const after = await biomed.api('cases.get', { caseId: received });
  expect(after.state).toBe('quarantined');
});
