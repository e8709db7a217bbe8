import type { CaseSummary } from '../../api/domains/cases';
import type { IncidentSummary } from '../../api/domains/incidents';
import { caseSummary } from '../cases/case-list';
import { caseSelect, type CaseRow } from '../cases/case-store';
import { loadWorkflowResources } from '../cases/workflow-resources';
import type { Services } from '../core/context';
import { getIncident } from '../incidents/incident-store';
import { lastIncidentAuditEvent } from './audit-reference';
import { documentFacility } from './blank-checklist';
import type { PdfBlock, PdfDocumentModel, TableCell, Tone } from './model';
import type { Language } from '../../api/languages';
import { formatTime } from './text';
import { keyWords, pdfWords, placeIn, type PdfWords } from './words';

/**
 * The summary of all cases of an incident (issue 7, item 3): one row per case with what the
 * board shows, the counts per state and per HICS 251 status, evaluated at the generation time.
 */

const verdictTones = { clear: 'ok', blocked: 'bad', incomplete: 'warn' } as const;

function countsBlocks(incident: IncidentSummary, t: PdfWords): PdfBlock[] {
  const states = (
    Object.entries(incident.countsByState) as [CaseSummary['state'], number][]
  ).filter(([, n]) => n > 0);
  return [
    {
      kind: 'table',
      columns: [
        { header: t('summary.state'), weight: 60 },
        { header: t('summary.cases'), weight: 40 },
      ],
      rows: [
        ...states.map(([state, n]) => [t(`states.${state}`), String(n)]),
        [[{ text: t('summary.allCases'), style: 'bold' as const }], String(incident.caseCount)],
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: t('summary.hics251'), weight: 60 },
        { header: t('summary.cases'), weight: 40 },
      ],
      rows: (Object.entries(incident.countsByHics251) as [CaseSummary['hics251'], number][]).map(
        ([status, n]) => [t(`hics.${status}`), String(n)],
      ),
    },
  ];
}

function caseRow(c: CaseSummary, t: PdfWords): TableCell[] {
  const flags = c.flags.map((f) => t(`flags.${f}`));
  const tone: Tone = verdictTones[c.gateVerdict];
  return [
    [
      { text: c.assetTag, style: 'bold' },
      { text: c.trackingId, style: 'small' },
    ],
    [
      { text: c.deviceLabel },
      ...(c.location ? [{ text: placeIn(c.place, t), style: 'small' as const }] : []),
    ],
    [
      { text: t(`states.${c.state}`) },
      { text: t(`hics.${c.hics251}`), style: 'small' },
      ...flags.map((f) => ({ text: f, style: 'small' as const, tone: 'warn' as const })),
    ],
    [{ text: t(`verdicts.${c.gateVerdict}`), tone }],
    c.assignee?.name ?? '—',
  ];
}

type SummaryContext = Pick<
  PdfDocumentModel,
  'facility' | 'timeZone' | 'generatedAt' | 'auditReference' | 'language'
>;

/** The summary model from what the board shows (pure), with its values (model.ts). */
export function incidentSummaryDocument(
  incident: IncidentSummary,
  cases: CaseSummary[],
  context: SummaryContext,
): PdfDocumentModel {
  return {
    ...summaryModel(incident, cases, context, pdfWords(context.language)),
    values: summaryModel(incident, cases, context, keyWords(context.language)),
  };
}

function summaryModel(
  incident: IncidentSummary,
  cases: CaseSummary[],
  context: SummaryContext,
  t: PdfWords,
): PdfDocumentModel {
  const tz = context.timeZone;
  const period = t('incident.period', {
    start: formatTime(new Date(incident.operationalPeriod.start), tz),
    end: formatTime(new Date(incident.operationalPeriod.end), tz),
  });
  return {
    kind: 'incident.summary',
    title: t('summary.title', { incident: incident.name }),
    subtitle: t('summary.subtitle', { cases: incident.caseCount, open: incident.openCaseCount }),
    facility: context.facility,
    generatedAt: context.generatedAt,
    ...(tz ? { timeZone: tz } : {}),
    ...(context.language && context.language !== 'en' ? { language: context.language } : {}),
    subjects: [{ entityType: 'incident', entityId: String(incident.id) }],
    auditReference: context.auditReference,
    signatureReason: t('summary.signatureReason', { incident: incident.name }),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          { key: t('incident.facility'), value: context.facility },
          {
            key: t('incident.incident'),
            value: t('incident.incidentValue', {
              name: incident.name,
              id: incident.id,
              status: t(`incidentStatus.${incident.status}`),
            }),
          },
          { key: t('incident.commander'), value: incident.commander.name },
          { key: t('incident.operationalPeriod'), value: period },
          {
            key: t('summary.advisories'),
            value: incident.advisories
              .map((a) =>
                t('summary.advisoryRevision', { trackingId: a.trackingId, version: a.version }),
              )
              .join(', '),
          },
          {
            key: t('summary.flagged'),
            value: t('summary.flaggedValue', {
              reReview: incident.flagged.needsReReview,
              overdue: incident.flagged.recheckOverdue,
            }),
            ...(incident.flagged.needsReReview + incident.flagged.recheckOverdue > 0
              ? { tone: 'warn' as const }
              : {}),
          },
        ],
      },
      { kind: 'heading', text: t('summary.counts') },
      ...countsBlocks(incident, t),
      { kind: 'heading', text: t('summary.cases') },
      {
        kind: 'table',
        columns: [
          { header: t('summary.assetTag'), weight: 15 },
          { header: t('summary.deviceLocation'), weight: 31 },
          { header: t('summary.state'), weight: 19 },
          { header: t('summary.gate'), weight: 16 },
          { header: t('summary.assignedTo'), weight: 19 },
        ],
        rows: cases.map((c) => caseRow(c, t)),
      },
      ...(incident.summary
        ? [
            { kind: 'heading' as const, text: t('summary.closingSummary') },
            { kind: 'paragraph' as const, text: incident.summary },
          ]
        : []),
    ],
  };
}

/** The incident's summary as of `generatedAt`, read from the database. */
export function buildIncidentSummaryDocument(
  services: Services,
  incidentId: number,
  generatedAt: Date,
  language?: Language,
): PdfDocumentModel {
  const { db, resourcesDir } = services;
  const incident = getIncident(db, incidentId, generatedAt);
  const resources = loadWorkflowResources(resourcesDir);
  const rows = db
    .prepare(`${caseSelect} WHERE c.incident_id = ? ORDER BY d.asset_tag, a.tracking_id`)
    .all(incidentId) as CaseRow[];
  return incidentSummaryDocument(
    incident,
    rows.map((row) => caseSummary(db, row, resources, generatedAt)),
    {
      ...documentFacility(services),
      generatedAt,
      auditReference: lastIncidentAuditEvent(db, incidentId),
      ...(language ? { language } : {}),
    },
  );
}
