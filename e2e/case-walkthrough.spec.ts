import type { Page } from '@playwright/test';
import {
  answerChoice,
  answerReconnection,
  answerStandaloneLog,
  passVerificationChecks,
  recordOnSitePatch,
  assignedCaseCard,
  answerAssessingGateBlocks,
  answerNow,
  answerText,
  answerYesNo,
  coSign,
  handOver,
  item,
  nextStep,
  openAssignedCase,
  shot,
  shotTop,
  takeNextStep,
} from './case-steps';
import { demoUser, expect, sessionUser, test } from './fixtures';

async function doBackupChecklist(page: Page, who: string) {
  await answerChoice(page, 'unsent_studies', 'Preserved locally on the device or on media');
  await answerText(page, 'unsent_studies_count', '3');
  await answerText(page, 'unsent_studies_by', who);
  await answerNow(page, 'unsent_studies_at');
  await answerYesNo(page, 'config_backup_taken', true);
  await answerText(page, 'config_backup_by', who);
  await answerNow(page, 'config_backup_at');
  await answerChoice(page, 'backup_verified', 'Yes, checksum compared');
  await answerText(page, 'backup_verified_by', who);
  await answerNow(page, 'backup_verified_at');
  await answerYesNo(page, 'recovery_media_available', true);
  await answerText(page, 'recovery_media_location', 'Biomed cabinet B2');
  await answerText(page, 'recovery_media_by', who);
  await answerNow(page, 'recovery_media_at');
}

/** Record the backup's "when"s again (before a patch they must come after going standalone). */
async function redoBackupTimes(page: Page) {
  for (const id of [
    'unsent_studies_at',
    'config_backup_at',
    'backup_verified_at',
    'recovery_media_at',
  ]) {
    await item(page, id).getByRole('button', { name: /^Now/ }).click();
    await expect(page.getByTestId('autosave')).not.toHaveText('Saving…');
  }
}

test('a technologist takes a device from at risk back to service, with the gate, backup and sign-offs', async ({
  page,
  request,
  harness,
}) => {
  test.info().setTimeout(test.info().timeout + 600_000);
  await openAssignedCase(page, request, harness);

  // My devices: the assigned case, one large link.
  await page.getByRole('navigation').getByRole('link', { name: 'My devices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My devices' })).toBeVisible();
  const card = page.locator('.case-card', { hasText: 'NM-0001' });
  await expect(card).toContainText('At risk');
  await shot(page, 'case-my-devices');
  await card.click();

  // At risk: the device, the advisory and revision, the CVEs, and the one next step.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('NM-0001');
  await expect(page.locator('.case-header')).toContainText('ICSMA-17-215-02, revision');
  await expect(page.locator('.case-header')).toContainText('CVE-2015-1635');
  await expect(page.locator('.case-header')).toContainText('Assigned to');
  await expect(page.getByTestId('case-state')).toHaveText('At risk');
  await expect(page.locator('.hics')).toContainText('HICS 251');
  await shotTop(page, 'case-at-risk');
  await takeNextStep(page, 'Start the assessment', 'Assessing');

  // Assessing: the exposure, then the gate answered so that it blocks.
  await answerChoice(page, 'network_segment', 'A shared clinical network');
  await answerText(page, 'segment_name', 'VLAN 40 Clinical');
  await answerAssessingGateBlocks(page);

  const gate = page.getByTestId('gate');
  await expect(gate.locator('.verdict')).toHaveText('Blocked');
  await expect(gate.locator('.gate-reasons')).toContainText('F-18');
  const decay = gate.locator('.decay-table tbody tr').first();
  await expect(decay).toContainText('F-18');
  await expect(decay).toContainText(/3[01] min/);
  // 30 minutes of F-18's 110: 0.27 half-lives (0.28 if the minute turned while typing).
  await expect(decay).toContainText(/0\.2[78]/);
  await shotTop(page, 'case-gate-blocked');
  await gate.scrollIntoViewIfNeeded();
  await shot(page, 'case-gate-blocked-reasons');

  // Defer with a re-check time (the natural step while the gate blocks).
  await expect(nextStep(page).getByLabel('Check the device again at')).toBeVisible();
  await takeNextStep(page, 'Defer and re-check later', 'Deferred');
  await expect(nextStep(page)).toContainText('check again at');
  await shotTop(page, 'case-deferred');

  // The patient was imaged: re-check, clear the gate.
  await takeNextStep(page, 'Re-check now', 'Assessing');
  await answerYesNo(page, 'injected_patients_waiting', false);
  await expect(item(page, 'injected_patients')).toHaveCount(0);
  await expect(gate.locator('.verdict')).toHaveText('Clear');
  // Standalone is the next step, not possible yet: the backup and two sign-offs are missing.
  const disconnect = nextStep(page).getByRole('button', { name: 'Disconnect and run standalone' });
  await expect(disconnect).toBeDisabled();
  await expect(nextStep(page).locator('[data-choice="standalone"] .step-missing')).toBeVisible();
  await expect(
    nextStep(page).getByRole('button', { name: 'Keep it connected on its protected segment' }),
  ).toBeVisible();
  await shotTop(page, 'case-gate-clear');

  // The backup checklist, by the technologist at the device.
  await doBackupChecklist(page, 'Zoë Brändli');
  await expect(page.locator('[data-section="backup"] .section-status')).toHaveText('Done');
  await shot(page, 'case-backup');

  // A technologist cannot give the clinical sign-off: the button says who is needed, and the
  // clinical lead signs at this station with their own PIN (a wrong PIN first is explained).
  const lead = page.locator('.signoff[data-kind="patient_safety_clear"]');
  await expect(lead.getByRole('button')).toHaveText('Needs: Clinical lead');
  await lead.getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('sign-statement')).toContainText('patient safety and treatment');
  await dialog.getByLabel('PIN or password of the person who signs').fill('000000');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('PIN or password do not match');
  await shot(page, 'case-sign-wrong-pin');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await coSign(page, 'patient_safety_clear', 'clinical_lead', 'case-sign-dialog');

  // Then the biomed, for the technical readiness; the station stays the technologist's.
  await coSign(page, 'technical_readiness', 'biomed');
  await expect(sessionUser(page)).toContainText(demoUser('technologist').displayName);
  await shotTop(page, 'case-signoffs');

  await takeNextStep(page, 'Disconnect and run standalone', 'Standalone');
  await expect(page.locator('.hics')).toContainText('partially functional');
  await shotTop(page, 'case-standalone');

  // Standalone: the downtime log, the backup again, then patching.
  await answerStandaloneLog(page);
  await redoBackupTimes(page);
  await takeNextStep(page, 'Start patching', 'Patching');

  // Patching, on site.
  await recordOnSitePatch(page);
  await answerNow(page, 'onsite_performed_at');
  await shotTop(page, 'case-patching');
  await takeNextStep(page, 'Verify the patched device', 'Verifying');

  // Verifying: the checks, then biomed and IT security sign.
  await passVerificationChecks(page);
  await shotTop(page, 'case-verifying');
  await coSign(page, 'verification_biomed', 'biomed');
  await coSign(page, 'verification_it', 'it_security');
  await takeNextStep(page, 'Reconnect the device', 'Reconnecting');

  // Reconnecting: the checks, IT security approves, the technologist returns it to service.
  await answerReconnection(page);
  await shotTop(page, 'case-reconnecting');
  await coSign(page, 'reconnect_approval', 'it_security');
  await takeNextStep(page, 'Return to service', 'Back in service');
  await expect(page.locator('.hics')).toContainText('fully functional');
  await expect(page.locator('.next-step-done')).toContainText('back in service');
  await expect(page.locator('.history-list').first()).toContainText(
    'Reconnecting → Back in service',
  );
  await shotTop(page, 'case-returned-to-service');

  // Every case of the incident is closed: the commander closes it with a summary.
  await handOver(page, 'incident_commander');
  await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
  await page.locator('.incident-card', { hasText: 'Night response' }).click();
  await expect(page.getByText('Every device is back in service.')).toBeVisible();
  await page.getByLabel('Closing summary').fill('NM-0001 patched on site and back in service.');
  await page.getByRole('button', { name: 'Close the incident' }).click();
  await expect(page.locator('.incident-meta .incident-status')).toContainText('Closed');
  await expect(page.locator('.incident-summary')).toHaveText(
    'NM-0001 patched on site and back in service.',
  );
  await shotTop(page, 'case-incident-closed');
});

test('the next step stays in view at 1280×800 and works by keyboard', async ({
  page,
  request,
  harness,
}) => {
  await (await assignedCaseCard(page, request, harness)).focus();
  await page.keyboard.press('Enter');
  const button = nextStep(page).getByRole('button', { name: 'Start the assessment' });
  await expect(button).toBeInViewport();
  const box = await button.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-state')).toHaveText('Assessing');
  // In assessing the next step is to answer the questions: how many, and a jump to the first.
  await expect(nextStep(page)).toContainText('questions left');
  await nextStep(page).getByRole('button', { name: 'Answer the questions' }).click();
  await expect(item(page, 'network_segment').getByRole('radio').first()).toBeFocused();
  // Yes/no answers are toggle buttons reachable by keyboard.
  const running = item(page, 'acquisition_running').getByRole('radio', { name: 'No', exact: true });
  await running.focus();
  await page.keyboard.press('Space');
  await expect(running).toBeChecked();
  await expect(item(page, 'acquisition_running').locator('.save-ok')).toBeVisible();
  await shotTop(page, 'case-assessing-keyboard');

  // Words typed and not yet saved survive a lock: kept as a draft, shown as not saved yet.
  const segment = item(page, 'segment_name').getByRole('textbox');
  await segment.fill('VLAN 40 Clinical');
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Station locked' })).toBeVisible();
  await page.getByLabel('PIN or password').fill(demoUser('technologist').pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(segment).toHaveValue('VLAN 40 Clinical');
  await expect(item(page, 'segment_name')).toContainText('Not saved yet');
  await segment.press('Enter');
  await expect(item(page, 'segment_name').locator('.save-ok')).toBeVisible();
  await segment.scrollIntoViewIfNeeded();
  await shot(page, 'case-draft-saved-after-lock');
});
