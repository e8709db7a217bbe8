import { cellsPastTheirRow } from './board-steps';
import { shot } from './case-steps';
import { openIncident, test } from './facility-stations';
import { demoUser, expect, openSection, sessionUser } from './fixtures';

/**
 * A command post that holds no case of its own sees the floor's case everywhere: on the board
 * (its station and its priority), in the chart of cases by state, in the briefing's top
 * priorities, and in the incident page's list, each naming the station that holds it.
 */
test('the command post’s board, briefing and incident page show a case held on the floor', async ({
  page,
  facility,
}) => {
  test.setTimeout(900_000);
  const { post, exchange } = facility;
  const laptop = await facility.enrol('NM laptop 2');
  await openIncident(laptop, true);
  await openIncident(post, false);
  await exchange([laptop], [post]);

  await page.reload();
  await expect(sessionUser(page)).toContainText(demoUser('incident_commander').displayName);
  await openSection(page, 'Board');
  const row = page.locator('tr[data-asset-tag="NM-0003"]');
  await expect(row).toContainText('Held at NM laptop 2');
  await expect(row).toContainText(/Priority \d/);
  await expect(page.locator('.board-chart-svg')).toHaveAttribute('aria-label', /Now: 1 At risk\./);
  // The floor opened its case before the command post opened the incident: in time order still.
  const [incident] = await post.api('incidents.list', {});
  const { points } = await post.api('board.timeline', { incidentId: incident?.id ?? 0 });
  const times = points.map((p) => p.at);
  expect(times).toEqual([...times].sort());
  // Where it is held, in the next step's place: every cell's words inside its row.
  await expect(row.getByTestId('board-row-station')).toHaveText('Held at NM laptop 2');
  await expect(row).toHaveAccessibleName(/^NM-0003, .+ · Held at NM laptop 2$/);
  expect(await cellsPastTheirRow(page)).toEqual([]);
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'facility-view-board-1024');
  await page.setViewportSize({ width: 1366, height: 850 });
  expect(await cellsPastTheirRow(page)).toEqual([]);
  await shot(page, 'facility-view-board-1366');

  await page.getByRole('tab', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'Incident briefing' }).click();
  const priorities = page
    .getByTestId('report-briefing')
    .getByRole('region', { name: 'Highest priority first' });
  await expect(priorities.getByRole('listitem')).toHaveCount(1);
  await expect(priorities.getByRole('listitem')).toContainText(
    'NM-0003 (ICSMA-17-215-02) · Held at NM laptop 2: Priority',
  );
  await priorities.scrollIntoViewIfNeeded();
  await shot(page, 'facility-view-briefing-1366');

  await openSection(page, 'Incidents');
  await page.getByRole('link', { name: /ICSMA-17-215-02 at the facility/ }).click();
  const listed = page.getByRole('list', { name: 'Devices in this incident' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  // Where it is held and worked, said once.
  await expect(listed).toContainText('Held at NM laptop 2');
  expect((await listed.innerText()).match(/NM laptop 2/g)).toHaveLength(1);
  // Held elsewhere: shown, not opened here.
  await expect(listed.getByRole('link')).toHaveCount(0);
  await shot(page, 'facility-view-incident-1366');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'facility-view-incident-1024');

  // In German: the same one phrase, on the incident page and the board.
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const aufgeführt = page
    .getByRole('list', { name: 'Geräte in diesem Vorfall' })
    .getByRole('listitem');
  await expect(aufgeführt).toContainText('Geführt an NM laptop 2');
  expect((await aufgeführt.innerText()).match(/NM laptop 2/g)).toHaveLength(1);
  await shot(page, 'facility-view-incident-de-1024');
  await page.setViewportSize({ width: 1366, height: 850 });
  await shot(page, 'facility-view-incident-de-1366');
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('link', { name: 'Lagebild', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  await expect(row).toContainText('Geführt an NM laptop 2');
  await expect(row).toContainText('Dort bearbeitet');
  await row.scrollIntoViewIfNeeded();
  expect(await cellsPastTheirRow(page)).toEqual([]);
  await shot(page, 'facility-view-board-de-1366');
  await page.setViewportSize({ width: 1024, height: 768 });
  await row.scrollIntoViewIfNeeded();
  expect(await cellsPastTheirRow(page)).toEqual([]);
  await shot(page, 'facility-view-board-de-1024');
});
