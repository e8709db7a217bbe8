import { z } from 'zod';
import { chainAnchorSchema } from '../chain-anchor';
import { languages } from '../languages';

/**
 * Checking a PDF the app signed (`exports.verifyPdf`, `standalone verify-pdf`): its signature,
 * its signer, its reference into the audit trail and what it says against the database now.
 */

/** A hash of a document, whole and per section (services/pdf/content-hash.ts). */
const contentSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sections: z
      .array(
        z
          .object({ title: z.string().max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
          .strict(),
      )
      .max(500),
  })
  .strict();

export const pdfMetadataSchema = z
  .object({
    format: z.literal('standalone-pdf/1'),
    kind: z.string().max(64),
    title: z.string().max(1000),
    facility: z.string().max(500),
    subjects: z
      .array(z.object({ entityType: z.string().max(64), entityId: z.string().max(128) }).strict())
      .max(10_000),
    auditReference: z
      .object({
        eventId: z.number().int().positive(),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .nullable(),
    generatedAt: z.string().max(40),
    /** The language of the fixed words; English when absent (the rebuild uses the same). */
    language: z.enum(languages).optional(),
    /**
     * The language the playbook's questions are printed in (api/playbook-words.ts); the
     * template's own (English) when absent, as in PDFs made before they were translated.
     */
    playbookLanguage: z.enum(languages).optional(),
    /**
     * A hash of what the document says, whole and per section (content-hash.ts): verify-pdf
     * rebuilds the document from the database and compares. Absent in blank forms made before it.
     */
    content: contentSchema.optional(),
    /**
     * The same for the record's values: the document built with catalogue keys in place of its
     * fixed words, section by section in the order of `content`. When the words differ but the
     * values match, the PDF was worded by another version of the app. Absent before it was added.
     */
    values: contentSchema.optional(),
    certificateFingerprintSha256: z.string().max(200),
    /** The whole chain's head when the PDF was made (`audit verify --anchor` checks it). */
    anchor: chainAnchorSchema.optional(),
    app: z.object({ name: z.literal('Standalone'), version: z.string().max(64) }).strict(),
  })
  .strict();

export type PdfMetadata = z.infer<typeof pdfMetadataSchema>;

export type SignatureProblemCode =
  | 'not_signed'
  | 'multiple_signatures'
  | 'not_whole_document'
  | 'signature_malformed'
  | 'unsupported_algorithm'
  | 'digest_mismatch'
  | 'signature_invalid'
  | 'signer_certificate_missing'
  | 'certificate_not_valid_at_signing';

export interface LaterEvent {
  id: number;
  time: string;
  action: string;
}

export interface ContentCheck {
  /** False when this kind of document cannot be rebuilt (`reason` says why). */
  checked: boolean;
  matches: boolean;
  reason?: string;
  /**
   * The audit event the record was rebuilt as of (the PDF's anchor, else its audit reference):
   * the record is the replay of the events up to it, not today's tables.
   */
  asOfEventId: number | null;
  /** Titles of the sections that differ ("Sign-offs", "Backup"), or the header. */
  changedSections: string[];
  /**
   * The record's values match but the words do not: the PDF was worded by another version of the
   * app (`version`, from its metadata); `sections` are those whose words differ from today's.
   */
  wordedBy?: { version: string; sections: string[] };
  /**
   * Sections where today's tables say something else than the audit trail does for the same
   * record: the tables were changed outside the app (`audit verify` names the rows).
   */
  alteredSections: string[];
  /** Changes to the record after the audit event the PDF refers to (at most 20 listed). */
  laterEvents: LaterEvent[];
}

/** The largest file verify-pdf reads: far above any case or incident report. */
export const maxVerifyBytes = 64 * 1024 * 1024;

export type VerifyProblemCode =
  | SignatureProblemCode
  | 'unknown_signer'
  | 'metadata_missing'
  | 'metadata_mismatch'
  | 'audit_reference_not_found'
  | 'audit_reference_mismatch'
  | 'audit_chain_broken'
  /** Signed with an identity after the organisation retired it. */
  | 'signed_after_retirement'
  /** What the PDF says differs from the database and no recorded change explains it. */
  | 'content_mismatch';

export interface PdfVerifyReport {
  /** True only when every check passed. */
  valid: boolean;
  problems: { code: VerifyProblemCode; message: string }[];
  signature: {
    byteRange: [number, number, number, number] | null;
    wholeDocument: boolean;
    digestMatches: boolean;
    signatureValid: boolean;
    signingTime: string | null;
    subFilter: string | null;
    reason: string | null;
    location: string | null;
    signer: { subject: string; issuer: string; fingerprintSha256: string } | null;
    /** Whether the signer is the organisation's current identity, an earlier one, or neither. */
    identity: 'current' | 'previous' | 'unknown';
  };
  document: PdfMetadata | null;
  audit: {
    eventId: number;
    hash: string;
    found: boolean;
    hashMatches: boolean;
    /** The chain from its first event up to the referenced one verifies. */
    chainVerifiesToReference: boolean;
    /** Events recorded for the same subject after the PDF was made (the record moved on). */
    laterEventsForSubject: number;
  } | null;
  /**
   * The document rebuilt from the database as of its generation time and compared: `matches`
   * ("matches the database"), or the sections that differ and the changes recorded since.
   */
  content: ContentCheck | null;
}
