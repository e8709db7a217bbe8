import type { IncidentReportKind } from '../../../electron/api/domains/exports';
import type { ReportKind } from '../../../electron/api/domains/reports';
import { call } from '../api/client';

/** The reports that have a signed PDF (`exports.incidentPdf`); the timeline has CSV only. */
export function pdfKindOf(kind: ReportKind): IncidentReportKind | undefined {
  return kind === 'timeline' ? undefined : kind;
}

export const exportIncidentPdf = (incidentId: number, report: IncidentReportKind) =>
  call('exports.incidentPdf', { incidentId, report });
