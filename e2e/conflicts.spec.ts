import { boardCaseHref } from '../renderer/src/board/board-hrefs';
import { shot } from './case-steps';
import { caseOf, openIncident, test, type Station } from './facility-stations';
import { demoUser, expect, openSection, sessionUser } from './fixtures';

test('two floor stations open a case for one device: the commander chooses, the other floor is told', async ({
  page,
  facility,
}) => {
  const { post, exchange } = facility;
  const floors: Station[] = [];
  for (const name of ['NM laptop 2', 'Biomed workstation']) {
    floors.push(await facility.enrol(name, { incident: 'with NM-0003' }));
  }
  const biomed = floors[1] as Station;

  // The command post opens its incident for the advisory and receives both floors' cases.
  await openIncident(post, false);
  await exchange(floors, [post]);
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
  await exchange([post], [biomed]);
  const lost = await caseOf(biomed, 'NM-0003');
  await biomed.page.reload();
  await biomed.page.evaluate((hash) => (window.location.hash = hash), boardCaseHref(lost));
  const told = biomed.page.getByTestId('case-held-elsewhere');
  await expect(told).toContainText(
    'The incident commander chose station “NM laptop 2” to hold this case',
  );
  await expect(biomed.page.getByTestId('next-step')).toHaveCount(0);
  await shot(biomed.page, 'case-held-elsewhere');
});
