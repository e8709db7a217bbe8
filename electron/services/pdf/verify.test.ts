import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { germanError } from '../../api/test/german-words';
import { setUpSigningIdentity, testPassphrase } from '../signing/test/test-identity';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import type { PdfDocumentModel } from './model';
import { sampleCaseDocument } from './sample-documents';
import { exportSignedPdf } from './sign';
import { maxVerifyBytes, verifyPdf } from './verify';

let rt: TestRuntime;
beforeEach(async () => {
  rt = startTestRuntime();
  await setUpSigningIdentity(rt);
}, 180_000);
afterEach(() => rt.cleanup());

function lastEvent(): { eventId: number; hash: string } {
  const head = rt.services.db.prepare('SELECT last_id, last_hash FROM audit_head').get() as {
    last_id: number;
    last_hash: string;
  };
  return { eventId: head.last_id, hash: head.last_hash };
}

const caseModel = (auditReference: PdfDocumentModel['auditReference']): PdfDocumentModel => ({
  ...sampleCaseDocument(rt.clock.now()),
  auditReference,
});

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('verify-pdf against the database', () => {
  it('names an audit reference this database does not have', async () => {
    const pdf = await exportSignedPdf(
      rt.services,
      caseModel({ eventId: 9999, hash: 'a'.repeat(64) }),
    );
    const report = await verifyPdf(rt.services, pdf);
    expect(report.valid).toBe(false);
    expect(codes(report)).toEqual(['audit_reference_not_found']);
    expect(report.signature.signatureValid).toBe(true);
  });

  it('names an audit event whose hash is not the one the PDF recorded', async () => {
    const { eventId } = lastEvent();
    const pdf = await exportSignedPdf(rt.services, caseModel({ eventId, hash: 'b'.repeat(64) }));
    expect(codes(await verifyPdf(rt.services, pdf))).toEqual(['audit_reference_mismatch']);
  });

  it('fails when the audit chain is broken before the reference, not when only after it', async () => {
    const ref = lastEvent();
    const pdf = await exportSignedPdf(rt.services, caseModel(ref));
    expect((await verifyPdf(rt.services, pdf)).valid).toBe(true);
    // A later event (of another record), then edited: the PDF's part of the chain is intact.
    expect((await rt.client().call('settings.setSecurity', { idleMinutes: 20 })).ok).toBe(true);
    rt.services.db
      .prepare(`UPDATE audit_events SET body = json_set(body, '$.payload.x', 1) WHERE id = ?`)
      .run(ref.eventId + 1);
    const after = await verifyPdf(rt.services, pdf);
    expect(after.valid).toBe(true);
    expect(after.audit?.laterEventsForSubject).toBe(0);
    // An event before the reference edited: the record the PDF points into is broken.
    rt.services.db
      .prepare(`UPDATE audit_events SET body = json_set(body, '$.payload.x', 1) WHERE id = 1`)
      .run();
    expect(codes(await verifyPdf(rt.services, pdf))).toEqual(['audit_chain_broken']);
  });

  it('counts later changes to the referenced record, without failing', async () => {
    // The signing identity's own events stand in for a case's: lock and unlock are later events of it.
    const ref = lastEvent();
    const pdf = await exportSignedPdf(rt.services, caseModel(ref));
    await rt.client().call('signing.lock', {});
    await rt.client().call('signing.unlock', { passphrase: testPassphrase });
    const report = await verifyPdf(rt.services, pdf);
    expect(report).toMatchObject({ valid: true, audit: { laterEventsForSubject: 2 } });
  });

  it('accepts a PDF of an earlier identity, and refuses one signed by a stranger', async () => {
    const ref = lastEvent();
    const old = await exportSignedPdf(rt.services, caseModel(ref));
    await rt.client().call('signing.generate', {
      organisation: 'Renamed Hospital',
      passphrase: testPassphrase,
    });
    const report = await verifyPdf(rt.services, old);
    expect(report).toMatchObject({ valid: true, signature: { identity: 'previous' } });

    const stranger = startTestRuntime();
    try {
      await setUpSigningIdentity(stranger, 'Some Other Hospital');
      const foreign = await exportSignedPdf(stranger.services, caseModel(null));
      const r = await verifyPdf(rt.services, foreign);
      expect(r.valid).toBe(false);
      expect(codes(r)).toEqual(['unknown_signer']);
      expect(r.signature).toMatchObject({
        identity: 'unknown',
        signatureValid: true,
        digestMatches: true,
      });
    } finally {
      stranger.cleanup();
    }
  });

  it('refuses a PDF signed by a retired identity after its retirement', async () => {
    const retiredAt = rt.clock.now().toISOString();
    rt.clock.advance(60_000);
    // Made a minute after the moment the organisation retires this identity (below): as if
    // someone kept the old key and signed with it later.
    const late = await exportSignedPdf(rt.services, caseModel(lastEvent()));
    rt.services.db
      .prepare('UPDATE signing_identities SET current = NULL, retired_at = ?')
      .run(retiredAt);
    const report = await verifyPdf(rt.services, late);
    expect(report).toMatchObject({ valid: false, signature: { identity: 'previous' } });
    expect(codes(report)).toEqual(['signed_after_retirement']);
    expect(report.problems[0]?.message).toContain(`retired at ${retiredAt}`);
  });

  it('says a PDF without a signature is not signed', async () => {
    const unsigned = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    const report = await verifyPdf(rt.services, unsigned);
    expect(report.valid).toBe(false);
    expect(codes(report)[0]).toBe('not_signed');
  });

  it('refuses, as bad input, a file that is not a PDF', async () => {
    const api = rt.client();
    const text = Buffer.from('hello').toString('base64');
    const refused = await api.call('exports.verifyPdf', { fileName: 'note.txt', base64: text });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The file note.txt is not a PDF.' },
    });
    expect(refused.ok ? undefined : germanError(refused.error.details)).toBe(
      'Die Datei note.txt ist kein PDF.',
    );
    const signed = await exportSignedPdf(rt.services, caseModel(lastEvent()));
    const report = await api.value('exports.verifyPdf', {
      fileName: 'case.pdf',
      base64: signed.toString('base64'),
    });
    expect(report.valid).toBe(true);
  });

  it('refuses a file larger than verify-pdf reads, before decoding it', async () => {
    const big = Buffer.alloc(maxVerifyBytes + 3, 0x41).toString('base64');
    const r = await rt.client().call('exports.verifyPdf', { fileName: 'big.pdf', base64: big });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
