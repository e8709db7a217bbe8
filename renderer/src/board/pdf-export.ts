import type { IncidentReportKind } from '../../../electron/api/domains/exports';
import type { ReportKind } from '../../../electron/api/domains/reports';
import { languages, type Language } from '../../../electron/api/languages';
import { call } from '../api/client';

/** The reports that have a signed PDF (`exports.incidentPdf`); the timeline has CSV only. */
export function pdfKindOf(kind: ReportKind): IncidentReportKind | undefined {
  return kind === 'timeline' ? undefined : kind;
}

/** The PDFs speak the station's language, as the screens do (English for any other). */
export function pdfLanguage(uiLanguage: string): Language {
  return languages.find((l) => l === uiLanguage) ?? 'en';
}

export const exportIncidentPdf = (
  incidentId: number,
  report: IncidentReportKind,
  language: Language,
) => call('exports.incidentPdf', { incidentId, report, language });
