import type Database from 'better-sqlite3';
import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportKind,
  reportMethods,
  TimelineReport,
} from '../../api/domains/reports';
import { loadWorkflowResources, type WorkflowResources } from '../cases/workflow-resources';
import type { CallContext } from '../core/context';
import { recordExport } from '../audit/export-event';
import { systemActor } from '../audit/append';
import { issueAnchor } from '../audit/anchors';
import { csvAnchorPrefix } from '../audit/anchor-files';
import type { HandlerMap } from '../core/handler';
import { briefingReport } from './briefing';
import { hics214Report } from './hics214';
import { hics251Report } from './hics251';
import { reportCsv } from './report-csv';
import { reportContext, type PeriodInput, type ReportContext } from './report-header';
import { timelineReport } from './timeline';

interface ReportOf {
  hics251: Hics251Report;
  hics214: Hics214Report;
  briefing: BriefingReport;
  timeline: TimelineReport;
}

const builders: {
  [K in ReportKind]: (
    db: Database.Database,
    rc: ReportContext,
    w: WorkflowResources,
  ) => ReportOf[K];
} = {
  hics251: hics251Report,
  hics214: (db, rc) => hics214Report(db, rc),
  briefing: briefingReport,
  timeline: (db, rc) => timelineReport(db, rc),
};

/** Build one report; it reads in one transaction so that its parts describe the same moment. */
export function buildReport<K extends ReportKind>(
  ctx: CallContext,
  kind: K,
  input: PeriodInput,
): ReportOf[K] {
  const { db, resourcesDir } = ctx.services;
  const build = builders[kind];
  return db.transaction(() =>
    build(db, reportContext(ctx, input), loadWorkflowResources(resourcesDir)),
  )();
}

export const reportHandlers: HandlerMap<keyof typeof reportMethods> = {
  'reports.hics251': (input, ctx) => buildReport(ctx, 'hics251', input),
  'reports.hics214': (input, ctx) => buildReport(ctx, 'hics214', input),
  'reports.briefing': (input, ctx) => buildReport(ctx, 'briefing', input),
  'reports.timeline': (input, ctx) => buildReport(ctx, 'timeline', input),
  'reports.csv': (input, ctx) => {
    const csv = reportCsv(input.report, buildReport(ctx, input.report, input));
    recordExport(
      ctx,
      'csv',
      { entityType: 'incident', entityId: input.incidentId },
      {
        document: input.report,
        fileName: csv.fileName,
      },
    );
    // The chain head as the file leaves the app, on a last comment line.
    const anchor = issueAnchor(
      { services: ctx.services, actor: systemActor },
      { kind: 'report', name: csv.fileName },
    );
    if (!anchor) return csv;
    const line = csvAnchorPrefix + Buffer.from(JSON.stringify(anchor)).toString('base64url');
    const newline = csv.text.endsWith('\n') ? '' : '\r\n';
    return { ...csv, text: `${csv.text}${newline}${line}\r\n` };
  },
};
