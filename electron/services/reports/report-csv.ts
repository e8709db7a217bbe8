import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportCsv,
  ReportKind,
  TimelineReport,
} from '../../api/domains/reports';
import { formatDate, formatIsoWithOffset } from '../../api/clock';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';

/**
 * The reports as spreadsheets, written like every CSV the app exports (`spreadsheetCsv`: byte
 * order mark, CRLF, formulas neutralised — a device note or a reason starting with "=" stays text).
 * Times are ISO 8601 in the facility's zone with its offset ("2017-08-03T11:00:00+02:00"): read
 * as the facility's clock, and still one instant for a program in any zone.
 */

export type AnyReport = Hics251Report | Hics214Report | BriefingReport | TimelineReport;

function table(report: AnyReport): { fields: string[]; rows: string[][] } {
  const time = (at: string) => formatIsoWithOffset(at, report.header.timeZone);
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
          r.estimatedReturn ? time(r.estimatedReturn) : '',
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
            time(a.at),
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
          time(e.at),
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
          ...report.actionsTaken.map((a) => ['Action taken', time(a.at), `${a.by}: ${a.activity}`]),
          ...report.topPriorities.map((p) => [
            'Priority',
            '',
            `${p.assetTag} (${p.trackingId})${p.station ? `, held at ${p.station}` : ''}: ${p.priority} — ${p.reasons.join('; ')}`,
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
  // The facility's day: a report prepared at 00:30 in Zurich is of that day, not the one before.
  const day = formatDate(report.header.preparedAt, report.header.timeZone);
  return {
    fileName: `${kind}-${slug(report.header.incident.name)}-${day}.csv`,
    text: spreadsheetCsv(fields, rows),
    rowCount: rows.length,
  };
}
