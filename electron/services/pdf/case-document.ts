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
import type { Language } from '../../api/languages';
import { localizeCaseDetail } from '../../api/playbook-words';
import { formatCvss } from '../../api/number-format';
import { cvssSeverity } from '../../api/cvss-severity';
import { formatTime } from './text';
import { gateSentence } from '../../api/gate-words';
import { gateLookups, keyWords, pdfWords, type PdfWords } from './words';
import { kevStatusAt, type KevStatusAt } from '../threats/kev-at';

/**
 * The device case PDF (issue 7, item 2): what regulators, risk managers and the vendor read
 * afterwards. Built from the same case detail the on-floor screen shows, evaluated at the
 * generation time, so that verify-pdf can rebuild it from the database at that time and compare.
 */

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

export function deviceLocation(d: Device, t: PdfWords = pdfWords()): string {
  return join([
    d.site,
    d.building,
    d.floor ? t('case.floor', { floor: d.floor }) : null,
    d.room ? t('case.room', { room: d.room }) : null,
    d.department,
  ]);
}

function deviceBlock(d: Device, t: PdfWords): PdfBlock {
  const rows = [
    { key: t('case.assetTag'), value: d.assetTag },
    { key: t('case.vendorModel'), value: join([d.vendor, d.model], ' · ') },
    { key: t('case.family'), value: join([d.family, d.modality], ' · ') },
    { key: t('case.serial'), value: d.serialNumber ?? '' },
    { key: t('case.location'), value: deviceLocation(d, t) },
    { key: t('case.os'), value: join([d.osName, d.osVersion], ' ') },
    { key: t('case.software'), value: d.softwareVersion ?? '' },
    {
      key: t('case.network'),
      value: join([
        d.hostname,
        d.ipAddress,
        d.networkSegment ? t('case.segment', { segment: d.networkSegment }) : null,
        d.aeTitle ? `AE ${d.aeTitle}` : null,
      ]),
    },
    {
      key: t('case.remoteUpdate'),
      value:
        d.remoteUpdateCapable === null
          ? ''
          : t(d.remoteUpdateCapable ? 'case.capable' : 'case.notCapable'),
    },
    {
      key: t('case.criticality'),
      value: d.criticality === null ? '' : t(`criticality.${d.criticality}`),
    },
  ];
  return { kind: 'keyValue', rows: rows.map((r) => ({ ...r, value: r.value || '—' })) };
}

/** A CVSS severity as the advisory records it ("CRITICAL"), in the document's language. */
function severityWord(t: PdfWords, severity: string): string {
  const known = cvssSeverity(severity);
  return known ? t(`severity.${known}`) : severity.toLowerCase();
}

function advisoryBlocks(detail: CaseDetail, timeZone: string | undefined, t: PdfWords): PdfBlock[] {
  const a = detail.advisory;
  const revision = t('case.revision', {
    trackingId: a.trackingId,
    version: a.revision.version,
    time: formatTime(new Date(a.revision.releaseDate), timeZone),
  });
  const rows: { key: string; value: string; tone?: Tone }[] = [
    { key: t('case.reliedOn'), value: revision },
    { key: t('case.advisoryTitle'), value: a.title },
    { key: t('case.publisher'), value: a.publisher },
  ];
  if (a.currentVersion !== a.revision.version) {
    rows.push({
      key: t('case.newerRevision'),
      value: t('case.newerRevisionValue', {
        current: a.currentVersion,
        version: a.revision.version,
      }),
      tone: 'warn',
    });
  }
  if (a.product) rows.push({ key: t('case.product'), value: a.product.name });
  if (a.exposedPorts) rows.push({ key: t('case.ports'), value: a.exposedPorts.join(', ') });
  return [
    { kind: 'keyValue', rows },
    {
      kind: 'table',
      columns: [
        { header: 'CVE', weight: 20 },
        { header: 'CVSS', weight: 14 },
        { header: t('case.vulnerability'), weight: 66 },
      ],
      rows: a.cves.map((c) => [
        c.cve ?? '—',
        c.cvss === null
          ? '—'
          : `${formatCvss(c.cvss, t.language)}${c.severity ? ` ${severityWord(t, c.severity)}` : ''}`,
        [
          { text: join([c.title, c.cwe], ' · ') || '—' },
          ...(c.vector ? [{ text: c.vector, style: 'small' as const }] : []),
        ],
      ]),
    },
  ];
}

/**
 * Which of the advisory's CVEs CISA's KEV catalog lists as exploited, and which catalog said so:
 * the one current when the PDF was generated.
 */
function kevBlock(kev: KevStatusAt | null, t: PdfWords): PdfBlock {
  if (!kev) return { kind: 'paragraph', text: t('kev.noCatalog'), tone: 'warn' };
  const rows: { key: string; value: string; tone?: Tone }[] = [
    {
      key: t('kev.catalog'),
      // CISA stamps the release to the fraction of a second; the day is what a reader needs.
      value: t('kev.catalogValue', {
        version: kev.catalogVersion,
        released: kev.dateReleased.slice(0, 10),
      }),
    },
  ];
  if (kev.known.length === 0) rows.push({ key: t('kev.status'), value: t('kev.noneListed') });
  for (const k of kev.known) {
    rows.push({
      key: k.cve,
      value: join(
        [
          t('kev.knownSince', { date: k.dateAdded }),
          k.ransomware ? t('kev.ransomware') : null,
          k.vulnerabilityName,
        ],
        ' · ',
      ),
      tone: 'bad',
    });
  }
  return { kind: 'keyValue', rows };
}

function statusBlock(detail: CaseDetail, timeZone: string | undefined, t: PdfWords): PdfBlock {
  const rows: { key: string; value: string; tone?: Tone }[] = [
    {
      key: t('case.state'),
      value: t('case.stateSince', {
        state: t(`states.${detail.state}`),
        time: formatTime(new Date(detail.stateEnteredAt), timeZone),
      }),
    },
    { key: t('case.hics251'), value: t(`hics.${detail.hics251}`) },
    { key: t('case.assignedTo'), value: detail.assignee?.name ?? t('case.nobody') },
    {
      key: t('case.playbook'),
      value: t('case.playbookValue', {
        title: detail.template.title,
        id: detail.template.id,
        version: detail.template.version,
      }),
    },
  ];
  if (detail.recheckAt) {
    rows.push({
      key: t('case.recheckAt'),
      value: formatTime(new Date(detail.recheckAt), timeZone),
    });
  }
  if (detail.flags.length > 0) {
    rows.push({
      key: t('case.flags'),
      value: detail.flags.map((f) => t(`flags.${f}`)).join(', '),
      tone: 'warn',
    });
  }
  return { kind: 'keyValue', rows };
}

function gateBlocks(detail: CaseDetail, t: PdfWords): PdfBlock[] {
  const g = detail.gate;
  const blocks: PdfBlock[] = [
    {
      kind: 'keyValue',
      rows: [
        {
          key: t('case.verdict'),
          value: t(`verdicts.${g.verdict}`),
          tone: verdictTones[g.verdict],
        },
      ],
    },
  ];
  const list = (label: string, items: string[], tone?: Tone) => {
    if (items.length > 0) {
      blocks.push({ kind: 'paragraph', text: `${label}: ${items.join(' · ')}`, tone });
    }
  };
  const gateLookup = gateLookups[t.language];
  list(
    t('case.whyNotNow'),
    g.reasonWords.map((w) => gateSentence(w, gateLookup)),
    'bad',
  );
  list(t('case.stillUnanswered'), g.missing, 'warn');
  list(
    t('case.notes'),
    g.noteWords.map((w) => gateSentence(w, gateLookup)),
  );
  return blocks;
}

export interface CaseDocumentContext {
  facility: string;
  timeZone?: string;
  generatedAt: Date;
  auditReference: AuditReference | null;
  language?: Language;
  /** The KEV status as of generation (null: no catalog then); without it the section is left out. */
  kev?: KevStatusAt | null;
}

/**
 * The model of a device case PDF from the case detail (pure: no database), with its values
 * (model.ts): built again from `recorded`, the detail before its playbook was translated, with
 * catalogue keys for words.
 */
export function caseDocument(
  detail: CaseDetail,
  context: CaseDocumentContext,
  recorded: CaseDetail = detail,
): PdfDocumentModel {
  return {
    ...caseModel(detail, context, pdfWords(context.language)),
    values: caseModel(recorded, context, keyWords(context.language)),
  };
}

function caseModel(
  detail: CaseDetail,
  context: CaseDocumentContext,
  t: PdfWords,
): PdfDocumentModel {
  const tz = context.timeZone;
  const d = detail.device;
  return {
    kind: 'case',
    title: t('case.title', { assetTag: d.assetTag, incident: detail.incident.name }),
    subtitle: join(
      [deviceLabel(d), d.family, join([d.osName, d.osVersion], ' '), d.softwareVersion],
      ', ',
    ),
    facility: context.facility,
    generatedAt: context.generatedAt,
    ...(tz ? { timeZone: tz } : {}),
    ...(context.language && context.language !== 'en' ? { language: context.language } : {}),
    subjects: [
      { entityType: 'case', entityId: String(detail.caseId) },
      { entityType: 'device', entityId: d.assetTag },
      { entityType: 'incident', entityId: String(detail.incident.id) },
    ],
    auditReference: context.auditReference,
    signatureReason: t('case.signatureReason', {
      assetTag: d.assetTag,
      trackingId: detail.advisory.trackingId,
      version: detail.advisory.revision.version,
    }),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          { key: t('case.facility'), value: context.facility },
          {
            key: t('case.incident'),
            value: t('case.incidentValue', {
              ...detail.incident,
              status: t(`incidentStatus.${detail.incident.status}`),
            }),
          },
          { key: t('case.case'), value: `${detail.caseId}` },
        ],
      },
      { kind: 'heading', text: t('case.device') },
      deviceBlock(d, t),
      { kind: 'heading', text: t('case.advisory') },
      ...advisoryBlocks(detail, tz, t),
      ...(context.kev === undefined
        ? []
        : [{ kind: 'heading', text: t('kev.title') } as const, kevBlock(context.kev, t)]),
      { kind: 'heading', text: t('case.status') },
      statusBlock(detail, tz, t),
      { kind: 'heading', text: t('case.gate') },
      ...gateBlocks(detail, t),
      { kind: 'heading', text: t('case.checklists') },
      ...checklistBlocks(detail, tz, t),
      { kind: 'heading', text: t('case.signOffs') },
      ...signOffBlocks(detail, t),
      { kind: 'heading', text: t('case.history') },
      historyBlock(detail, tz, t),
    ],
  };
}

/** The case as of `generatedAt`, read from the database; not_found for an unknown case. */
export function buildCaseDocument(
  services: Services,
  caseId: number,
  generatedAt: Date,
  language?: Language,
  /** The playbook's questions in another language than the fixed words (a rebuild of an older PDF). */
  options: { playbookLanguage?: Language } = {},
): PdfDocumentModel {
  const { db, resourcesDir } = services;
  const row = findCaseRow(db, caseId);
  if (!row) throw notFound('case', caseId);
  const recorded = caseDetail(
    db,
    loadCase(db, loadWorkflowResources(resourcesDir), row, generatedAt),
    generatedAt,
  );
  const playbookLanguage = options.playbookLanguage ?? language ?? 'en';
  const detail = localizeCaseDetail(recorded, playbookLanguage);
  const model = caseDocument(
    detail,
    {
      ...documentFacility(services),
      generatedAt,
      auditReference: lastCaseAuditEvent(db, caseId),
      kev: kevStatusAt(
        db,
        detail.advisory.cves.flatMap((c) => (c.cve ? [c.cve] : [])),
        generatedAt,
      ),
      ...(language ? { language } : {}),
    },
    recorded,
  );
  return detail === recorded ? model : { ...model, playbookLanguage };
}
