import crypto from 'node:crypto';
import type { PdfVerifyReport } from '../../api/domains/pdf-verify';
import type { CallContext } from '../core/context';
import { recordEvent } from './record';

export type ExportKind = 'pdf' | 'csv' | 'json';

/**
 * Every file that leaves the app is an audit event: what was exported (`kind`, the file name
 * and its details), for which record, and by whom (the call's actor, or the operator with the
 * OS user). Recorded after the file was made, so a failed export records nothing.
 */
export function recordExport(
  ctx: Pick<CallContext, 'services' | 'actor' | 'caller'>,
  kind: ExportKind,
  subject: { entityType: string; entityId: string | number | null },
  details: Record<string, unknown>,
): void {
  // Filed under `export`, not under the record itself: an export changes nothing, so it must
  // not become the record's last event (the audit reference of the record's next PDF).
  const id =
    subject.entityId === null ? subject.entityType : `${subject.entityType}:${subject.entityId}`;
  recordEvent(ctx, ctx.actor, {
    action: `export.${kind}`,
    entityType: 'export',
    entityId: id,
    payload: { subjectType: subject.entityType, subjectId: subject.entityId, ...details },
  });
}

/**
 * Every verify-pdf is an audit event too: which file (its name and SHA-256), for which record,
 * by whom, and the verdict. Filed under `verification`, so a record's audit reference (its own
 * last event) does not move when someone checks one of its PDFs.
 */
export function recordVerification(
  ctx: Pick<CallContext, 'services' | 'actor' | 'caller'>,
  fileName: string,
  bytes: Buffer,
  report: PdfVerifyReport,
): void {
  // The record the PDF is about, not who prepared it.
  const subject =
    report.document?.subjects.find((s) => s.entityType !== 'user' && s.entityType !== 'operator') ??
    null;
  recordEvent(ctx, ctx.actor, {
    action: 'pdf.verified',
    entityType: 'verification',
    entityId: subject ? `${subject.entityType}:${subject.entityId}` : 'unknown',
    payload: {
      fileName,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      documentKind: report.document?.kind ?? null,
      subjectType: subject?.entityType ?? null,
      subjectId: subject?.entityId ?? null,
      auditReference: report.document?.auditReference ?? null,
      valid: report.valid,
      problems: report.problems.map((p) => p.code),
    },
  });
}
