import type { CaseSummary } from '../../api/domains/cases';
import type { IncidentSummary } from '../../api/domains/incidents';
import { caseSummary } from '../cases/case-list';
import { caseSelect, type CaseRow } from '../cases/case-store';
import { loadWorkflowResources } from '../cases/workflow-resources';
import type { Services } from '../core/context';
import { getIncident } from '../incidents/incident-store';
import { stateLabels } from '../workflow/states';
import { lastIncidentAuditEvent } from './audit-reference';
import { documentFacility } from './blank-checklist';
import type { PdfBlock, PdfDocumentModel, TableCell, Tone } from './model';
import { formatTime } from './text';

/**
 * The summary of all cases of an incident (issue 7, item 3): one row per case with what the
 * board shows, the counts per state and per HICS 251 status, evaluated at the generation time.
 */

const hicsLabels = {
  fully_functional: 'Fully functional',
  partially_functional: 'Partially functional',
  non_functional: 'Non-functional',
} as const;

const verdictTones = { clear: 'ok', blocked: 'bad', incomplete: 'warn' } as const;

function countsBlocks(incident: IncidentSummary): PdfBlock[] {
  const states = Object.entries(incident.countsByState).filter(([, n]) => n > 0);
  return [
    {
      kind: 'table',
      columns: [
        { header: 'State', weight: 60 },
        { header: 'Cases', weight: 40 },
      ],
      rows: [
        ...states.map(([state, n]) => [stateLabels[state as keyof typeof stateLabels], String(n)]),
        [[{ text: 'All cases', style: 'bold' as const }], String(incident.caseCount)],
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'HICS 251 status', weight: 60 },
        { header: 'Cases', weight: 40 },
      ],
      rows: Object.entries(incident.countsByHics251).map(([status, n]) => [
        hicsLabels[status as keyof typeof hicsLabels],
        String(n),
      ]),
    },
  ];
}

function caseRow(c: CaseSummary): TableCell[] {
  const flags = c.flags.map((f) => f.replace(/_/g, ' '));
  const tone: Tone = verdictTones[c.gateVerdict];
  return [
    [
      { text: c.assetTag, style: 'bold' },
      { text: c.trackingId, style: 'small' },
    ],
    [
      { text: c.deviceLabel },
      ...(c.location ? [{ text: c.location, style: 'small' as const }] : []),
    ],
    [
      { text: stateLabels[c.state] },
      { text: hicsLabels[c.hics251], style: 'small' },
      ...flags.map((f) => ({ text: f, style: 'small' as const, tone: 'warn' as const })),
    ],
    [{ text: c.gateVerdict, tone }],
    c.assignee?.name ?? '—',
  ];
}

/** The summary model from what the board shows (pure). */
export function incidentSummaryDocument(
  incident: IncidentSummary,
  cases: CaseSummary[],
  context: Pick<PdfDocumentModel, 'facility' | 'timeZone' | 'generatedAt' | 'auditReference'>,
): PdfDocumentModel {
  const tz = context.timeZone;
  const period = `${formatTime(new Date(incident.operationalPeriod.start), tz)} to ${formatTime(new Date(incident.operationalPeriod.end), tz)}`;
  return {
    kind: 'incident.summary',
    title: `Case summary — ${incident.name}`,
    subtitle: `${incident.caseCount} cases, ${incident.openCaseCount} open`,
    facility: context.facility,
    generatedAt: context.generatedAt,
    ...(tz ? { timeZone: tz } : {}),
    subjects: [{ entityType: 'incident', entityId: String(incident.id) }],
    auditReference: context.auditReference,
    signatureReason: `Case summary of the incident "${incident.name}", exported from Standalone`,
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          { key: 'Facility', value: context.facility },
          {
            key: 'Incident',
            value: `${incident.name} (incident ${incident.id}, ${incident.status})`,
          },
          { key: 'Incident commander', value: incident.commander.name },
          { key: 'Operational period', value: period },
          {
            key: 'Advisories',
            value: incident.advisories
              .map((a) => `${a.trackingId} revision ${a.version}`)
              .join(', '),
          },
          {
            key: 'Flagged',
            value: `${incident.flagged.needsReReview} need re-review, ${incident.flagged.recheckOverdue} re-checks overdue`,
            ...(incident.flagged.needsReReview + incident.flagged.recheckOverdue > 0
              ? { tone: 'warn' as const }
              : {}),
          },
        ],
      },
      { kind: 'heading', text: 'Counts' },
      ...countsBlocks(incident),
      { kind: 'heading', text: 'Cases' },
      {
        kind: 'table',
        columns: [
          { header: 'Asset tag', weight: 16 },
          { header: 'Device and location', weight: 33 },
          { header: 'State', weight: 19 },
          { header: 'Gate', weight: 13 },
          { header: 'Assigned to', weight: 19 },
        ],
        rows: cases.map(caseRow),
      },
      ...(incident.summary
        ? [
            { kind: 'heading' as const, text: 'Closing summary' },
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
    },
  );
}
