import type { exportMethods } from '../../api/domains/exports';
import { recordExport, recordVerification } from '../audit/export-event';
import type { HandlerMap } from '../core/handler';
import { cancelJob, jobProgress, startCaseBatch } from './batch-export';
import { checkPdfBytes, verifyPdf } from './verify';
import { exportBlankChecklist, exportCase, exportIncidentReport, toExportedPdf } from './exports';

export const exportHandlers: HandlerMap<keyof typeof exportMethods> = {
  'exports.casePdf': async (input, ctx) => {
    const file = await exportCase(ctx.services, input.caseId, input.language);
    recordExport(
      ctx,
      'pdf',
      { entityType: 'case', entityId: input.caseId },
      {
        document: 'case',
        fileName: file.fileName,
      },
    );
    return toExportedPdf(ctx.services, file);
  },
  'exports.incidentPdf': async (input, ctx) => {
    const file = await exportIncidentReport(ctx, input.incidentId, input.report, input.language);
    recordExport(
      ctx,
      'pdf',
      { entityType: 'incident', entityId: input.incidentId },
      {
        document: input.report,
        fileName: file.fileName,
      },
    );
    return toExportedPdf(ctx.services, file);
  },
  'exports.blankPdf': async (input, ctx) => {
    const file = await exportBlankChecklist(
      ctx.services,
      input.templateId,
      input.version,
      input.language,
    );
    recordExport(
      ctx,
      'pdf',
      { entityType: 'playbook', entityId: input.templateId },
      {
        document: 'blank_checklist',
        version: input.version ?? null,
        fileName: file.fileName,
      },
    );
    return { ...toExportedPdf(ctx.services, file), template: file.template };
  },
  'exports.verifyPdf': async (input, ctx) => {
    const bytes = checkPdfBytes(input.fileName, Buffer.from(input.base64, 'base64'));
    const report = await verifyPdf(ctx.services, bytes);
    recordVerification(ctx, input.fileName, bytes, report);
    return report;
  },
  'exports.casePdfs': (input, ctx) => {
    const { jobId, directory, total } = startCaseBatch(
      ctx.services,
      input.caseIds,
      input.directory,
      (caseId, fileName, folder) =>
        recordExport(
          ctx,
          'pdf',
          { entityType: 'case', entityId: caseId },
          {
            document: 'case',
            fileName,
            directory: folder,
          },
        ),
      input.language,
    );
    return { jobId, directory, total };
  },
  'exports.progress': (input, ctx) => jobProgress(ctx.services, input.jobId),
  'exports.cancel': (input, ctx) => cancelJob(ctx.services, input.jobId),
};
