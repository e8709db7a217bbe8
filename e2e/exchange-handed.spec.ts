import { boardCaseHref } from '../renderer/src/board/board-hrefs';
import { shot } from './case-steps';
import {
  caseOf,
  handOver,
  inLanguage,
  openIncident,
  screen,
  test,
  type Station,
} from './facility-stations';
import { demoUser, expect, openSection, sessionUser } from './fixtures';
import { withUnmarkedCertificate } from './unmarked-certificate';

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

test('the Exchange page names a handed case that waits and what releases it, then the sign-off that did not come with it until the case is handed back; the command post renews its certificate', async ({
  page,
  harness,
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
  await inLanguage(biomed, 'de', 'Austausch');
  await expect(waiting).toContainText('NM-0003 (ICSMA-17-215-02) von der Station „Command post“');
  await expect(waiting).toContainText(
    'Wartet: Kein offener Vorfall an dieser Station bearbeitet den Sicherheitshinweis ICSMA-17-215-02.',
  );
  await waiting.scrollIntoViewIfNeeded();
  await shotBoth(biomed, 'exchange-waiting-de');
  await inLanguage(biomed, 'en', 'Exchange');

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
  await inLanguage(biomed, 'de', 'Austausch');
  await expect(uncarried).toContainText(
    `unterschrieben von ${demoUser('it_security').displayName}: Kein aktives Konto an dieser Station hat diese Personalnummer`,
  );
  await uncarried.scrollIntoViewIfNeeded();
  await shotBoth(biomed, 'exchange-uncarried-de');
  await inLanguage(biomed, 'en', 'Exchange');
  // The entry opens the case received.
  await uncarried.getByRole('link').click();
  await expect(biomed.page.getByTestId('case-page')).toContainText('NM-0003');

  // The biomed workstation assigns the case to its biomed, then its commander hands it back.
  const received = await caseOf(biomed, 'NM-0003');
  const biomedUser = await handOver(biomed, 'biomed');
  await handOver(biomed, 'incident_commander');
  await biomed.api('cases.assign', { caseIds: [received], assigneeUserId: biomedUser });
  await biomed.page.reload();
  await expect(sessionUser(biomed.page)).toContainText(demoUser('incident_commander').displayName);
  await biomed.page.getByRole('button', { name: 'Hand to another station…' }).click();
  const handOn = biomed.page.getByTestId('hand-on-dialog');
  await handOn.getByRole('button', { name: /Station/ }).click();
  await biomed.page.getByRole('option', { name: 'Command post' }).click();
  await handOn.getByLabel('Your PIN or password').fill(demoUser('incident_commander').pin);
  await handOn.getByRole('button', { name: 'Hand over' }).click();
  await expect(handOn).toHaveCount(0);
  await expect(biomed.page.getByTestId('case-held-elsewhere')).toContainText(
    'This station handed the case to station “Command post”',
  );
  // Its history says it was taken over from the command post and handed back, by whom.
  const biomedHistory = biomed.page.getByRole('region', { name: 'History' });
  await expect(biomedHistory).toContainText('Taken over from the station “Command post”');
  const handedBack = biomedHistory.locator('.history-entry').first();
  await expect(handedBack.locator('.history-what')).toHaveText(
    'Handed back to the station “Command post”',
  );
  await expect(handedBack.locator('.history-who')).toContainText(
    demoUser('incident_commander').displayName,
  );
  // Handed on, the case no longer asks the biomed workstation for the sign-off.
  await openSection(biomed.page, 'Exchange');
  await expect(
    biomed.page.getByRole('heading', { name: 'Stations and the last exchange' }),
  ).toBeVisible();
  await expect(uncarried).toHaveCount(0);

  // The command post's own case is held there again, with the biomed workstation's work in it.
  await exchange([biomed], [post]);
  await page.reload();
  await page.evaluate((hash) => (window.location.hash = hash), boardCaseHref(caseId));
  await expect(page.getByTestId('case-page')).toContainText('NM-0003');
  await expect(page.getByTestId('next-step')).toBeVisible();
  await expect(page.getByTestId('case-held-elsewhere')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hand to another station…' })).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('at station “Biomed workstation”');
  // Newest first: taken back here, handed back there; and further down, handed there from here.
  const entries = history.locator('.history-entry');
  await expect(entries.nth(0)).toContainText('Taken back from the station “Biomed workstation”');
  await expect(entries.nth(1)).toContainText('Handed back to the station “Command post”');
  const handedThere = entries.filter({ hasText: 'Handed to the station “Biomed workstation”' });
  await expect(handedThere.locator('.history-who')).toContainText(
    demoUser('incident_commander').displayName,
  );
  const held = (await post.api('cases.list', {})).cases.filter((c) => c.assetTag === 'NM-0003');
  expect(held.map((c) => c.caseId)).toEqual([caseId]);
  await shot(page, 'exchange-handed-back-1024');
  await page.setViewportSize({ width: 1366, height: 850 });
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'exchange-handed-back-history-1366');
  await page.setViewportSize(screen);
  // The same history in German.
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  const verlauf = page.getByRole('region', { name: 'Verlauf' });
  await expect(verlauf.locator('.history-entry').first()).toContainText(
    'Von der Station „Biomed workstation“ zurückerhalten',
  );
  await expect(verlauf).toContainText('An die Station „Biomed workstation“ übergeben');
  await verlauf.scrollIntoViewIfNeeded();
  await shotBoth(post, 'exchange-handed-back-history-de');
  await page.evaluate(() => localStorage.setItem('standalone.language', 'en'));

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

  // The command post's certificate lacks the command-post mark (issued by an earlier version):
  // it renews it from its Exchange page, in German.
  await withUnmarkedCertificate(harness.dataDir, 'demo-signing-only');
  await inLanguage(post, 'de', 'Austausch');
  const renew = page.getByTestId('renew-command-post');
  await expect(renew).toContainText(
    'Dem Zertifikat dieser Station fehlt die Kennzeichnung der Einsatzleitung',
  );
  await renew.scrollIntoViewIfNeeded();
  await shotBoth(post, 'exchange-renew-de');
  await renew.getByRole('button', { name: 'Zertifikat dieser Station erneuern' }).click();
  // The hand-overs locked the organisation key: its passphrase is asked for once.
  const unlock = page.getByRole('dialog');
  await unlock.getByLabel('Signatur-Passphrase').fill('demo-signing-only');
  await unlock.getByRole('button', { name: 'Entsperren' }).click();
  await expect(page.getByText('Erneuert: Das Zertifikat dieser Station')).toBeVisible();
  await expect(renew).toHaveCount(0);
  const status = await post.api('stations.status', {});
  expect([status.commandPost, status.renewCommandPost]).toEqual([true, false]);
  await shot(page, 'exchange-renewed-de-1024');
});
