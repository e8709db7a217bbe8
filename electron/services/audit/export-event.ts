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
