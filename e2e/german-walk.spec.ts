import type { Page } from '@playwright/test';
import {
  callApi,
  coSign as coSignAs,
  item,
  nextStep,
  openAssignedCase,
  shot,
  shotTop,
  signWords,
} from './case-steps';
import { demoUser, expect, sessionUser, test } from './fixtures';
import { signoffKinds, type Role } from '../electron/api/permissions';

/**
 * A case's later states as a German station shows them, at the smallest supported window and at
 * 1366×850: the deferral, the backup and both sign-offs co-signed, standalone and the backup round
 * (needs redoing, record again), the patch, verification, reconnection and back in service. Each
 * phase is screenshotted (test-results/screenshots/de-walk-*) to be looked at; axe checks each
 * screen (fixtures.ts). Answers are picked by their stored value, the buttons by their German words.
 */

const saved = async (page: Page, id: string) => {
  await expect(item(page, id).locator('.save-ok')).toBeVisible();
  await expect(page.getByTestId('autosave')).not.toHaveText('Wird gespeichert…');
};

async function yesNo(page: Page, id: string, value: boolean) {
  const answer = item(page, id).getByRole('radio', { name: value ? 'Ja' : 'Nein', exact: true });
  await answer.click();
  await expect(answer).toBeChecked();
  await saved(page, id);
}

async function choose(page: Page, id: string, value: string) {
  await item(page, id)
    .locator('.choice-option', { has: page.locator(`input[value="${value}"]`) })
    .click();
  await saved(page, id);
}

async function type(page: Page, id: string, value: string) {
  const input = item(page, id).getByRole('textbox');
  await input.fill(value);
  await input.press('Tab');
  await saved(page, id);
}

/** Answers in order: true/false for yes/no, a choice by its stored value, or `{ text }` typed. */
type Answer = [id: string, value: boolean | string | { text: string }];
async function answerAll(page: Page, answers: Answer[]) {
  for (const [id, value] of answers) {
    if (typeof value === 'boolean') await yesNo(page, id, value);
    else if (typeof value === 'string') await choose(page, id, value);
    else await type(page, id, value.text);
  }
}

async function step(page: Page, action: string, state: string) {
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  const button = nextStep(page).getByRole('button', { name: action });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByTestId('case-state')).toHaveText(state);
}

const coSign = (page: Page, kind: string, role: Role, shotName?: string) =>
  coSignAs(page, kind, role, shotName, signWords.de);

const backupStatus = (page: Page) => page.locator('[data-section="backup"] .section-status');

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 850 },
]) {
  test.describe(`in German at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a case from the deferral to back in service, with the backup round and co-signing', async ({
      page,
      request,
      harness,
    }) => {
      test.info().setTimeout(test.info().timeout + 600_000);
      const name = (phase: string) => `de-walk-${phase}-${size.width}`;
      const incidentId = await openAssignedCase(page, request, harness);
      const tech = demoUser('technologist');
      await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await page.locator('.case-card', { hasText: 'NM-0001' }).click();
      await step(page, 'Beurteilung beginnen', 'In Beurteilung');

      // Assessing: the gate blocks (an F-18 patient injected 30 minutes ago is waiting).
      await answerAll(page, [
        ['network_segment', 'shared_clinical'],
        ['reachable_from_business_network', 'yes'],
        ['reachable_from_internet', 'no'],
        ['ports_filtered', 'some_open'],
        ['remote_update_capable', true],
        ['patch_availability', 'available'],
        ['acquisition_running', false],
        ['injected_patients_waiting', true],
      ]);
      const patients = item(page, 'injected_patients');
      await patients.getByRole('button', { name: /hinzufügen$/ }).click();
      await patients.locator('.select-button').click();
      await page.getByRole('option', { name: 'F-18', exact: true }).click();
      const injectedAt = patients.getByRole('textbox', { name: /Injektionszeit/ });
      await injectedAt.fill('vor 30 min');
      await injectedAt.blur();
      await expect(patients.locator('.save-ok')).toBeVisible();
      await answerAll(page, [
        ['studies_upcoming', false],
        ['paper_orders_ready', true],
        ['downtime_log_ready', true],
        ['local_image_reading_ready', true],
      ]);
      const gate = page.getByTestId('gate');
      await expect(gate.locator('.verdict')).toHaveText('Blockiert');
      await gate.scrollIntoViewIfNeeded();
      await shot(page, name('gate-blocked'));
      await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
      await shot(page, name('defer'));

      // The deferral, and back to the questions.
      await step(page, 'Zurückstellen und später erneut prüfen', 'Zurückgestellt');
      await shotTop(page, name('deferred'));
      await step(page, 'Jetzt erneut prüfen', 'In Beurteilung');
      await yesNo(page, 'injected_patients_waiting', false);
      await expect(gate.locator('.verdict')).toHaveText('Frei');
      await shotTop(page, name('choices'));

      // The backup by the technologist, then both sign-offs co-signed at this station.
      await answerAll(page, [
        ['unsent_studies', 'preserved_locally'],
        ['unsent_studies_count', { text: '3' }],
        ['config_backup_taken', true],
        ['backup_verified', 'checksum'],
        ['recovery_media_available', true],
        ['recovery_media_location', { text: 'Medizintechnik, Schrank B2' }],
      ]);
      await expect(backupStatus(page)).toHaveText('Erledigt');
      await page.locator('[data-section="backup"]').scrollIntoViewIfNeeded();
      await shot(page, name('backup-done'));
      await coSign(page, 'patient_safety_clear', 'clinical_lead', name('co-sign'));
      await coSign(page, 'technical_readiness', 'biomed');
      await expect(sessionUser(page)).toContainText(tech.displayName);
      await page.locator('.signoff[data-kind="technical_readiness"]').scrollIntoViewIfNeeded();
      await shot(page, name('signed'));
      // Each person signed the German statement they read, and it is stored as they read it.
      const { cases } = await callApi(request, harness, 'cases.list', { incidentId });
      const caseId = cases.find((c) => c.assetTag === 'NM-0001')?.caseId ?? 0;
      const { signoffs } = await callApi(request, harness, 'cases.get', { caseId });
      expect(signoffs.map((s) => [s.kind, s.statement])).toEqual([
        ['patient_safety_clear', signoffKinds.patient_safety_clear.statements.de],
        ['technical_readiness', signoffKinds.technical_readiness.statements.de],
      ]);
      await step(page, 'Trennen und standalone betreiben', 'Standalone');

      // Standalone: the backup needs redoing before the patch; recorded again in one action.
      await expect(backupStatus(page)).toHaveText('Muss wiederholt werden');
      await shotTop(page, name('standalone'));
      await page.locator('[data-section="backup"]').scrollIntoViewIfNeeded();
      await shot(page, name('backup-redo'));
      await type(page, 'studies_done_locally', '2');
      await type(page, 'temporary_registrations', '0');
      await choose(page, 'removable_media', 'none_used');
      await page.getByRole('button', { name: 'Backup erneut erfassen' }).click();
      await expect(backupStatus(page)).toHaveText('Erledigt');
      await page.locator('[data-section="backup"]').scrollIntoViewIfNeeded();
      await shot(page, name('backup-again'));
      await step(page, 'Mit dem Patch beginnen', 'Patch wird eingespielt');

      // Patching, verification with two co-signatures, reconnection, back in service.
      await shotTop(page, name('patching'));
      await type(page, 'vendor_fix_id', 'MS15-034 (KB3042553)');
      await choose(page, 'update_method', 'on_site');
      await type(page, 'onsite_engineer', 'Techniker des Herstellers');
      await choose(page, 'patch_result', 'installed');
      await step(page, 'Gepatchtes Gerät prüfen', 'In Prüfung');
      await shotTop(page, name('verifying'));
      await answerAll(page, [
        ['patch_level_matches', true],
        ['daily_qc_passed', true],
        ['clock_in_sync', true],
        ['exposed_ports_closed', true],
      ]);
      await coSign(page, 'verification_biomed', 'biomed');
      await coSign(page, 'verification_it', 'it_security');
      await step(page, 'Gerät wieder verbinden', 'Wird wieder verbunden');
      await shotTop(page, name('reconnecting'));
      await yesNo(page, 'dicom_echo_ok', true);
      await yesNo(page, 'test_study_committed', true);
      await type(page, 'backlog_sent_count', '2');
      await coSign(page, 'reconnect_approval', 'it_security');
      await step(page, 'Wieder in Betrieb nehmen', 'Wieder in Betrieb');
      await expect(page.locator('.next-step-done')).toContainText(
        'Ihnen ist kein weiteres Gerät zugewiesen.',
      );
      await shotTop(page, name('back-in-service'));
      await page.locator('.history-list').first().scrollIntoViewIfNeeded();
      await shot(page, name('history'));
    });
  });
}
