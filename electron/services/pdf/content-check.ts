import type Database from 'better-sqlite3';
import type { ContentCheck } from '../../api/domains/pdf-verify';
import { databaseAsOf } from '../audit/state-as-of';
import { connectionOptionsOf } from '../backup/connections';
import type { Services } from '../core/context';
import { ServiceError } from '../core/errors';
import { caseEventsAfter, lastIncidentAuditEvent, type LaterEvent } from './audit-reference';
import { buildCaseDocument } from './case-document';
import { changedSections, compareContent, documentContent } from './content-hash';
import { buildReportDocument, preparerContext } from './incident-reports';
import { buildIncidentSummaryDocument } from './incident-summary';
import type { PdfMetadata } from './metadata';
import type { PdfDocumentModel } from './model';

export type { ContentCheck };

/**
 * Does what the PDF says match the record as it was when the PDF was made? The record is
 * rebuilt by replaying the audit events up to that point (audit/state-as-of.ts), not read from
 * today's tables: a later, recorded change does not make an honest PDF differ, and a row
 * rewritten behind the chain's back cannot make a forged one match. The document is rebuilt
 * from that record and its content hash compared with the one the PDF carries; when they
 * differ, the sections that differ are named. The changes recorded since are listed beside.
 * A PDF that carries the hash of the record's values too (content-hash.ts) matches when those
 * are the same though a later version words the document differently.
 */

function subjectId(meta: PdfMetadata, type: string): number | null {
  const id = Number(meta.subjects.find((s) => s.entityType === type)?.entityId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function incidentChanges(live: Database.Database, incidentId: number, after: number): LaterEvent[] {
  const last = lastIncidentAuditEvent(live, incidentId);
  return last && last.eventId > after
    ? [{ id: last.eventId, time: '', action: 'latest change to the incident or its cases' }]
    : [];
}

/** A HICS report, rebuilt as its preparer would have had it at the generation time. */
async function rebuildReport(
  services: Services,
  meta: PdfMetadata,
  kind: 'hics251' | 'hics214' | 'briefing',
): Promise<PdfDocumentModel | null> {
  const incidentId = subjectId(meta, 'incident');
  const ctx = preparerContext(services, meta.subjects, new Date(meta.generatedAt));
  if (incidentId === null || !ctx) return null;
  return buildReportDocument(ctx, incidentId, kind, meta.language);
}

interface Rebuilder {
  /** The document from `services`, whose database is the record as of the PDF. */
  model(
    services: Services,
    meta: PdfMetadata,
  ): PdfDocumentModel | null | Promise<PdfDocumentModel | null>;
  /** What was recorded about the subject after `after`, read from the live database. */
  later(live: Database.Database, meta: PdfMetadata, after: number): LaterEvent[];
}

const caseRebuilder: Rebuilder = {
  model(services, meta) {
    const caseId = subjectId(meta, 'case');
    return caseId === null
      ? null
      : buildCaseDocument(services, caseId, new Date(meta.generatedAt), meta.language, {
          playbookLanguage: meta.playbookLanguage ?? 'en',
        });
  },
  later(live, meta, after) {
    const caseId = subjectId(meta, 'case');
    return caseId === null ? [] : caseEventsAfter(live, caseId, after);
  },
};

const incidentLater = (live: Database.Database, meta: PdfMetadata, after: number) => {
  const incidentId = subjectId(meta, 'incident');
  return incidentId === null ? [] : incidentChanges(live, incidentId, after);
};

const report = (kind: 'hics251' | 'hics214' | 'briefing'): Rebuilder => ({
  model: (services, meta) => rebuildReport(services, meta, kind),
  later: incidentLater,
});

/** The rebuilders, by document kind. */
const rebuilders: Record<string, Rebuilder> = {
  case: caseRebuilder,
  'incident.hics251': report('hics251'),
  'incident.hics214': report('hics214'),
  'incident.briefing': report('briefing'),
  'incident.summary': {
    model(services, meta) {
      const incidentId = subjectId(meta, 'incident');
      return incidentId === null
        ? null
        : buildIncidentSummaryDocument(
            services,
            incidentId,
            new Date(meta.generatedAt),
            meta.language,
          );
    },
    later: incidentLater,
  },
};

/**
 * The point of the chain the PDF was made at: its anchor (the whole chain's head as it left the
 * app) when this chain holds that event with that hash, else its audit reference (the record's
 * own last event, checked against the chain by verify-pdf). Null when it names neither.
 */
export function asOfEventId(live: Database.Database, meta: PdfMetadata): number | null {
  const anchor = meta.anchor;
  if (anchor) {
    const hash = live
      .prepare('SELECT hash FROM audit_events WHERE id = ?')
      .pluck()
      .get(anchor.eventId);
    if (hash === anchor.hash) return anchor.eventId;
  }
  return meta.auditReference?.eventId ?? null;
}

/** The document rebuilt from the record as the trail tells it after event `eventId`. */
async function modelAsOf(
  services: Services,
  rebuilder: Rebuilder,
  meta: PdfMetadata,
  eventId: number,
): Promise<PdfDocumentModel | null> {
  const record = databaseAsOf(services.db, eventId, connectionOptionsOf(services));
  try {
    return await rebuilder.model({ ...services, db: record }, meta);
  } finally {
    record.close();
  }
}

export async function checkContent(services: Services, meta: PdfMetadata): Promise<ContentCheck> {
  const none = {
    matches: false,
    changedSections: [],
    alteredSections: [],
    laterEvents: [],
    asOfEventId: null,
  };
  if (!meta.content) {
    return { ...none, checked: false, reason: 'the PDF carries no content hash' };
  }
  const rebuilder = rebuilders[meta.kind];
  if (!rebuilder) {
    return {
      ...none,
      checked: false,
      reason: `a ${meta.kind} document is not rebuilt from the database (only device cases and incident reports are)`,
    };
  }
  const asOf = asOfEventId(services.db, meta);
  if (asOf === null) {
    return { ...none, checked: false, reason: 'the PDF names no point of the audit trail' };
  }
  let model: PdfDocumentModel | null;
  let alteredSections: string[] = [];
  try {
    model = await modelAsOf(services, rebuilder, meta, asOf);
    // The same record rebuilt from today's tables and from the whole trail: when they differ,
    // the tables were changed outside the app, whatever the PDF says.
    const head =
      (services.db.prepare('SELECT last_id FROM audit_head').pluck().get() as number | undefined) ??
      asOf;
    const [live, trail] = [
      await rebuilder.model(services, meta),
      await modelAsOf(services, rebuilder, meta, head),
    ];
    if (live && trail) {
      const [a, b] = [documentContent(trail), documentContent(live)];
      if (a.sha256 !== b.sha256) alteredSections = changedSections(a, b);
    }
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'not_found') {
      return {
        ...none,
        asOfEventId: asOf,
        checked: true,
        reason: error.message,
        changedSections: ['the whole record'],
      };
    }
    throw error;
  }
  if (!model) return { ...none, checked: false, reason: 'the PDF names no record to rebuild' };
  const pdf = { content: meta.content, values: meta.values };
  const { reworded, ...compared } = compareContent(pdf, {
    content: documentContent(model),
    values: model.values && documentContent(model.values),
  });
  return {
    checked: true,
    ...compared,
    ...(reworded ? { wordedBy: { version: meta.app.version, sections: reworded } } : {}),
    asOfEventId: asOf,
    alteredSections,
    laterEvents: rebuilder.later(services.db, meta, meta.auditReference?.eventId ?? asOf),
  };
}
