import type { Locator, Page } from '@playwright/test';
import {
  answerChoice,
  answerReconnection,
  answerStandaloneLog,
  passVerificationChecks,
  recordOnSitePatch,
  answerAssessingGateBlocks,
  answerText,
  answerYesNo,
  coSign,
  item,
  nextStep,
  openAssignedCase,
  shotTop,
  takeNextStep,
} from './case-steps';
import { demoUser, expect, sessionUser, test } from './fixtures';

/**
 * Journey 2 as a technologist lives it at a 1024×768 station: one device from assigned to back in
 * service (a blocked gate, a deferral, the backup, both sign-offs co-signed at the station,
 * standalone, the patch, verification and reconnection), counting every click and every
 * hand-over. The next step and its inputs are in view without scrolling at each phase.
 */
const viewport = { width: 1024, height: 768 };
test.use({ viewport });

const maxClicks = 45;

interface Counts {
  clicks: number;
  handOvers: number;
}

/**
 * Count what the user does on the page: every click of the pointer (a label's forwarded click on
 * its input counts once, with the click that caused it; Enter in a form is a key, not a click)
 * and every press of "Hand over".
 */
async function countActions(page: Page): Promise<Counts> {
  const counts: Counts = { clicks: 0, handOvers: 0 };
  await page.exposeFunction('journeyAction', (kind: 'click' | 'handOver') => {
    if (kind === 'click') counts.clicks++;
    else counts.handOvers++;
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { journeyAction(kind: string): void }).journeyAction;
    let sameTurn = false;
    document.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted || event.detail === 0 || sameTurn) return;
        sameTurn = true;
        setTimeout(() => (sameTurn = false));
        report('click');
        const target = event.target instanceof Element ? event.target.closest('button') : null;
        if (target?.textContent?.trim() === 'Hand over') report('handOver');
      },
      true,
    );
  });
  return counts;
}

/** Fully inside the window: nothing to scroll to reach it. */
async function expectInView(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, 'the element has a box').not.toBeNull();
  if (!box) return;
  const inner = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(inner.w);
  expect(box.y + box.height).toBeLessThanOrEqual(inner.h);
}

/** Where the phase's questions start: the checklist's heading. */
const checklistStart = (page: Page) => page.locator('#case-checklist-title');

const settle = (page: Page) => expect(page.getByTestId('autosave')).not.toHaveText('Saving…');

test('journey 2 at 1024×768: assigned to back in service within 45 clicks and no hand-over', async ({
  page,
  request,
  harness,
}) => {
  test.info().setTimeout(test.info().timeout + 600_000);
  const counts = await countActions(page);
  await openAssignedCase(page, request, harness);
  const tech = demoUser('technologist');
  counts.clicks = 0;
  counts.handOvers = 0;

  // Home for a technologist is My devices: the assigned device is one click away.
  await expect(page.getByRole('heading', { level: 1, name: 'My devices' })).toBeVisible();
  await page.locator('.case-card', { hasText: 'NM-0001' }).click();
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Start the assessment' }));
  await takeNextStep(page, 'Start the assessment', 'Assessing');

  // Assessing: the step is to answer the questions, and they start above the fold.
  await expect(nextStep(page)).toContainText('questions left');
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Answer the questions' }));
  await expectInView(page, page.locator('#section-exposure_assessment'));
  await shotTop(page, 'journey-assessing');
  await answerChoice(page, 'network_segment', 'A shared clinical network');
  await answerAssessingGateBlocks(page);

  // The gate blocks: defer, with the re-check time in view beside the button.
  await expect(page.getByTestId('gate').locator('.verdict')).toHaveText('Blocked');
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await expectInView(page, nextStep(page).getByLabel('Check the device again at'));
  await expectInView(
    page,
    nextStep(page).getByRole('button', { name: 'Defer and re-check later' }),
  );
  await takeNextStep(page, 'Defer and re-check later', 'Deferred');
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Re-check now' }));
  await takeNextStep(page, 'Re-check now', 'Assessing');
  await answerYesNo(page, 'injected_patients_waiting', false);
  await expect(page.getByTestId('gate').locator('.verdict')).toHaveText('Clear');

  // The answers are in: the two ways side by side, standalone saying what it still needs.
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  const standalone = nextStep(page).locator('[data-choice="standalone"]');
  await expectInView(
    page,
    standalone.getByRole('button', { name: 'Disconnect and run standalone' }),
  );
  await expect(standalone.locator('.missing-link').first()).toBeVisible();
  await expect(nextStep(page).locator('[data-choice="protected_connected"]')).toBeVisible();
  await shotTop(page, 'journey-choices');

  // The backup, by the technologist: names and times are theirs and now unless changed.
  await answerChoice(page, 'unsent_studies', 'Preserved locally on the device or on media');
  await answerText(page, 'unsent_studies_count', '3');
  await answerYesNo(page, 'config_backup_taken', true);
  await answerChoice(page, 'backup_verified', 'Yes, checksum compared');
  await answerYesNo(page, 'recovery_media_available', true);
  await answerText(page, 'recovery_media_location', 'Biomed cabinet B2');
  await settle(page);
  await expect(page.locator('[data-section="backup"] .section-status')).toHaveText('Done');
  await expect(item(page, 'config_backup_by').getByRole('textbox')).toHaveValue(tech.displayName);

  // Both sign-offs, co-signed at this station: the station stays the technologist's.
  await coSign(page, 'patient_safety_clear', 'clinical_lead');
  await coSign(page, 'technical_readiness', 'biomed');
  await expect(sessionUser(page)).toContainText(tech.displayName);
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await expectInView(
    page,
    standalone.getByRole('button', { name: 'Disconnect and run standalone' }),
  );
  await takeNextStep(page, 'Disconnect and run standalone', 'Standalone');

  // Standalone: the downtime log; the backup needs redoing before the patch, in one action.
  await expect(page.locator('[data-section="backup"] .section-status')).toHaveText('Needs redoing');
  await answerStandaloneLog(page);
  await page.getByRole('button', { name: 'Record the backup again' }).click();
  await expect(page.locator('[data-section="backup"] .section-status')).toHaveText('Done');
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Start patching' }));
  await shotTop(page, 'journey-standalone');
  await takeNextStep(page, 'Start patching', 'Patching');

  // Patching, on site: the time defaults to now.
  await expectInView(page, checklistStart(page));
  await recordOnSitePatch(page);
  await settle(page);
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await expectInView(
    page,
    nextStep(page).getByRole('button', { name: 'Verify the patched device' }),
  );
  await takeNextStep(page, 'Verify the patched device', 'Verifying');

  // Verifying: the checks, then biomed and IT security co-sign.
  await expectInView(page, checklistStart(page));
  await passVerificationChecks(page);
  await coSign(page, 'verification_biomed', 'biomed');
  await coSign(page, 'verification_it', 'it_security');
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Reconnect the device' }));
  await takeNextStep(page, 'Reconnect the device', 'Reconnecting');

  // Reconnecting: the checks, IT security approves, back in service.
  await expectInView(page, checklistStart(page));
  await answerReconnection(page);
  await coSign(page, 'reconnect_approval', 'it_security');
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await expectInView(page, nextStep(page).getByRole('button', { name: 'Return to service' }));
  await takeNextStep(page, 'Return to service', 'Back in service');
  await expect(page.locator('.hics')).toContainText('fully functional');
  // Back in service offers the next assigned device; this was the only one.
  await expect(page.locator('.next-step-done')).toContainText(
    'No other device is assigned to you.',
  );
  await shotTop(page, 'journey-back-in-service');

  test.info().annotations.push({
    type: 'journey',
    description: `${counts.clicks} clicks, ${counts.handOvers} hand-overs`,
  });
  console.log(`journey 2: ${counts.clicks} clicks, ${counts.handOvers} hand-overs`);
  expect(counts.handOvers).toBe(0);
  expect(counts.clicks).toBeLessThanOrEqual(maxClicks);
});
