import type Database from 'better-sqlite3';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { verifyAuditChain } from '../audit/verify';
import type { Services } from '../core/context';
import { wordedError } from '../core/errors';
import { identityByFingerprint } from '../signing/identity-store';
import {
  maxVerifyBytes,
  type PdfVerifyReport,
  type VerifyProblemCode,
} from '../../api/domains/pdf-verify';
import { checkContent } from './content-check';
import { readMetadata, type PdfMetadata } from './metadata';
import { checkPdfSignature, type SignatureCheck } from './signature-check';

export { maxVerifyBytes, type PdfVerifyReport, type VerifyProblemCode };

interface SignatureDictionary {
  subFilter: string | null;
  reason: string | null;
  location: string | null;
}

function text(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** /SubFilter, /Reason and /Location of the (one) signature field's value. */
function readSignatureDictionary(doc: PDFDocument): SignatureDictionary {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const field = fields && fields.size() > 0 ? fields.lookupMaybe(0, PDFDict) : undefined;
  const sig = field?.lookupMaybe(PDFName.of('V'), PDFDict);
  const subFilter = sig?.lookup(PDFName.of('SubFilter'));
  return {
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : null,
    reason: text(sig?.lookup(PDFName.of('Reason'))),
    location: text(sig?.lookup(PDFName.of('Location'))),
  };
}

/** The bytes of a file to verify, refused when too large or not a PDF (bad input, not "invalid"). */
export function checkPdfBytes(fileName: string, bytes: Buffer): Buffer {
  if (bytes.length > maxVerifyBytes) {
    throw wordedError('invalid_input', 'pdfTooLarge', {
      file: fileName,
      size: Math.round(bytes.length / 1048576),
      max: maxVerifyBytes / 1048576,
    });
  }
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    throw wordedError('invalid_input', 'notAPdf', { file: fileName }, { header: 'no %PDF-' });
  }
  return bytes;
}

function auditCheck(
  db: Database.Database,
  meta: PdfMetadata,
): NonNullable<PdfVerifyReport['audit']> | null {
  const ref = meta.auditReference;
  if (!ref) return null;
  const row = db
    .prepare('SELECT hash, entity_type, entity_id FROM audit_events WHERE id = ?')
    .get(ref.eventId) as
    { hash: string; entity_type: string; entity_id: string | null } | undefined;
  const chain = verifyAuditChain(db);
  const later = row
    ? (db
        .prepare(
          'SELECT count(*) FROM audit_events WHERE entity_type = ? AND entity_id IS ? AND id > ?',
        )
        .pluck()
        .get(row.entity_type, row.entity_id, ref.eventId) as number)
    : 0;
  return {
    eventId: ref.eventId,
    hash: ref.hash,
    found: row !== undefined,
    hashMatches: row?.hash === ref.hash,
    chainVerifiesToReference: chain.ok || (chain.firstBad?.id ?? 0) > ref.eventId,
    laterEventsForSubject: later,
  };
}

function eventTime(db: Database.Database, id: number): string | null {
  const body = db.prepare('SELECT body FROM audit_events WHERE id = ?').pluck().get(id);
  if (typeof body !== 'string') return null;
  const time = (JSON.parse(body) as { time?: unknown }).time;
  return typeof time === 'string' ? time : null;
}

/**
 * The latest moment the PDF claims for itself (its signing time, the time written in it, the
 * time of the audit event it references) if that is after the identity's retirement.
 */
function signedAfterRetirement(
  retiredAt: string | null,
  claimed: readonly (string | null)[],
): string | undefined {
  if (retiredAt === null) return undefined;
  const retired = new Date(retiredAt).getTime();
  const late = claimed.filter(
    (t): t is string => t !== null && !Number.isNaN(Date.parse(t)) && Date.parse(t) > retired,
  );
  return late.sort().at(-1);
}

function signatureSection(
  check: SignatureCheck,
  dict: SignatureDictionary,
  identity: PdfVerifyReport['signature']['identity'],
): PdfVerifyReport['signature'] {
  return {
    byteRange: check.byteRange,
    wholeDocument: check.wholeDocument,
    digestMatches: check.digestMatches,
    signatureValid: check.signatureValid,
    signingTime: check.signingTime,
    ...dict,
    signer: check.signer
      ? {
          subject: check.signer.subject,
          issuer: check.signer.issuer,
          fingerprintSha256: check.signer.fingerprintSha256,
        }
      : null,
    identity,
  };
}

/**
 * Is this a PDF the organisation signed, unchanged, and does it match the database? The
 * signature must verify over the whole file, the signer must be the organisation's current or
 * an earlier identity, and the audit event it references must exist with the same hash in a
 * chain that verifies up to it.
 */
export async function verifyPdf(services: Services, pdf: Buffer): Promise<PdfVerifyReport> {
  const check = checkPdfSignature(pdf);
  const problems: PdfVerifyReport['problems'] = [...check.problems];
  const known = check.signer
    ? identityByFingerprint(services.db, check.signer.fingerprintSha256)
    : undefined;
  const identity = !known ? 'unknown' : known.retired_at === null ? 'current' : 'previous';
  if (check.signer && !known) {
    problems.push({
      code: 'unknown_signer',
      message: `the signer "${check.signer.subject}" (SHA-256 ${check.signer.fingerprintSha256}) is not a signing identity of this organisation`,
    });
  }
  let doc: PDFDocument | null = null;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    problems.push({
      code: 'metadata_missing',
      message: `the PDF cannot be read: ${(error as Error).message}`,
    });
  }
  const dict = doc
    ? readSignatureDictionary(doc)
    : { subFilter: null, reason: null, location: null };
  let document: PdfMetadata | null = null;
  if (doc) {
    const read = readMetadata(doc);
    if ('problem' in read) problems.push({ code: 'metadata_missing', message: read.problem });
    else document = read.metadata;
  }
  if (
    document &&
    check.signer &&
    document.certificateFingerprintSha256 !== check.signer.fingerprintSha256
  ) {
    problems.push({
      code: 'metadata_mismatch',
      message: 'the certificate named in the document is not the certificate that signed it',
    });
  }
  const audit = document ? auditCheck(services.db, document) : null;
  if (audit && !audit.found) {
    problems.push({
      code: 'audit_reference_not_found',
      message: `the audit reference (event #${audit.eventId}) is not in this database’s audit trail`,
    });
  } else if (audit && !audit.hashMatches) {
    problems.push({
      code: 'audit_reference_mismatch',
      message: `audit event #${audit.eventId} has a different hash than the document records (${audit.hash})`,
    });
  }
  if (audit?.found && !audit.chainVerifiesToReference) {
    problems.push({
      code: 'audit_chain_broken',
      message: `the audit chain does not verify up to event #${audit.eventId} (run "standalone audit verify")`,
    });
  }
  const lateSigning = signedAfterRetirement(known?.retired_at ?? null, [
    check.signingTime,
    document?.generatedAt ?? null,
    audit?.found ? eventTime(services.db, audit.eventId) : null,
  ]);
  if (lateSigning) {
    problems.push({
      code: 'signed_after_retirement',
      message: `the signing identity was retired at ${known?.retired_at ?? ''}, but this PDF was made after that (${lateSigning}): a retired key must not sign`,
    });
  }
  const content = document ? await checkContent(services, document) : null;
  // The record is rebuilt as of the PDF's own point of the chain: a later change explains nothing.
  if (content?.checked && !content.matches) {
    problems.push({
      code: 'content_mismatch',
      message: `what the PDF says differs from the record as the audit trail tells it at event #${content.asOfEventId ?? '?'} (${content.changedSections.join(', ') || 'content'}): ${content.reason ?? 'the PDF was made from altered data, or a playbook or the facility was edited outside the app'}`,
    });
  }
  if (content && content.alteredSections.length > 0) {
    problems.push({
      code: 'content_mismatch',
      message: `the database’s tables say something else than its audit trail about this record (${content.alteredSections.join(', ')}): they were changed outside the app (run "standalone audit verify")`,
    });
  }
  return {
    valid: problems.length === 0,
    problems,
    signature: signatureSection(check, dict, identity),
    document,
    audit,
    content,
  };
}
