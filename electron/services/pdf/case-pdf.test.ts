import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpSigningIdentity, testOrganisation } from '../signing/test/test-identity';
import {
  misplacedWords,
  pdfPageCount,
  pdfWords,
  pdfsig,
  pdftoppm,
  pdftotext,
  qpdfCheck,
} from './independent-tools';
import { sampleCaseDocument, sampleNames } from './sample-documents';
import { exportSignedPdf } from './sign';
import { pdfUnderTest } from './test/pdf-under-test';
import { verifyPdf } from './verify';

let fingerprint = '';
const t = pdfUnderTest('case', async (rt) => {
  fingerprint = (await setUpSigningIdentity(rt)).fingerprintSha256;
  const head = rt.services.db.prepare('SELECT last_id, last_hash FROM audit_head').get() as {
    last_id: number;
    last_hash: string;
  };
  return exportSignedPdf(rt.services, {
    ...sampleCaseDocument(rt.clock.now()),
    auditReference: { eventId: head.last_id, hash: head.last_hash },
  });
});

describe('a signed case-like PDF, checked with independent tools', () => {
  it('pdfsig: the whole document is signed, adbe.pkcs7.detached with SHA-256, and the signature is valid', () => {
    const sig = pdfsig(t.file);
    expect(sig.signatureLine).toBe('Signature is Valid.');
    expect(sig.output).toContain('Total document signed');
    expect(sig.output).toContain('Signature Type: adbe.pkcs7.detached');
    expect(sig.output).toContain('Signing Hash Algorithm: SHA-256');
    expect(sig.output).toContain(`Signer Certificate Common Name: ${testOrganisation}`);
    // Self-signed: poppler cannot chain it to a trusted root until IT trusts the certificate.
    expect(sig.certificateLine).toMatch(/issuer is unknown|not trusted|untrusted/i);
  });

  it('qpdf --check finds no errors', () => {
    const check = qpdfCheck(t.file);
    expect(check.code).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });

  it('pdftotext finds the asset tag, the advisory, every signer and the non-Latin names', () => {
    const text = pdftotext(t.file);
    for (const expected of [
      'NM-PETCT-01',
      'ICSMA-17-215-02',
      'CVE-2015-1635',
      'Dr. Anna Müller',
      sampleNames.polish,
      'Mette Ørsted',
      sampleNames.greek,
      'Chloé Dubois-Lefèvre',
      `Kantonsspital ${sampleNames.latin}-Nord`,
      // DejaVu has no CJK glyphs: the name is drawn with the Noto Sans SC fallback.
      'Wei Zhang (张伟)',
      'Digitally signed by the organisation',
      fingerprint,
    ]) {
      expect(text).toContain(expected);
    }
    const pages = pdfPageCount(t.file);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('puts every word inside the margins, never below the body into the footer', () => {
    const words = pdfWords(t.file);
    expect(words.length).toBeGreaterThan(500);
    expect(misplacedWords(words)).toEqual([]);
  });

  it('embeds subsets of the fonts, so the file stays small', () => {
    expect(t.pdf.length).toBeLessThan(200_000);
    expect(t.pdf.includes(Buffer.from('/FontFile2'))).toBe(true);
    expect(t.pdf.includes(Buffer.from('DejaVuSans'))).toBe(true);
    // The CJK fallback is a subset too: a few glyphs, not the 1.5 MB font.
    expect(t.pdf.includes(Buffer.from('NotoSansSC'))).toBe(true);
  });

  it('renders every page with pdftoppm', () => {
    const pngs = pdftoppm(t.file, path.join(t.out.dir, 'pages'), 'case');
    expect(pngs).toHaveLength(pdfPageCount(t.file));
  });

  it('carries the metadata verify-pdf needs and verifies against the database', async () => {
    const report = await verifyPdf(t.rt.services, t.pdf);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      valid: true,
      signature: {
        wholeDocument: true,
        digestMatches: true,
        signatureValid: true,
        subFilter: 'adbe.pkcs7.detached',
        location: `Kantonsspital ${sampleNames.latin}-Nord (demo)`,
        signingTime: '2026-11-28T08:00:00.000Z',
        identity: 'current',
      },
      document: {
        kind: 'sample.case',
        subjects: [
          { entityType: 'case', entityId: '1' },
          { entityType: 'device', entityId: 'NM-PETCT-01' },
        ],
        generatedAt: '2026-11-28T08:00:00.000Z',
        certificateFingerprintSha256: fingerprint,
      },
      audit: { found: true, hashMatches: true, chainVerifiesToReference: true },
    });
  });

  it('one changed byte inside the signed range: pdfsig reports a digest mismatch and verify fails', async () => {
    // A byte of page content (inside the first signed range), changed as an editor would.
    const tampered = Buffer.from(t.pdf);
    const at = t.pdf.indexOf(Buffer.from('stream')) + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const tamperedFile = path.join(t.out.dir, 'tampered.pdf');
    fs.writeFileSync(tamperedFile, tampered);
    expect(pdfsig(tamperedFile).signatureLine).toBe('Digest Mismatch.');
    const report = await verifyPdf(t.rt.services, tampered);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('digest_mismatch');
  });

  it('bytes appended after signing (an incremental update) make it invalid', async () => {
    const appended = Buffer.concat([
      t.pdf,
      Buffer.from('\n1 0 obj\n<< /Title (forged) >>\nendobj\n'),
    ]);
    const report = await verifyPdf(t.rt.services, appended);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('not_whole_document');
  });
});
