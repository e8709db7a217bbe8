import type { ContentCheck } from '../../api/domains/pdf-verify';
import type { Services } from '../core/context';
import { ServiceError } from '../core/errors';
import { caseEventsAfter, lastIncidentAuditEvent, type LaterEvent } from './audit-reference';
import { buildCaseDocument } from './case-document';
import { changedSections, documentContent } from './content-hash';
import { buildReportDocument, preparerContext } from './incident-reports';
import { buildIncidentSummaryDocument } from './incident-summary';
import type { PdfMetadata } from './metadata';
import type { PdfDocumentModel } from './model';

export type { ContentCheck };

/**
 * Does what the PDF says still match the database? The document is rebuilt from the database as
 * of its generation time and its content hash compared with the one the PDF carries. When they
 * differ, the sections that differ are named, with the changes recorded since the PDF was made.
 */

interface Rebuilt {
  model: PdfDocumentModel;
  laterEvents: LaterEvent[];
}

function subjectId(meta: PdfMetadata, type: string): number | null {
  const id = Number(meta.subjects.find((s) => s.entityType === type)?.entityId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function incidentChanges(services: Services, incidentId: number, meta: PdfMetadata): LaterEvent[] {
  const last = lastIncidentAuditEvent(services.db, incidentId);
  const after = meta.auditReference?.eventId ?? 0;
  return last && last.eventId > after
    ? [{ id: last.eventId, time: '', action: 'latest change to the incident or its cases' }]
    : [];
}

/** A HICS report, rebuilt as its preparer would have had it at the generation time. */
async function rebuildReport(
  services: Services,
  meta: PdfMetadata,
  kind: 'hics251' | 'hics214' | 'briefing',
): Promise<Rebuilt | null> {
  const incidentId = subjectId(meta, 'incident');
  const ctx = preparerContext(services, meta.subjects, new Date(meta.generatedAt));
  if (incidentId === null || !ctx) return null;
  return {
    model: await buildReportDocument(ctx, incidentId, kind),
    laterEvents: incidentChanges(services, incidentId, meta),
  };
}

/** The rebuilders, by document kind: each reads the database as it is now. */
const rebuilders: Record<
  string,
  (services: Services, meta: PdfMetadata) => Rebuilt | null | Promise<Rebuilt | null>
> = {
  case(services, meta) {
    const caseId = subjectId(meta, 'case');
    if (caseId === null) return null;
    const at = new Date(meta.generatedAt);
    return {
      model: buildCaseDocument(services, caseId, at),
      laterEvents: caseEventsAfter(services.db, caseId, meta.auditReference?.eventId ?? 0),
    };
  },
  'incident.hics251': (services, meta) => rebuildReport(services, meta, 'hics251'),
  'incident.hics214': (services, meta) => rebuildReport(services, meta, 'hics214'),
  'incident.briefing': (services, meta) => rebuildReport(services, meta, 'briefing'),
  'incident.summary'(services, meta) {
    const incidentId = subjectId(meta, 'incident');
    if (incidentId === null) return null;
    return {
      model: buildIncidentSummaryDocument(services, incidentId, new Date(meta.generatedAt)),
      laterEvents: incidentChanges(services, incidentId, meta),
    };
  },
};

export async function checkContent(services: Services, meta: PdfMetadata): Promise<ContentCheck> {
  const none = { matches: false, changedSections: [], laterEvents: [] };
  if (!meta.content) {
    return { ...none, checked: false, reason: 'the PDF carries no content hash' };
  }
  const rebuild = rebuilders[meta.kind];
  if (!rebuild) {
    return {
      ...none,
      checked: false,
      reason: `a ${meta.kind} document is not rebuilt from the database (only device cases and incident reports are)`,
    };
  }
  let rebuilt: Rebuilt | null;
  try {
    rebuilt = await rebuild(services, meta);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'not_found') {
      return {
        ...none,
        checked: true,
        reason: error.message,
        changedSections: ['the whole record'],
      };
    }
    throw error;
  }
  if (!rebuilt) return { ...none, checked: false, reason: 'the PDF names no record to rebuild' };
  const now = documentContent(rebuilt.model);
  const matches = now.sha256 === meta.content.sha256;
  return {
    checked: true,
    matches,
    changedSections: matches ? [] : changedSections(meta.content, now),
    laterEvents: matches ? [] : rebuilt.laterEvents,
  };
}
