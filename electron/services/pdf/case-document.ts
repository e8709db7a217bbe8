import type { CaseDetail } from '../../api/domains/cases';
import type { Device } from '../../api/domains/devices';
import { loadCase } from '../cases/case-snapshot';
import { findCaseRow } from '../cases/case-store';
import { caseDetail } from '../cases/case-view';
import { loadWorkflowResources } from '../cases/workflow-resources';
import type { Services } from '../core/context';
import { notFound } from '../core/errors';
import { lastCaseAuditEvent } from './audit-reference';
import { documentFacility } from './blank-checklist';
import { checklistBlocks, historyBlock, signOffBlocks } from './case-blocks';
import type { AuditReference, PdfBlock, PdfDocumentModel, Tone } from './model';
import { formatTime } from './text';

/**
 * The device case PDF (issue 7, item 2): what regulators, risk managers and the vendor read
 * afterwards. Built from the same case detail the on-floor screen shows, evaluated at the
 * generation time, so that verify-pdf can rebuild it from the database at that time and compare.
 */

const hicsLabels = {
  fully_functional: 'Fully functional',
  partially_functional: 'Partially functional',
  non_functional: 'Non-functional',
} as const;

const verdictTones: Record<CaseDetail['gate']['verdict'], Tone> = {
  clear: 'ok',
  blocked: 'bad',
  incomplete: 'warn',
};

function join(parts: (string | null | undefined)[], separator = ', '): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(separator);
}

export function deviceLabel(d: Pick<Device, 'vendor' | 'model' | 'assetTag'>): string {
  return join([d.vendor, d.model], ' ') || d.assetTag;
}

export function deviceLocation(d: Device): string {
  return join([
    d.site,
    d.building,
    d.floor ? `floor ${d.floor}` : null,
    d.room ? `room ${d.room}` : null,
    d.department,
  ]);
}

function deviceBlock(d: Device): PdfBlock {
  const rows = [
    { key: 'Asset tag', value: d.assetTag },
    { key: 'Vendor / model', value: join([d.vendor, d.model], ' · ') },
    { key: 'Product family / modality', value: join([d.family, d.modality], ' · ') },
    { key: 'Serial number', value: d.serialNumber ?? '' },
    { key: 'Location', value: deviceLocation(d) },
    { key: 'Operating system', value: join([d.osName, d.osVersion], ' ') },
    { key: 'Software version', value: d.softwareVersion ?? '' },
    {
      key: 'Network',
      value: join([
        d.hostname,
        d.ipAddress,
        d.networkSegment ? `segment ${d.networkSegment}` : null,
        d.aeTitle ? `AE ${d.aeTitle}` : null,
      ]),
    },
    {
      key: 'Remote update',
      value:
        d.remoteUpdateCapable === null ? '' : d.remoteUpdateCapable ? 'Capable' : 'Not capable',
    },
    { key: 'Criticality', value: d.criticality ?? '' },
  ];
  return { kind: 'keyValue', rows: rows.map((r) => ({ ...r, value: r.value || '—' })) };
}

function advisoryBlocks(detail: CaseDetail, timeZone: string | undefined): PdfBlock[] {
  const a = detail.advisory;
  const revision = `${a.trackingId}, revision ${a.revision.version} (released ${formatTime(new Date(a.revision.releaseDate), timeZone)})`;
  const rows: { key: string; value: string; tone?: Tone }[] = [
    { key: 'Advisory relied on', value: revision },
    { key: 'Title', value: a.title },
    { key: 'Publisher', value: a.publisher },
  ];
  if (a.currentVersion !== a.revision.version) {
    rows.push({
      key: 'Newer revision',
      value: `${a.currentVersion} imported; this case relies on ${a.revision.version}`,
      tone: 'warn',
    });
  }
  if (a.product) rows.push({ key: 'Matched product', value: a.product.name });
  if (a.exposedPorts) rows.push({ key: 'Ports named', value: a.exposedPorts.join(', ') });
  return [
    { kind: 'keyValue', rows },
    {
      kind: 'table',
      columns: [
        { header: 'CVE', weight: 20 },
        { header: 'CVSS', weight: 14 },
        { header: 'Vulnerability', weight: 66 },
      ],
      rows: a.cves.map((c) => [
        c.cve ?? '—',
        c.cvss === null
          ? '—'
          : `${c.cvss.toFixed(1)}${c.severity ? ` ${c.severity.toLowerCase()}` : ''}`,
        [
          { text: join([c.title, c.cwe], ' · ') || '—' },
          ...(c.vector ? [{ text: c.vector, style: 'small' as const }] : []),
        ],
      ]),
    },
  ];
}

function statusBlock(detail: CaseDetail, timeZone: string | undefined): PdfBlock {
  const rows: { key: string; value: string; tone?: Tone }[] = [
    {
      key: 'State',
      value: `${detail.stateLabel} since ${formatTime(new Date(detail.stateEnteredAt), timeZone)}`,
    },
    { key: 'HICS 251 status', value: hicsLabels[detail.hics251] },
    { key: 'Assigned to', value: detail.assignee?.name ?? 'Nobody' },
    {
      key: 'Playbook',
      value: `${detail.template.title} (${detail.template.id}, version ${detail.template.version})`,
    },
  ];
  if (detail.recheckAt) {
    rows.push({ key: 'Re-check at', value: formatTime(new Date(detail.recheckAt), timeZone) });
  }
  if (detail.flags.length > 0) {
    rows.push({ key: 'Flags', value: detail.flags.join(', ').replace(/_/g, ' '), tone: 'warn' });
  }
  return { kind: 'keyValue', rows };
}

function gateBlocks(detail: CaseDetail): PdfBlock[] {
  const g = detail.gate;
  const blocks: PdfBlock[] = [
    {
      kind: 'keyValue',
      rows: [{ key: 'Verdict', value: g.verdict, tone: verdictTones[g.verdict] }],
    },
  ];
  const list = (label: string, items: string[], tone?: Tone) => {
    if (items.length > 0) {
      blocks.push({ kind: 'paragraph', text: `${label}: ${items.join(' · ')}`, tone });
    }
  };
  list('Why not now', g.reasons, 'bad');
  list('Still unanswered', g.missing, 'warn');
  list('Notes', g.notes);
  return blocks;
}

export interface CaseDocumentContext {
  facility: string;
  timeZone?: string;
  generatedAt: Date;
  auditReference: AuditReference | null;
}

/** The model of a device case PDF from the case detail (pure: no database). */
export function caseDocument(detail: CaseDetail, context: CaseDocumentContext): PdfDocumentModel {
  const tz = context.timeZone;
  const d = detail.device;
  return {
    kind: 'case',
    title: `Device case ${d.assetTag} — ${detail.incident.name}`,
    subtitle: join(
      [deviceLabel(d), d.family, join([d.osName, d.osVersion], ' '), d.softwareVersion],
      ', ',
    ),
    facility: context.facility,
    generatedAt: context.generatedAt,
    ...(tz ? { timeZone: tz } : {}),
    subjects: [
      { entityType: 'case', entityId: String(detail.caseId) },
      { entityType: 'device', entityId: d.assetTag },
      { entityType: 'incident', entityId: String(detail.incident.id) },
    ],
    auditReference: context.auditReference,
    signatureReason: `Device case record for ${d.assetTag} (${detail.advisory.trackingId} revision ${detail.advisory.revision.version}), exported from Standalone`,
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          { key: 'Facility', value: context.facility },
          {
            key: 'Incident',
            value: `${detail.incident.name} (incident ${detail.incident.id}, ${detail.incident.status})`,
          },
          { key: 'Case', value: `${detail.caseId}` },
        ],
      },
      { kind: 'heading', text: 'Device' },
      deviceBlock(d),
      { kind: 'heading', text: 'Advisory' },
      ...advisoryBlocks(detail, tz),
      { kind: 'heading', text: 'Status' },
      statusBlock(detail, tz),
      { kind: 'heading', text: 'Patient-safety gate' },
      ...gateBlocks(detail),
      { kind: 'heading', text: 'Checklists' },
      ...checklistBlocks(detail, tz),
      { kind: 'heading', text: 'Sign-offs' },
      ...signOffBlocks(detail),
      { kind: 'heading', text: 'State history' },
      historyBlock(detail, tz),
    ],
  };
}

/** The case as of `generatedAt`, read from the database; not_found for an unknown case. */
export function buildCaseDocument(
  services: Services,
  caseId: number,
  generatedAt: Date,
): PdfDocumentModel {
  const { db, resourcesDir } = services;
  const row = findCaseRow(db, caseId);
  if (!row) throw notFound(`Case ${caseId}`);
  const detail = caseDetail(
    db,
    loadCase(db, loadWorkflowResources(resourcesDir), row, generatedAt),
    generatedAt,
  );
  return caseDocument(detail, {
    ...documentFacility(services),
    generatedAt,
    auditReference: lastCaseAuditEvent(db, caseId),
  });
}
