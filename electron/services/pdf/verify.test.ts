import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpSigningIdentity, testPassphrase } from '../signing/test-identity';
import { startTestRuntime, tempDir, type TestRuntime } from '../test/temp-runtime';
import type { PdfDocumentModel } from './model';
import { sampleCaseDocument } from './sample-documents';
import { exportSignedPdf } from './sign';
import { maxVerifyBytes, readPdfFile, verifyPdf } from './verify';

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
    expect((await rt.dispatch('demo.load', {})).ok).toBe(true);
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
    await rt.dispatch('signing.lock', {});
    await rt.dispatch('signing.unlock', { passphrase: testPassphrase });
    const report = await verifyPdf(rt.services, pdf);
    expect(report).toMatchObject({ valid: true, audit: { laterEventsForSubject: 2 } });
  });

  it('accepts a PDF of an earlier identity, and refuses one signed by a stranger', async () => {
    const ref = lastEvent();
    const old = await exportSignedPdf(rt.services, caseModel(ref));
    await rt.dispatch('signing.generate', {
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

  it('refuses, as bad input, a file that is not a PDF or is too large', () => {
    const dir = tempDir('standalone-verify-');
    try {
      const text = path.join(dir.dir, 'note.txt');
      fs.writeFileSync(text, 'hello');
      expect(() => readPdfFile(text)).toThrow(
        expect.objectContaining({
          code: 'invalid_input',
          message: expect.stringContaining('not a PDF'),
        }),
      );
      const big = path.join(dir.dir, 'big.pdf');
      fs.writeFileSync(big, '%PDF-1.7\n');
      fs.truncateSync(big, maxVerifyBytes + 1);
      expect(() => readPdfFile(big)).toThrow(
        expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('MB') }),
      );
      expect(() => readPdfFile(path.join(dir.dir, 'missing.pdf'))).toThrow(
        expect.objectContaining({ code: 'invalid_input' }),
      );
    } finally {
      dir.cleanup();
    }
  });
});
