import type { ExportedPdf, IncidentReportKind } from '../../api/domains/exports';
import type { Language } from '../../api/languages';
import { findCaseRow } from '../cases/case-store';
import { loadWorkflowResources } from '../cases/workflow-resources';
import type { CallContext, Services } from '../core/context';
import { wordedError, notFound } from '../core/errors';
import { getIncident } from '../incidents/incident-store';
import { requireUnlockedIdentity } from '../signing/identity';
import { blankChecklistDocument, documentFacility } from './blank-checklist';
import { buildCaseDocument } from './case-document';
import { caseFileName, safeFileName } from './file-names';
import { buildIncidentSummaryDocument } from './incident-summary';
import { buildReportDocument } from './incident-reports';
import { exportSignedPdf } from './sign';

/** The exporters the API and the CLI share: each returns a signed PDF and a file name for it. */

export interface SignedFile {
  fileName: string;
  pdf: Buffer;
}

export interface SignedBlankChecklist extends SignedFile {
  template: { id: string; version: number; title: string };
}

export async function exportCase(
  services: Services,
  caseId: number,
  language?: Language,
): Promise<SignedFile> {
  // Locked key: fail before the work of building the document.
  requireUnlockedIdentity(services);
  const row = findCaseRow(services.db, caseId);
  if (!row) throw notFound('case', caseId);
  const model = buildCaseDocument(services, caseId, services.clock.now(), language);
  return {
    fileName: caseFileName({ caseId, assetTag: row.asset_tag, trackingId: row.tracking_id }),
    pdf: await exportSignedPdf(services, model),
  };
}

export async function exportIncidentReport(
  ctx: CallContext,
  incidentId: number,
  report: IncidentReportKind,
  language?: Language,
): Promise<SignedFile> {
  const { services } = ctx;
  requireUnlockedIdentity(services);
  const now = services.clock.now();
  const incident = getIncident(services.db, incidentId, now);
  const model =
    report === 'summary'
      ? buildIncidentSummaryDocument(services, incidentId, now, language)
      : await buildReportDocument(ctx, incidentId, report, language);
  return {
    fileName: safeFileName(`${report}-${incident.name}-${now.toISOString().slice(0, 10)}`),
    pdf: await exportSignedPdf(services, model),
  };
}

export async function exportBlankChecklist(
  services: Services,
  templateId: string,
  version: number | undefined,
  language?: Language,
): Promise<SignedBlankChecklist> {
  requireUnlockedIdentity(services);
  // The library the workflow loaded: the same shipped files, checked against their hashes.
  const library = loadWorkflowResources(services.resourcesDir).playbooks;
  const template =
    version === undefined ? library.latest(templateId) : library.get(templateId, version);
  if (!template) {
    const known = library.templates.map((t) => `${t.id} v${t.version}`).join(', ');
    throw wordedError(
      'not_found',
      'playbookUnknown',
      { id: templateId, known: known || '–' },
      { version: version ?? null },
    );
  }
  const model = blankChecklistDocument(template, {
    ...documentFacility(services),
    generatedAt: services.clock.now(),
    ...(language ? { language } : {}),
  });
  return {
    fileName: safeFileName(`blank-${template.id}-v${template.version}`),
    pdf: await exportSignedPdf(services, model),
    template: { id: template.id, version: template.version, title: template.title },
  };
}

export function toExportedPdf(services: Services, file: SignedFile): ExportedPdf {
  return {
    fileName: file.fileName,
    base64: file.pdf.toString('base64'),
    bytes: file.pdf.length,
    certificateFingerprintSha256: requireUnlockedIdentity(services).fingerprintSha256,
  };
}
