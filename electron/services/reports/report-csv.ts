import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportCsv,
  ReportKind,
  TimelineReport,
} from '../../api/domains/reports';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';

/**
 * The reports as spreadsheets, written like every CSV the app exports (`spreadsheetCsv`: byte
 * order mark, CRLF, formulas neutralised — a device note or a reason starting with "=" stays text).
 */

export type AnyReport = Hics251Report | Hics214Report | BriefingReport | TimelineReport;

function table(report: AnyReport): { fields: string[]; rows: string[][] } {
  switch (report.kind) {
    case 'hics251':
      return {
        fields: [
          'System',
          'Asset tag',
          'Status',
          'Location',
          'Reason',
          'Estimated return',
          'Comments',
          'Workflow state',
        ],
        rows: report.rows.map((r) => [
          r.system,
          r.assetTag,
          r.statusLabel,
          r.location,
          r.reason,
          r.estimatedReturn ?? '',
          r.comments,
          r.state,
        ]),
      };
    case 'hics214':
      return {
        fields: ['Name', 'Position', 'Time', 'Notable activity', 'Asset tag', 'Audit event'],
        rows: report.entries.flatMap((e) =>
          e.activities.map((a) => [
            e.person.name,
            e.positionLabel,
            a.at,
            a.activity,
            a.assetTag ?? '',
            String(a.auditEventId),
          ]),
        ),
      };
    case 'timeline':
      return {
        fields: ['Time', 'Event', 'By', 'Position', 'Asset tag', 'Audit event'],
        rows: report.entries.map((e) => [
          e.at,
          e.event,
          e.by,
          e.role,
          e.assetTag ?? '',
          String(e.auditEventId),
        ]),
      };
    case 'briefing':
      return {
        fields: ['Section', 'Time', 'Text'],
        rows: [
          ['Situation', '', report.situation.summary],
          ...report.objectives.map((o) => ['Objective', '', o]),
          ...report.actionsTaken.map((a) => ['Action taken', a.at, `${a.by}: ${a.activity}`]),
          ...report.topPriorities.map((p) => [
            'Priority',
            '',
            `${p.assetTag} (${p.trackingId}): ${p.priority} — ${p.reasons.join('; ')}`,
          ]),
          ...report.actionsPlanned.map((p) => [
            'Action planned',
            '',
            `${p.caseCount} ${p.state.replace(/_/g, ' ')}: ${p.action}`,
          ]),
          ...report.resources.flatMap((g) =>
            g.people.map((p) => [
              'Resource',
              '',
              `${g.roleLabel}: ${p.name} (${p.openCases} open of ${p.cases} assigned)`,
            ]),
          ),
        ],
      };
  }
}

/** "ICSMA-17-215-02 response" → "ICSMA-17-215-02-response": safe in any file system. */
function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
  return s === '' ? 'incident' : s;
}

export function reportCsv(kind: ReportKind, report: AnyReport): ReportCsv {
  const { fields, rows } = table(report);
  const day = report.header.preparedAt.slice(0, 10);
  return {
    fileName: `${kind}-${slug(report.header.incident.name)}-${day}.csv`,
    text: spreadsheetCsv(fields, rows),
    rowCount: rows.length,
  };
}
