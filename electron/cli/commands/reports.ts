import fs from 'node:fs';
import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportHeader,
  ReportKind,
  TimelineReport,
} from '../../api/domains/reports';
import { reportKinds } from '../../api/domains/reports';
import type { ApiClient } from '../../api/client';
import { CliError, exitCodes, type Output } from '../output';
import { parseIncidentId } from './cases';

/**
 * `report --incident ID --report hics251|hics214|briefing|timeline [--format csv|json|text]
 * [--out FILE]`: the incident reports for printing, spreadsheets and scripts. Text is for reading
 * at a terminal or on paper; csv is what the app exports; json is the report model itself.
 */

type AnyReport = Hics251Report | Hics214Report | BriefingReport | TimelineReport;
const formats = ['text', 'csv', 'json'] as const;
type Format = (typeof formats)[number];

function headerLines(h: ReportHeader, title: string): string[] {
  return [
    title,
    `Incident: ${h.incident.name} (${h.incident.id}, ${h.incident.status})`,
    `Operational period: ${h.operationalPeriod.start} to ${h.operationalPeriod.end}`,
    ...(h.facility ? [`Facility: ${h.facility}${h.timeZone ? ` (${h.timeZone})` : ''}`] : []),
    `Prepared by: ${h.preparedBy.name} (${h.preparedBy.role}) at ${h.preparedAt}`,
    '',
  ];
}

export function reportText(report: AnyReport): string {
  switch (report.kind) {
    case 'hics251':
      return [
        ...headerLines(report.header, 'HICS 251 Facility System Status'),
        `Fully functional ${report.totals.fully_functional}, partially functional ${report.totals.partially_functional}, non-functional ${report.totals.non_functional}`,
        '',
        ...report.rows.flatMap((r) => [
          `${r.statusLabel.padEnd(21)} ${r.system}`,
          `  location: ${r.location || '-'}`,
          `  reason: ${r.reason}`,
          `  estimated return: ${r.estimatedReturn ?? '-'}`,
          `  comments: ${r.comments}`,
        ]),
      ].join('\n');
    case 'hics214':
      return [
        ...headerLines(report.header, 'HICS 214 Activity Log'),
        ...report.entries.flatMap((e) => [
          `${e.person.name} — ${e.positionLabel}`,
          ...e.activities.map((a) => `  ${a.at}  ${a.activity}`),
          '',
        ]),
        `${report.activityCount} activities from ${report.eventsRead} audit events.`,
      ].join('\n');
    case 'timeline':
      return [
        ...headerLines(report.header, 'Incident timeline'),
        ...report.entries.map((e) => `${e.at}  ${e.event}  (${e.by}, ${e.role})`),
      ].join('\n');
    case 'briefing':
      return [
        ...headerLines(report.header, 'Incident briefing'),
        'Situation',
        `  ${report.situation.summary}`,
        'Objectives',
        ...report.objectives.map((o) => `  - ${o}`),
        'Actions planned',
        ...report.actionsPlanned.map((p) => `  - ${p.caseCount} ${p.state}: ${p.action}`),
        'Actions taken (latest first)',
        ...report.actionsTaken.map((a) => `  ${a.at}  ${a.by}: ${a.activity}`),
        'Resources',
        ...report.resources.flatMap((g) =>
          g.people.map((p) => `  ${g.roleLabel}: ${p.name}, ${p.openCases} open of ${p.cases}`),
        ),
        `  Unassigned open cases: ${report.unassignedOpenCases}`,
      ].join('\n');
  }
}

function parseKind(text: string | undefined): ReportKind {
  const kind = reportKinds.find((k) => k === text);
  if (!kind) {
    throw new CliError(
      `--report must be one of ${reportKinds.join(', ')}${text === undefined ? '' : `, not "${text}"`}.`,
      exitCodes.invalidInput,
    );
  }
  return kind;
}

function parseFormat(text: string | undefined): Format {
  const format = formats.find((f) => f === (text ?? 'text'));
  if (!format) {
    throw new CliError(
      `--format must be text, csv or json, not "${text}".`,
      exitCodes.invalidInput,
    );
  }
  return format;
}

export async function reportCommand(
  api: ApiClient,
  out: Output,
  options: {
    incident: string | undefined;
    report: string | undefined;
    format: string | undefined;
    out: string | undefined;
  },
): Promise<number> {
  const incidentId = parseIncidentId(options.incident);
  if (incidentId === undefined) {
    throw new CliError(
      '--incident is required (see "standalone incident list").',
      exitCodes.invalidInput,
    );
  }
  const kind = parseKind(options.report);
  const format = parseFormat(options.format);
  let content: string;
  if (format === 'csv') {
    content = (await api.value('reports.csv', { incidentId, report: kind })).text;
  } else {
    const method = `reports.${kind}` as const;
    const report = await api.value(method, { incidentId });
    content =
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${reportText(report)}\n`;
  }
  if (!options.out) {
    process.stdout.write(content);
    return exitCodes.ok;
  }
  fs.writeFileSync(options.out, content);
  out.print(`Wrote the ${kind} report of incident ${incidentId} to ${options.out} (${format}).`, {
    file: options.out,
    report: kind,
    format,
    incidentId,
  });
  return exitCodes.ok;
}
