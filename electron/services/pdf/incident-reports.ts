import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportHeader,
} from '../../api/domains/reports';
import type { Language } from '../../api/languages';
import type { Role } from '../../api/permissions';
import type { CallContext } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { hics251RowWords } from '../../api/hics251-words';
import { activitySentence } from '../reports/activity-words';
import { reportHandlers } from '../reports/handlers';
import { lastIncidentAuditEvent } from './audit-reference';
import { documentFacility } from './blank-checklist';
import type { PdfBlock, PdfDocumentModel, Tone } from './model';
import { briefingBlocks } from './briefing-blocks';
import { formatTime } from './text';
import { gateLookups, keyWords, pdfWords, roleWord, type PdfWordKey, type PdfWords } from './words';

/**
 * HICS 251, HICS 214 and the incident briefing as signed PDFs: the report services
 * (electron/services/reports) build the models the UI shows; this file only lays them out.
 */

type ReportKind = 'hics251' | 'hics214' | 'briefing';

const titles: Record<ReportKind, PdfWordKey> = {
  hics251: 'reports.hics251Title',
  hics214: 'reports.hics214Title',
  briefing: 'reports.briefingTitle',
};

const statusTones: Record<string, Tone> = {
  fully_functional: 'ok',
  partially_functional: 'warn',
  non_functional: 'bad',
};

function headerBlock(
  h: ReportHeader,
  tz: string | undefined,
  facility: string,
  t: PdfWords,
): PdfBlock {
  const time = (iso: string) => formatTime(new Date(iso), tz);
  return {
    kind: 'keyValue',
    rows: [
      { key: t('incident.facility'), value: h.facility ?? facility },
      {
        key: t('incident.incident'),
        value: t('incident.incidentValue', {
          name: h.incident.name,
          id: h.incident.id,
          status: t(`incidentStatus.${h.incident.status}`),
        }),
      },
      {
        key: t('incident.operationalPeriod'),
        value: t('incident.period', {
          start: time(h.operationalPeriod.start),
          end: time(h.operationalPeriod.end),
        }),
      },
      {
        key: t('incident.preparedBy'),
        value: t('incident.preparedByValue', {
          name: h.preparedBy.name,
          role: roleWord(t, h.preparedBy.role),
          time: time(h.preparedAt),
        }),
      },
    ],
  };
}

function hics251Blocks(r: Hics251Report, tz: string | undefined, t: PdfWords): PdfBlock[] {
  return [
    {
      kind: 'keyValue',
      rows: [
        { key: t('hics.non_functional'), value: String(r.totals.non_functional), tone: 'bad' },
        {
          key: t('hics.partially_functional'),
          value: String(r.totals.partially_functional),
          tone: 'warn',
        },
        { key: t('hics.fully_functional'), value: String(r.totals.fully_functional), tone: 'ok' },
      ],
    },
    { kind: 'heading', text: t('reports.systems') },
    {
      kind: 'table',
      columns: [
        // The status column fits "funktionsfähig", the longest word of its German labels.
        { header: t('reports.system'), weight: 20 },
        { header: t('reports.status'), weight: 16 },
        { header: t('reports.location'), weight: 17 },
        { header: t('reports.reason'), weight: 20 },
        { header: t('reports.estimatedReturn'), weight: 11 },
        { header: t('reports.comments'), weight: 16 },
      ],
      rows: r.rows.map((row) => {
        const words = hics251RowWords(row, t, gateLookups[t.language]);
        return [
          [{ text: words.system }, { text: t(`states.${row.state}`), style: 'small' }],
          [{ text: t(`hics.${row.status}`), tone: statusTones[row.status] }],
          words.location || '—',
          words.reason,
          row.estimatedReturn ? formatTime(new Date(row.estimatedReturn), tz) : '—',
          words.comments,
        ];
      }),
    },
  ];
}

function hics214Blocks(r: Hics214Report, tz: string | undefined, t: PdfWords): PdfBlock[] {
  const blocks: PdfBlock[] = [
    {
      kind: 'paragraph',
      text: t('reports.activitySummary', { activities: r.activityCount, events: r.eventsRead }),
      style: 'muted',
    },
  ];
  for (const e of r.entries) {
    blocks.push(
      {
        kind: 'heading',
        // The activity merged across stations: each person's entries name where they acted.
        text: [
          `${e.person.name} — ${roleWord(t, e.role)}`,
          ...(e.station !== null ? [t('reports.atStation', { station: e.station })] : []),
        ].join(', '),
        level: 2,
      },
      {
        kind: 'table',
        columns: [
          { header: t('reports.time'), weight: 22 },
          { header: t('reports.notableActivity'), weight: 64 },
          { header: t('reports.auditEvent'), weight: 14 },
        ],
        rows: e.activities.map((a) => [
          formatTime(new Date(a.at), tz),
          activitySentence(t, a.words),
          `#${a.auditEventId}`,
        ]),
      },
    );
  }
  if (r.entries.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('reports.noActivity'), style: 'muted' });
  }
  return blocks;
}

async function fetchReport(
  ctx: CallContext,
  incidentId: number,
  kind: ReportKind,
): Promise<Hics251Report | Hics214Report | BriefingReport> {
  try {
    switch (kind) {
      case 'hics251':
        return await reportHandlers['reports.hics251']({ incidentId }, ctx);
      case 'hics214':
        return await reportHandlers['reports.hics214']({ incidentId }, ctx);
      case 'briefing':
        return await reportHandlers['reports.briefing']({ incidentId }, ctx);
    }
  } catch (error) {
    // Expected refusals (not_found, forbidden…) pass through; a report service that does not work
    // yet is named as such rather than as "internal error".
    if (error instanceof ServiceError && error.code !== 'internal') throw error;
    throw wordedError(
      'internal',
      'reportNotBuilt',
      { report: pdfWords()(titles[kind]) },
      { report: kind, technical: (error as Error).message },
    );
  }
}

/**
 * Who prepared the report, as a subject of the document: verify-pdf rebuilds the report as that
 * person (or operator) would have seen it at the generation time.
 */
function preparerSubject(p: ReportHeader['preparedBy']): { entityType: string; entityId: string } {
  return p.userId === null
    ? { entityType: 'operator', entityId: p.name.slice(0, 128) }
    : { entityType: 'user', entityId: `${p.userId}:${p.role}` };
}

/** The call context a report was prepared in, from the document's subjects (for verify-pdf). */
export function preparerContext(
  services: CallContext['services'],
  subjects: readonly { entityType: string; entityId: string }[],
  at: Date,
): CallContext | null {
  const fixed = { ...services, clock: { now: () => new Date(at.getTime()) } };
  const operator = subjects.find((s) => s.entityType === 'operator');
  if (operator) {
    return {
      services: fixed,
      actor: { userId: null, role: 'operator' },
      caller: { kind: 'operator', osUser: operator.entityId },
      user: null,
    };
  }
  const m = /^(\d{1,15}):([a-z_]{1,40})$/.exec(
    subjects.find((s) => s.entityType === 'user')?.entityId ?? '',
  );
  if (!m?.[1] || !m[2]) return null;
  const userId = Number(m[1]);
  const name = services.db
    .prepare('SELECT display_name FROM users WHERE id = ?')
    .pluck()
    .get(userId) as string | undefined;
  if (name === undefined) return null;
  const role = m[2] as Role;
  return {
    services: fixed,
    actor: { userId, role },
    caller: { kind: 'station' },
    user: { id: userId, displayName: name, roles: [role], role },
  };
}

/** A HICS report of the incident as a document model, from the report services. */
export async function buildReportDocument(
  ctx: CallContext,
  incidentId: number,
  kind: ReportKind,
  language?: Language,
): Promise<PdfDocumentModel> {
  const report = await fetchReport(ctx, incidentId, kind);
  const reference = lastIncidentAuditEvent(ctx.services.db, incidentId);
  const at = { ...documentFacility(ctx.services), incidentId, kind, reference, language };
  return {
    ...reportModel(report, at, pdfWords(language)),
    values: reportModel(report, at, keyWords(language)),
  };
}

interface ReportContext {
  facility: string;
  timeZone?: string;
  incidentId: number;
  kind: ReportKind;
  reference: PdfDocumentModel['auditReference'];
  language: Language | undefined;
}

/** The model of a fetched report, worded with `t` (pure). */
function reportModel(
  report: Hics251Report | Hics214Report | BriefingReport,
  { facility, timeZone: zone, incidentId, kind, reference, language }: ReportContext,
  t: PdfWords,
): PdfDocumentModel {
  const tz = report.header.timeZone ?? zone;
  const body =
    report.kind === 'hics251'
      ? hics251Blocks(report, tz, t)
      : report.kind === 'hics214'
        ? hics214Blocks(report, tz, t)
        : briefingBlocks(report, tz, t);
  const incident = report.header.incident.name;
  return {
    kind: `incident.${kind}`,
    title: t('incident.titleWithIncident', { title: t(titles[kind]), incident }),
    subtitle: t('incident.subtitle', { id: report.header.incident.id }),
    facility: report.header.facility ?? facility,
    generatedAt: new Date(report.header.preparedAt),
    ...(tz ? { timeZone: tz } : {}),
    ...(language && language !== 'en' ? { language } : {}),
    subjects: [
      { entityType: 'incident', entityId: String(incidentId) },
      preparerSubject(report.header.preparedBy),
    ],
    auditReference: reference,
    signatureReason: t('incident.signatureReason', { title: t(titles[kind]), incident }),
    blocks: [headerBlock(report.header, tz, facility, t), ...body],
  };
}
