import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../api/domains/cases';
import * as given from '../demo/walkthrough-answers';
import { demoSigningPassphrase } from '../../api/domains/signing';
import { pdftoppm, pdftotext } from '../pdf/independent-tools';
import { verifyPdf } from '../pdf/verify';
import { repoRoot, signInAs, tempDir } from '../test/temp-runtime';
import {
  answerAll,
  demoIncidentForFile,
  signAs,
  testNow,
  throughVerification,
} from './test/case-test-setup';

/**
 * A sign-off counts only in the round of the workflow in which it was given: after a quarantine,
 * a restore or a return to an earlier phase, the sign-offs given before no longer admit a step,
 * even on a checklist that reads the same, and they show as of an earlier round. One demo
 * incident; each path works its own device.
 */

const d = demoIncidentForFile(['NM-0001', 'NM-0003', 'NM-0007']);

const now = new Date(testNow);

/** Through the assessment, standalone and the patch to verifying, both verification sign-offs given. */
async function verifiedAndSigned(assetTag: string): Promise<number> {
  const { api, rt } = d;
  const id = d.caseOf(assetTag);
  await signInAs(rt, 'technologist');
  await api.value('cases.transition', { caseId: id, target: 'assessing' });
  await throughVerification(d, id, now);
  return id;
}

function marks(detail: CaseDetail, kinds: readonly string[]) {
  return detail.signoffs
    .filter((s) => kinds.includes(s.kind))
    .map((s) => [s.kind, s.stale, s.earlierRound]);
}

const verification = ['verification_biomed', 'verification_it'];

/** The verification sign-offs of the first round no longer admit reconnecting; fresh ones do. */
async function expectVerificationSignedAgain(id: number): Promise<void> {
  const { api, rt } = d;
  const detail = await api.value('cases.get', { caseId: id });
  expect(detail.state).toBe('verifying');
  expect(marks(detail, verification)).toEqual([
    ['verification_biomed', true, true],
    ['verification_it', true, true],
  ]);
  expect(detail.signing.filter((s) => s.given).map((s) => s.kind)).not.toContain(
    'verification_biomed',
  );
  await signInAs(rt, 'technologist');
  const refused = await api.error('cases.transition', { caseId: id, target: 'reconnecting' });
  expect(refused.code).toBe('conflict');
  expect((refused.details as { missing: string[] }).missing).toEqual([
    'Needs a valid sign-off from a biomed engineer (verification).',
    'Needs a valid sign-off from IT security (verification).',
  ]);

  await signAs(d, 'biomed', id, 'verification_biomed');
  await signAs(d, 'it_security', id, 'verification_it');
  const moved = await api.value('cases.transition', { caseId: id, target: 'reconnecting' });
  expect(moved.state).toBe('reconnecting');
  expect(marks(moved, verification)).toEqual([
    ['verification_biomed', true, true],
    ['verification_it', true, true],
    ['verification_biomed', false, false],
    ['verification_it', false, false],
  ]);
}

describe('a sign-off counts only in its round', () => {
  it('quarantine and restore: the verification signed before does not admit reconnecting', async () => {
    const { api, rt } = d;
    const id = await verifiedAndSigned('NM-0001');
    await signInAs(rt, 'it_security');
    await api.value('cases.transition', {
      caseId: id,
      target: 'quarantined',
      reason: 'Unknown process found on the console.',
    });
    await answerAll(api, id, 'evidence_preservation', [
      ['photos_taken', true],
      ['error_codes_logs_captured', true],
      ['chain_of_custody', true],
      ['evidence_custodian', 'IT-Sec on call'],
      ['settings_left_unchanged', true],
      ['evidence_collected_at', testNow],
    ]);
    await api.value('cases.transition', { caseId: id, target: 'restoring' });
    await signInAs(rt, 'biomed');
    await answerAll(api, id, 'backup', given.backupDone(now, 'M. Keller'));
    await answerAll(api, id, 'reimaging', [
      ['media_source', 'vendor_media'],
      ['media_integrity_checked', true],
      ['reimaged_by', 'Vendor FSE T. Brun'],
      ['reimaged_at', testNow],
      ['patched_before_network', true],
    ]);
    await signAs(d, 'it_security', id, 'quarantine_release');
    await api.value('cases.transition', { caseId: id, target: 'verifying' });
    await expectVerificationSignedAgain(id);
  });

  it('the case PDF shows those sign-offs as of an earlier round, not as stale, in either language', async () => {
    const operator = { kind: 'operator', osUser: 'test' } as const;
    const unlocked = await d.rt.client(operator).call('signing.unlock', {
      passphrase: demoSigningPassphrase,
    });
    expect(unlocked.ok).toBe(true);
    const out = tempDir('standalone-rounds-pdf-');
    try {
      for (const [language, mark, explained] of [
        [
          'en',
          'earlier round',
          'An earlier-round sign-off was given before the case was quarantined',
        ],
        ['de', 'frühere Runde', 'Eine Freigabe aus einer früheren Runde wurde erteilt'],
      ] as const) {
        const pdf = await d.rt
          .client(operator)
          .value('exports.casePdf', { caseId: d.caseOf('NM-0001'), language });
        const file = path.join(out.dir, `${language}-${pdf.fileName}`);
        fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
        const text = pdftotext(file).replace(/\s+/g, ' ');
        // The first round's two verification sign-offs, and the explanation under the table.
        expect(text.split(mark).length - 1).toBeGreaterThanOrEqual(2);
        expect(text).toContain(explained);
        const report = await verifyPdf(d.rt.services, fs.readFileSync(file));
        expect(report.problems).toEqual([]);
        pdftoppm(file, path.join(repoRoot, 'test-results', 'pdf'), `rounds-${language}`);
      }
    } finally {
      out.cleanup();
    }
  });

  it('verification failed and patched again: the first verification does not count', async () => {
    const { api, rt } = d;
    const id = await verifiedAndSigned('NM-0003');
    await signInAs(rt, 'biomed');
    await answerAll(api, id, 'backup', given.backupDone(now, 'M. Keller'));
    await api.value('cases.transition', { caseId: id, target: 'patching' });
    await api.value('cases.transition', { caseId: id, target: 'verifying' });
    await expectVerificationSignedAgain(id);
  });

  it('deferred and re-checked: the assessment’s sign-offs are of an earlier round', async () => {
    const { api, rt } = d;
    const id = d.caseOf('NM-0007');
    await signInAs(rt, 'technologist');
    await api.value('cases.transition', { caseId: id, target: 'assessing' });
    await answerAll(api, id, 'exposure_assessment', given.isolatedSegment);
    await answerAll(api, id, 'patient_safety_gate', given.gateInjectedPatientWaiting(now));
    await signInAs(rt, 'biomed');
    await answerAll(api, id, 'backup', given.backupDone(now, 'M. Keller'));
    await signAs(d, 'biomed', id, 'technical_readiness');
    await signAs(d, 'it_security', id, 'network_isolation');
    const before = await api.value('cases.get', { caseId: id });
    expect(before.signing.filter((s) => s.given).map((s) => s.kind)).toEqual([
      'network_isolation',
      'technical_readiness',
    ]);

    await api.value('cases.transition', {
      caseId: id,
      target: 'deferred',
      recheckAt: '2017-08-03T11:00:00.000Z',
    });
    const again = await api.value('cases.transition', { caseId: id, target: 'assessing' });
    expect(marks(again, ['technical_readiness', 'network_isolation'])).toEqual([
      ['technical_readiness', true, true],
      ['network_isolation', true, true],
    ]);
    expect(again.signing.filter((s) => s.given)).toEqual([]);
    // Signed again in this round, it counts again.
    await signAs(d, 'biomed', id, 'technical_readiness');
    const signed = await api.value('cases.get', { caseId: id });
    expect(signed.signing.filter((s) => s.given).map((s) => s.kind)).toEqual([
      'technical_readiness',
    ]);
  });
});
