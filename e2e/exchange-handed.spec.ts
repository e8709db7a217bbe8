import { shot } from './case-steps';
import { caseOf, handOver, openIncident, screen, test, type Station } from './facility-stations';
import { demoUser, expect, openSection } from './fixtures';

const wide = { width: 1366, height: 850 };

/** IT security co-signs at the station: a sign-off the case carries when it is handed on. */
async function itSecuritySigns(s: Station, caseId: number): Promise<string> {
  const detail = await s.api('cases.get', { caseId });
  const request = detail.signing.find((r) => r.roles.includes('it_security'));
  if (!request) throw new Error('No sign-off IT security gives in this state');
  const it = demoUser('it_security');
  await s.api('signoffs.sign', {
    kind: request.kind,
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    content: request.content,
    secret: it.pin,
    signer: { staffId: it.staffId },
  });
  return request.kind;
}

async function shotBoth(s: Station, name: string): Promise<void> {
  await shot(s.page, `${name}-1024`);
  await s.page.setViewportSize(wide);
  await shot(s.page, `${name}-1366`);
  await s.page.setViewportSize(screen);
}

test('the Exchange page names a handed case that waits and what releases it, then the sign-off that did not come with it', async ({
  page,
  facility: { post, exchange, enrol },
}) => {
  const biomed = await enrol('Biomed workstation');
  await openIncident(post, true);
  await exchange([biomed], [post]);

  // The command post hands NM-0003 on, with IT security's sign-off; the biomed workstation
  // has no incident working the advisory yet.
  const caseId = await caseOf(post, 'NM-0003');
  await post.api('cases.transition', { caseId, target: 'assessing' });
  await itSecuritySigns(post, caseId);
  const stations = await post.api('stations.list', {});
  const biomedId = stations.find((s) => s.name === 'Biomed workstation')?.stationId;
  if (!biomedId) throw new Error('The command post does not know the biomed workstation');
  await post.api('cases.transfer', {
    caseId,
    stationId: biomedId,
    signoff: { secret: demoUser('incident_commander').pin },
  });
  await exchange([post], [biomed]);

  await biomed.page.reload();
  await openSection(biomed.page, 'Exchange');
  const waiting = biomed.page.getByTestId('exchange-waiting');
  await expect(waiting).toContainText('NM-0003 (ICSMA-17-215-02) from station "Command post"');
  await expect(waiting).toContainText(
    'Waits: no open incident at this station works the advisory ICSMA-17-215-02.',
  );
  await expect(waiting).toContainText(
    'To release it: open an incident for ICSMA-17-215-02, or add the advisory to an open incident.',
  );
  await waiting.scrollIntoViewIfNeeded();
  await shotBoth(biomed, 'exchange-waiting');

  // IT security has no account at the biomed workstation (their account is deactivated); an
  // incident opened there releases the case at the next exchange, without IT's sign-off.
  await handOver(biomed, 'admin');
  const people = await biomed.api('people.list', {});
  const it = people.find((p) => p.staffId === demoUser('it_security').staffId);
  if (!it) throw new Error('The biomed workstation has no IT security account');
  await biomed.api('people.update', { id: it.id, active: false });
  await openIncident(biomed, false);
  await exchange([], [biomed]);
  await biomed.page.reload();
  await openSection(biomed.page, 'Exchange');
  await expect(biomed.page.getByTestId('exchange-uncarried')).toBeVisible();
  await expect(waiting).toHaveCount(0);
  const uncarried = biomed.page.getByTestId('exchange-uncarried');
  await expect(uncarried).toContainText('NM-0003 (ICSMA-17-215-02) from station "Command post"');
  await expect(uncarried).toContainText(
    `signed by ${demoUser('it_security').displayName}: no active account at this station has their staff ID, so it does not count here.`,
  );
  // A floor station enrolled by the command post enrols no one (its own signing identity is
  // not the organisation's).
  await expect(biomed.page.getByRole('heading', { name: 'Enrol a station' })).toHaveCount(0);
  await uncarried.scrollIntoViewIfNeeded();
  await shotBoth(biomed, 'exchange-uncarried');
  // The entry opens the case received.
  await uncarried.getByRole('link').click();
  await expect(biomed.page.getByTestId('case-page')).toContainText('NM-0003');

  // The command post's board: "minutes" sits on the line of the threshold field.
  await page.reload();
  await openSection(page, 'Board');
  const threshold = page.locator('.board-station-threshold');
  await expect(threshold).toBeVisible();
  const field = await threshold.getByRole('textbox').boundingBox();
  const unit = await threshold.getByText('minutes', { exact: true }).boundingBox();
  if (!field || !unit) throw new Error('The threshold field or its unit is not shown');
  expect(Math.abs(field.y + field.height / 2 - (unit.y + unit.height / 2))).toBeLessThan(2);
  await threshold.scrollIntoViewIfNeeded();
  await shot(page, 'board-station-threshold');
});
