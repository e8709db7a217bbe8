import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as given from '../electron/services/demo/walkthrough-answers';
import { shot } from './case-steps';
import {
  enrolledFloor,
  exchange,
  handOver,
  openIncident,
  screen,
  station,
  type Station,
} from './facility-stations';
import { demoUser, expect, loadDemoAndSignIn, openSection, sessionUser, test } from './fixtures';

async function answerAll(
  s: Station,
  caseId: number,
  sectionId: string,
  list: given.SectionAnswerList,
): Promise<void> {
  for (const [itemId, value] of list)
    await s.api('cases.answer', { caseId, sectionId, itemId, value });
}

test('the command post’s board lists a floor station’s case waiting for sign-offs, and counts it in the incident picker', async ({
  page,
  harness,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(900_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-facility-signoffs-'));
  const folder = path.join(scratch, 'shared');
  fs.mkdirSync(folder);
  let closeContext = async () => {};
  try {
    await page.setViewportSize(screen);
    await loadDemoAndSignIn(page, 'admin');
    const post = station(page, harness);
    await post.api('stations.init', { name: 'Command post' });
    await post.api('signing.unlock', { passphrase: 'demo-signing-only' });
    const enrolled = await enrolledFloor(browser, post, scratch, 'NM laptop 2');
    const laptop = enrolled.floor;
    closeContext = () => enrolled.context.close();
    await openIncident(laptop, true);

    // On the laptop, NM-0003 is assessed up to standalone: everything but the two sign-offs.
    const [incident] = await laptop.api<{ id: number }[]>('incidents.list', {});
    const { cases } = await laptop.api<{ cases: { caseId: number; assetTag: string }[] }>(
      'cases.list',
      { incidentId: incident?.id },
    );
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
    await exchange(folder, [laptop], [post]);
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
    expect(consoleErrors).toEqual([]);
  } finally {
    await closeContext();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
