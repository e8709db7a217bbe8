import type { exportMethods } from '../../api/domains/exports';
import type { HandlerMap } from '../core/handler';
import { cancelJob, jobProgress, startCaseBatch } from './batch-export';
import { exportBlankChecklist, exportCase, exportIncidentReport, toExportedPdf } from './exports';

export const exportHandlers: HandlerMap<keyof typeof exportMethods> = {
  'exports.casePdf': async (input, ctx) =>
    toExportedPdf(ctx.services, await exportCase(ctx.services, input.caseId)),
  'exports.incidentPdf': async (input, ctx) =>
    toExportedPdf(ctx.services, await exportIncidentReport(ctx, input.incidentId, input.report)),
  'exports.blankPdf': async (input, ctx) =>
    toExportedPdf(
      ctx.services,
      await exportBlankChecklist(ctx.services, input.templateId, input.version),
    ),
  'exports.casePdfs': (input, ctx) => {
    const { jobId, directory, total } = startCaseBatch(
      ctx.services,
      input.caseIds,
      input.directory,
    );
    return { jobId, directory, total };
  },
  'exports.progress': (input, ctx) => jobProgress(ctx.services, input.jobId),
  'exports.cancel': (input, ctx) => cancelJob(ctx.services, input.jobId),
};
