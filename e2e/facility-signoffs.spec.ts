import type { ChecklistSectionId } from '../electron/api/domains/case-vocabulary';
import * as given from '../electron/services/demo/walkthrough-answers';
import { shot } from './case-steps';
import { handOver, openIncident, test, type Station } from './facility-stations';
import { demoUser, expect, openSection, sessionUser } from './fixtures';

async function answerAll(
  s: Station,
  caseId: number,
  sectionId: ChecklistSectionId,
  list: given.SectionAnswerList,
): Promise<void> {
  for (const [itemId, value] of list)
    await s.api('cases.answer', { caseId, sectionId, itemId, value });
}

test('the command post’s board lists a floor station’s case waiting for sign-offs, and counts it in the incident picker', async ({
  page,
  facility: { post, exchange, enrol },
}) => {
  const laptop = await enrol('NM laptop 2', { incident: 'with NM-0003' });

  // On the laptop, NM-0003 is assessed up to standalone: everything but the two sign-offs.
  const [incident] = await laptop.api('incidents.list', {});
  const { cases } = await laptop.api('cases.list', { incidentId: incident?.id });
  const caseId = cases.find((c) => c.assetTag === 'NM-0003')?.caseId ?? 0;
  await laptop.api('cases.transition', { caseId, target: 'assessing' });
  const now = new Date();
  await handOver(laptop, 'technologist');
  await answerAll(
    laptop,
    caseId,
    'exposure_assessment',
    given.exposedOnClinicalNetwork('available'),
  );
  await answerAll(laptop, caseId, 'patient_safety_gate', given.gateClear(now));
  await handOver(laptop, 'biomed');
  await answerAll(laptop, caseId, 'backup', given.backupDone(now, 'M. Keller'));

  // The command post holds no case of its own; the laptop's arrives through the folder.
  await openIncident(post, false);
  await exchange([laptop], [post]);
  await page.reload();
  await expect(sessionUser(page)).toContainText(demoUser('incident_commander').displayName);
  await openSection(page, 'Board');
  const awaiting = page.getByTestId('attention-awaiting_signoff');
  await expect(awaiting).toContainText('1 waiting for a sign-off');
  await expect(awaiting).toContainText('NM-0003 (at NM laptop 2)');
  await expect(awaiting).toContainText(/Waiting for a clinical lead, a biomed/);
  await expect(page.locator('.board-incident-picker')).toContainText('(open, 1 case)');
  await awaiting.scrollIntoViewIfNeeded();
  await shot(page, 'board-command-post-awaiting-signoff-1024');
  await page.setViewportSize({ width: 1366, height: 850 });
  await expect(awaiting).toContainText('NM-0003 (at NM laptop 2)');
  await shot(page, 'board-command-post-awaiting-signoff-1366');
});
