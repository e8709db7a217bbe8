import type { ApiClient } from '../../api/client';
import type { RecordProblem } from '../../api';
import { exitCodes, type Output } from '../output';
// The one `--lang en|de` check (first written for the PDFs' words).
import { pdfLanguage as languageOption } from './pdf';

export async function dbCheck(api: ApiClient, out: Output, full: boolean): Promise<number> {
  const report = await api.value('db.check', { full });
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
  api: ApiClient,
  out: Output,
  anchorFiles: string[] = [],
): Promise<number> {
  const report = await api.value('audit.verify', {});
  const anchors = anchorFiles.length
    ? await api.value('audit.verifyAnchors', { files: anchorFiles })
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

/** `standalone demo load [--lang en|de]`: the demo's free text in that language. */
export async function demoLoad(
  api: ApiClient,
  out: Output,
  lang: string | undefined,
): Promise<number> {
  const report = await api.value('demo.load', languageOption(lang));
  out.print(
    report.resumed
      ? `Demo facility "${report.facility}": the load that was cut short is finished (${report.advisoriesAdded} advisories added).`
      : `Demo facility "${report.facility}" loaded: ${report.devicesAdded} devices, ${report.advisoriesAdded} advisories.`,
    report,
  );
  return exitCodes.ok;
}
