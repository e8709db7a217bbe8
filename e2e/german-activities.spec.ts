import { cellsPastTheirRow, demoWalkthroughAsCommander, sidewaysOverflow } from './board-steps';
import { shot } from './case-steps';
import { expect, test } from './fixtures';

// The app's own sentences for what people did; names, asset tags and reasons are as recorded.
const englishActivity =
  /\b(Opened|Moved|Signed|Answered|Exported|Assigned|Handed|the incident|items of|for case)\b/;

const englishPosition =
  /Clinical lead|Incident commander|Clinical engineering|IT security|Technologist|Operator \(command/;

// The briefing's planned actions as the services' English words them.
const englishPlan = /\b(start the assessment|finish the|answer the|patching|reconnect)\b/;

test.use({ viewport: { width: 1024, height: 768 } });

test('the HICS 214 and the briefing word each activity and position in German', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await demoWalkthroughAsCommander(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Time and language' }).click();
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('navigation').getByRole('link', { name: 'Lagebild', exact: true }).click();
  // The walkthrough's eight cases, held here: each row's German steps, re-check and gate inside it.
  const rows = page.locator('.board-table tr.vtable-row[data-asset-tag]');
  await expect(rows).toHaveCount(8);
  await expect(page.locator('.board-table')).toContainText('Erneut prüfen um');
  expect(await cellsPastTheirRow(page)).toEqual([]);
  await rows.first().scrollIntoViewIfNeeded();
  await shot(page, 'de-board-rows-1024');
  await page.getByRole('tab', { name: 'Berichte' }).click();

  await page.getByRole('tab', { name: 'HICS 214 Tätigkeitsprotokoll' }).click();
  const hics214 = page.getByTestId('report-hics214');
  const positions = hics214.locator('.report-position');
  await expect(positions.first()).toBeVisible();
  await expect(hics214.locator('.report-position', { hasText: 'Einsatzleitung' })).not.toHaveCount(
    0,
  );
  await expect(hics214).toContainText(/Freigabe .+ für NM-\d+ gegeben/);
  const lines = hics214.locator('tbody tr');
  expect(await lines.count()).toBeGreaterThan(5);
  for (const text of await lines.allInnerTexts()) expect(text).not.toMatch(englishActivity);
  for (const text of await positions.allInnerTexts()) expect(text).not.toMatch(englishPosition);
  await hics214.locator('.report-section').first().scrollIntoViewIfNeeded();
  await shot(page, 'de-report-hics214-1024');

  await page.getByRole('tab', { name: 'Lagebesprechung' }).click();
  const briefing = page.getByTestId('report-briefing');
  const taken = briefing.getByRole('region', { name: '3. Ergriffene Maßnahmen' });
  const actions = taken.locator('tbody tr');
  await expect(actions.first()).toBeVisible();
  for (const text of await actions.allInnerTexts()) expect(text).not.toMatch(englishActivity);
  await taken.scrollIntoViewIfNeeded();
  await shot(page, 'de-report-briefing-1024');
  // The rest of the briefing: the planned actions and the positions in the catalogue's German
  // (as the PDF words them), nothing wider than the window.
  // Each advisory's ID once: its CISA title without the ID it starts with.
  const situation = briefing.getByRole('region', { name: '1. Lageübersicht' });
  await expect(situation.getByRole('rowheader', { name: /^ICSMA-17-215-02 Revision/ })).toHaveCount(
    1,
  );
  expect(
    (
      await situation.getByRole('rowheader', { name: /^ICSMA-17-215-02 Revision/ }).innerText()
    ).match(/ICSMA-17-215-02/g),
  ).toHaveLength(1);
  const planned = briefing.getByRole('region', { name: '4. Geplante Maßnahmen' });
  await expect(planned).toContainText('die Beurteilung beginnen');
  const resources = briefing.getByRole('region', { name: '5. Ressourcen' });
  await expect(resources).toContainText('Einsatzleitung');
  for (const region of [planned, resources]) {
    expect(await region.innerText()).not.toMatch(englishPlan);
    expect(await region.innerText()).not.toMatch(englishPosition);
  }
  for (const [name, file] of [
    ['1. Lageübersicht', 'situation'],
    ['2. Ziele', 'objectives'],
    ['4. Geplante Maßnahmen', 'planned'],
    ['5. Ressourcen', 'resources'],
  ]) {
    await briefing.getByRole('region', { name }).scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page), name).toEqual({ page: 0, main: 0 });
    await shot(page, `de-report-briefing-${file}-1024`);
  }

  // The timeline: each event and who acted (their position included) in German.
  await page.getByRole('tab', { name: 'Zeitachse', exact: true }).click();
  const timeline = page.getByTestId('report-timeline').getByTestId('timeline-table');
  const events = timeline.locator('tbody tr');
  await expect(events.first()).toContainText('Einsatzleitung');
  await expect(events.first()).toContainText('eröffnet');
  for (const text of await events.allInnerTexts()) {
    expect(text).not.toMatch(englishActivity);
    expect(text).not.toMatch(englishPosition);
  }
  await timeline.scrollIntoViewIfNeeded();
  await shot(page, 'de-report-timeline-1024');
});
