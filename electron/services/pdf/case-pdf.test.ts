import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpSigningIdentity, testOrganisation } from '../signing/test/test-identity';
import { startTestRuntime, tempDir, type TestRuntime } from '../test/temp-runtime';
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
import { verifyPdf } from './verify';

let rt: TestRuntime;
let out: ReturnType<typeof tempDir>;
let file: string;
let pdf: Buffer;
let fingerprint: string;

beforeAll(async () => {
  rt = startTestRuntime();
  out = tempDir('standalone-pdf-');
  fingerprint = (await setUpSigningIdentity(rt)).fingerprintSha256;
  const head = rt.services.db.prepare('SELECT last_id, last_hash FROM audit_head').get() as {
    last_id: number;
    last_hash: string;
  };
  pdf = await exportSignedPdf(rt.services, {
    ...sampleCaseDocument(rt.clock.now()),
    auditReference: { eventId: head.last_id, hash: head.last_hash },
  });
  file = path.join(out.dir, 'case.pdf');
  fs.writeFileSync(file, pdf);
}, 180_000);
afterAll(() => {
  rt.cleanup();
  out.cleanup();
});

describe('a signed case-like PDF, checked with independent tools', () => {
  it('pdfsig: the whole document is signed, adbe.pkcs7.detached with SHA-256, and the signature is valid', () => {
    const sig = pdfsig(file);
    expect(sig.signatureLine).toBe('Signature is Valid.');
    expect(sig.output).toContain('Total document signed');
    expect(sig.output).toContain('Signature Type: adbe.pkcs7.detached');
    expect(sig.output).toContain('Signing Hash Algorithm: SHA-256');
    expect(sig.output).toContain(`Signer Certificate Common Name: ${testOrganisation}`);
    // Self-signed: poppler cannot chain it to a trusted root until IT trusts the certificate.
    expect(sig.certificateLine).toMatch(/issuer is unknown|not trusted|untrusted/i);
  });

  it('qpdf --check finds no errors', () => {
    const check = qpdfCheck(file);
    expect(check.code).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });

  it('pdftotext finds the asset tag, the advisory, every signer and the non-Latin names', () => {
    const text = pdftotext(file);
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
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('puts every word inside the margins, never below the body into the footer', () => {
    const words = pdfWords(file);
    expect(words.length).toBeGreaterThan(500);
    expect(misplacedWords(words)).toEqual([]);
  });

  it('embeds subsets of the fonts, so the file stays small', () => {
    expect(pdf.length).toBeLessThan(200_000);
    expect(pdf.includes(Buffer.from('/FontFile2'))).toBe(true);
    expect(pdf.includes(Buffer.from('DejaVuSans'))).toBe(true);
    // The CJK fallback is a subset too: a few glyphs, not the 1.5 MB font.
    expect(pdf.includes(Buffer.from('NotoSansSC'))).toBe(true);
  });

  it('renders every page with pdftoppm', () => {
    const pngs = pdftoppm(file, path.join(out.dir, 'pages'), 'case');
    expect(pngs).toHaveLength(pdfPageCount(file));
  });

  it('carries the metadata verify-pdf needs and verifies against the database', async () => {
    const report = await verifyPdf(rt.services, pdf);
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
    const tampered = Buffer.from(pdf);
    const at = pdf.indexOf(Buffer.from('stream')) + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const tamperedFile = path.join(out.dir, 'tampered.pdf');
    fs.writeFileSync(tamperedFile, tampered);
    expect(pdfsig(tamperedFile).signatureLine).toBe('Digest Mismatch.');
    const report = await verifyPdf(rt.services, tampered);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('digest_mismatch');
  });

  it('bytes appended after signing (an incremental update) make it invalid', async () => {
    const appended = Buffer.concat([
      pdf,
      Buffer.from('\n1 0 obj\n<< /Title (forged) >>\nendobj\n'),
    ]);
    const report = await verifyPdf(rt.services, appended);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('not_whole_document');
  });
});
