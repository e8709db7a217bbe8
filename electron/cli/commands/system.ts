import type { AnchorCheck, AuditVerifyReport, DbCheckReport, RecordProblem } from '../../api';
import type { Dispatch } from '../../services/dispatcher';
import { exitCodes, unwrap, type Output } from '../output';

export async function dbCheck(dispatch: Dispatch, out: Output, full: boolean): Promise<number> {
  const report = unwrap(await dispatch('db.check', { full })) as DbCheckReport;
  out.print(
    [
      `schema version ${report.schemaVersion} (this app: ${report.appSchemaVersion})`,
      `journal mode ${report.journalMode}`,
      `${report.check}: ${report.ok ? 'ok' : report.problems.join('\n  ')}`,
    ].join('\n'),
    report,
  );
  return report.ok ? exitCodes.ok : exitCodes.checkFailed;
}

const problemWords: Record<RecordProblem['problem'], string> = {
  differs: 'differs from the audit trail',
  missing: 'is missing: the audit trail says it exists',
  no_event: 'has no audit event that wrote it',
};

/** One line per problem: `cases id=3 field state differs from the audit trail (...)`. */
export function recordProblemLine(p: RecordProblem): string {
  const where = `${p.table} ${p.key}${p.field === null ? '' : ` field ${p.field}`}`;
  const detail =
    p.problem === 'differs'
      ? ` (event ${p.eventId} wrote ${p.expected}, the table holds ${p.actual})`
      : p.eventId === null
        ? ''
        : ` (last written by event ${p.eventId})`;
  return `${where} ${problemWords[p.problem]}${detail}`;
}

export async function auditVerify(
  dispatch: Dispatch,
  out: Output,
  anchorFiles: string[] = [],
): Promise<number> {
  const report = unwrap(await dispatch('audit.verify', {})) as AuditVerifyReport;
  const anchors = anchorFiles.length
    ? (unwrap(await dispatch('audit.verifyAnchors', { files: anchorFiles })) as AnchorCheck[])
    : [];
  const lines = [
    report.firstBad
      ? `audit chain BROKEN at event ${report.firstBad.id}: ${report.firstBad.reason}`
      : `audit chain ok: ${report.eventCount} events, last hash ${report.lastHash ?? '(none)'}`,
  ];
  const records = report.records;
  if (records) {
    lines.push(
      records.ok
        ? `records ok: ${records.rowsChecked} rows in ${records.tablesChecked.length} tables match the audit trail`
        : `records do NOT match the audit trail: ${records.problemCount} problem(s)`,
      ...records.problems.map((p) => '  ' + recordProblemLine(p)),
    );
    if (records.problemCount > records.problems.length) {
      lines.push(`  … and ${records.problemCount - records.problems.length} more`);
    }
  }
  for (const a of anchors) {
    lines.push(
      a.ok
        ? `anchor ok: ${a.file} (${a.kind}, event ${a.eventId}, ${a.signature === 'valid' ? 'signed by the organisation' : 'unsigned'}): the live chain extends it`
        : `anchor FAILED: ${a.problem ?? a.file}`,
    );
  }
  out.print(lines.join('\n'), anchors.length ? { ...report, anchors } : report);
  return report.ok && anchors.every((a) => a.ok) ? exitCodes.ok : exitCodes.checkFailed;
}

export async function demoLoad(dispatch: Dispatch, out: Output): Promise<number> {
  const report = unwrap(await dispatch('demo.load', {}));
  const r = report as { devicesAdded: number; advisoriesAdded: number; facility: string };
  out.print(
    `Demo facility "${r.facility}" loaded: ${r.devicesAdded} devices, ${r.advisoriesAdded} advisories.`,
    report,
  );
  return exitCodes.ok;
}
