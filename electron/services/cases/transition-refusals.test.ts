import { describe, expect, it } from 'vitest';
import * as given from '../demo/walkthrough-answers';
import type { AnswerValue } from '../../api/domains/case-checklist';
import type { ChecklistSectionId } from '../../api/domains/cases';
import { germanError } from '../../api/test/german-words';
import { signInAs } from '../test/temp-runtime';
import { answerAll, auditHead, demoIncidentForFile, signAs, testNow } from './test/case-test-setup';

/**
 * Refusals: a stale sign-off, one person giving both sign-offs, a refused step changing nothing,
 * and answers that do not fit their item. One demo incident; each test works its own device.
 */

const d = demoIncidentForFile(['NM-0001', 'NM-0002', 'NM-0003', 'NM-0004', 'NM-0007']);

const now = new Date(testNow);

/** Assessing, exposure and a clear gate answered, the backup done: ready for the two sign-offs. */
async function readyForStandalone(assetTag: string): Promise<number> {
  const id = d.caseOf(assetTag);
  await signInAs(d.rt, 'technologist');
  await d.api.value('cases.transition', { caseId: id, target: 'assessing' });
  await answerAll(d.api, id, 'exposure_assessment', given.exposedOnClinicalNetwork('available'));
  await answerAll(d.api, id, 'patient_safety_gate', given.gateClear(now));
  await answerAll(d.api, id, 'backup', given.backupDone(now, 'M. Keller'));
  return id;
}

/** The technologist's step to standalone is refused: its two sign-offs are one person's. */
async function expectRefusedAsOnePerson(id: number): Promise<void> {
  await signInAs(d.rt, 'technologist');
  const error = await d.api.error('cases.transition', { caseId: id, target: 'standalone' });
  expect(error.code).toBe('conflict');
  expect((error.details as { missing: string[] }).missing).toEqual([
    expect.stringContaining('Two different people must sign'),
  ]);
}

describe('sign-offs that do not count', () => {
  it('a sign-off goes stale when its section changes after signing, and the step is refused', async () => {
    const id = await readyForStandalone('NM-0001');
    await signAs(d, 'clinical_lead', id, 'patient_safety_clear');
    await signAs(d, 'biomed', id, 'technical_readiness');

    // An urgent study is booked after the clinical lead signed: the gate is still clear, but it is
    // not what the clinical lead signed.
    await signInAs(d.rt, 'technologist');
    await d.api.value('cases.answer', {
      caseId: id,
      sectionId: 'patient_safety_gate',
      itemId: 'upcoming_studies',
      value: [{ scheduled_at: '2017-08-03T13:00:00.000Z', priority: 'urgent', plan: 'other_site' }],
    });
    const c = await d.api.value('cases.get', { caseId: id });
    expect(c.gate.verdict).toBe('clear');
    expect(c.signoffs.map((s) => [s.kind, s.stale])).toEqual([
      ['patient_safety_clear', true],
      // The backup is another section: the biomed's sign-off still stands.
      ['technical_readiness', false],
    ]);
    expect(c.signing.find((s) => s.kind === 'patient_safety_clear')?.given).toBe(false);

    const error = await d.api.error('cases.transition', { caseId: id, target: 'standalone' });
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({
      state: 'assessing',
      target: 'standalone',
      missing: ['Needs a valid sign-off from a clinical lead (patient safety).'],
    });
    // A German station reads the refusal in German, the missing sign-off included.
    expect(germanError(error.details)).toMatch(
      /^NM-0001 kann jetzt nicht von „In Beurteilung“ zu „Standalone“ wechseln\. Braucht eine gültige Freigabe durch die klinische Leitung \(Patientensicherheit\)\.$/,
    );

    // Signed again on the current content, the step goes through.
    await signAs(d, 'clinical_lead', id, 'patient_safety_clear');
    const moved = await d.api.value('cases.transition', { caseId: id, target: 'standalone' });
    expect(moved.state).toBe('standalone');
  });

  it('the same person cannot give both sign-offs of a step', async () => {
    const id = await readyForStandalone('NM-0002');
    await signAs(d, ['clinical_lead', 'biomed'], id, 'patient_safety_clear');
    await signAs(d, ['clinical_lead', 'biomed'], id, 'technical_readiness');
    await expectRefusedAsOnePerson(id);
  });

  it('two accounts that carried the same staff ID when they signed are the same person', async () => {
    const id = await readyForStandalone('NM-0007');
    const lead = await signInAs(d.rt, 'clinical_lead');
    await signAs(d, 'clinical_lead', id, 'patient_safety_clear');
    const biomed = await signInAs(d.rt, 'biomed');
    // An administrator moves the clinical lead's staff ID to the biomed's account (a re-issued
    // badge, or one person holding two accounts): the biomed now signs under it.
    await signInAs(d.rt, 'admin');
    const accounts = await d.api.value('people.list', {});
    const staffId = accounts.find((u) => u.id === lead.id)?.staffId ?? '';
    expect(staffId).not.toBe('');
    await d.api.value('people.update', { id: lead.id, staffId: `${staffId}-old` });
    await d.api.value('people.update', { id: biomed.id, staffId });
    await signAs(d, 'biomed', id, 'technical_readiness');
    const recorded = d.rt.services.db
      .prepare('SELECT kind, staff_id FROM signoffs WHERE subject_id LIKE ? ORDER BY id')
      .all(`${id}:%`);
    expect(recorded).toEqual([
      { kind: 'patient_safety_clear', staff_id: staffId },
      { kind: 'technical_readiness', staff_id: staffId },
    ]);

    await expectRefusedAsOnePerson(id);
  });

  it('a technologist cannot give a clinical sign-off', async () => {
    const id = d.caseOf('NM-0002');
    const tech = await signInAs(d.rt, 'technologist');
    const request = (await d.api.value('cases.get', { caseId: id })).signing.find(
      (s) => s.kind === 'patient_safety_clear',
    );
    const error = await d.api.error('signoffs.sign', {
      kind: 'patient_safety_clear',
      subjectType: 'case',
      subjectId: request?.subjectId ?? '',
      content: request?.content ?? {},
      secret: tech.secret,
    });
    expect(error.code).toBe('forbidden');
  });
});

describe('a refused transition', () => {
  it('lists what is missing and changes nothing: state, history and audit chain stay as they were', async () => {
    const id = d.caseOf('NM-0003');
    await signInAs(d.rt, 'technologist');
    await d.api.value('cases.transition', { caseId: id, target: 'assessing' });
    const before = await d.api.value('cases.get', { caseId: id });
    const head = auditHead(d.rt);

    const error = await d.api.error('cases.transition', { caseId: id, target: 'standalone' });
    expect(error.code).toBe('conflict');
    const missing = (error.details as { missing: string[] }).missing;
    expect(missing).toEqual([
      'The patient-safety gate is incomplete: answer every question first.',
      ...before.gate.missing,
      expect.stringMatching(/^The backup checklist is not complete: /),
      'Needs a valid sign-off from a clinical lead (patient safety).',
      'Needs a valid sign-off from a biomed engineer (technical readiness).',
    ]);
    expect(error.message).toContain('NM-0003 cannot go from Assessing to Standalone');

    const skip = await d.api.error('cases.transition', {
      caseId: id,
      target: 'returned_to_service',
    });
    expect((skip.details as { missing: string[] }).missing[0]).toMatch(
      /cannot go from Assessing to Returned to service/,
    );

    expect(await d.api.value('cases.get', { caseId: id })).toEqual(before);
    expect(auditHead(d.rt)).toEqual(head);
  });
});

describe('answers', () => {
  it('are validated against their item, refused when not asked, and a repeat writes nothing', async () => {
    const id = d.caseOf('NM-0004');
    await signInAs(d.rt, 'technologist');
    const answer = (sectionId: ChecklistSectionId, itemId: string, value: AnswerValue | null) =>
      d.api.value('cases.answer', { caseId: id, sectionId, itemId, value });
    const refused = (sectionId: ChecklistSectionId, itemId: string, value: AnswerValue | null) =>
      d.api.error('cases.answer', { caseId: id, sectionId, itemId, value });
    const wrong = await refused('backup', 'unsent_studies', 'lost');
    expect(wrong).toMatchObject({ code: 'invalid_input', details: { field: 'value' } });
    expect(wrong.message).toContain('must be one of');

    const future = await refused('backup', 'config_backup_taken', 'yes');
    expect(future.message).toContain('must be Yes or No');

    const hidden = await refused('backup', 'config_backup_at', testNow);
    expect(hidden.message).toContain('is not asked with the current answers');

    const elsewhere = await refused('verification', 'config_backup_taken', true);
    expect(elsewhere.details).toMatchObject({ field: 'itemId' });

    // A patient row carries only radionuclide and injection time: a name is refused.
    await answer('patient_safety_gate', 'injected_patients_waiting', true);
    const named = await refused('patient_safety_gate', 'injected_patients', [
      { radionuclide: 'F-18', injected_at: testNow, name: 'Jane Doe' },
    ]);
    expect(named.message).toContain('does not ask for (name)');

    await answer('backup', 'config_backup_taken', true);
    const head = auditHead(d.rt);
    await answer('backup', 'config_backup_taken', true);
    expect(auditHead(d.rt)).toEqual(head);

    const cleared = await answer('backup', 'config_backup_taken', null);
    const item = cleared.template.sections
      .find((s) => s.id === 'backup')
      ?.items.find((i) => i.id === 'config_backup_taken');
    expect(item?.answer).toBeNull();
    expect(auditHead(d.rt).count).toBe(head.count + 1);
  });
});
