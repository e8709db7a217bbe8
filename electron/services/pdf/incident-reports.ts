import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportHeader,
} from '../../api/domains/reports';
import type { Role } from '../../api/permissions';
import type { CallContext } from '../core/context';
import { ServiceError } from '../core/errors';
import { reportHandlers } from '../reports/handlers';
import { stateLabels } from '../workflow/states';
import { lastIncidentAuditEvent } from './audit-reference';
import { documentFacility } from './blank-checklist';
import type { PdfBlock, PdfDocumentModel, Tone } from './model';
import { formatTime } from './text';

/**
 * HICS 251, HICS 214 and the incident briefing as signed PDFs: the report services
 * (electron/services/reports) build the models the UI shows; this file only lays them out.
 */

type ReportKind = 'hics251' | 'hics214' | 'briefing';

const titles: Record<ReportKind, string> = {
  hics251: 'HICS 251 — Facility System Status',
  hics214: 'HICS 214 — Activity Log',
  briefing: 'Incident briefing',
};

const statusTones: Record<string, Tone> = {
  fully_functional: 'ok',
  partially_functional: 'warn',
  non_functional: 'bad',
};

function headerBlock(h: ReportHeader, tz: string | undefined, facility: string): PdfBlock {
  const t = (iso: string) => formatTime(new Date(iso), tz);
  return {
    kind: 'keyValue',
    rows: [
      { key: 'Facility', value: h.facility ?? facility },
      {
        key: 'Incident',
        value: `${h.incident.name} (incident ${h.incident.id}, ${h.incident.status})`,
      },
      {
        key: 'Operational period',
        value: `${t(h.operationalPeriod.start)} to ${t(h.operationalPeriod.end)}`,
      },
      {
        key: 'Prepared by',
        value: `${h.preparedBy.name} (${h.preparedBy.role === 'operator' ? 'operator' : h.preparedBy.role.replace(/_/g, ' ')}), ${t(h.preparedAt)}`,
      },
    ],
  };
}

function hics251Blocks(r: Hics251Report, tz: string | undefined): PdfBlock[] {
  return [
    {
      kind: 'keyValue',
      rows: [
        { key: 'Non-functional', value: String(r.totals.non_functional), tone: 'bad' },
        { key: 'Partially functional', value: String(r.totals.partially_functional), tone: 'warn' },
        { key: 'Fully functional', value: String(r.totals.fully_functional), tone: 'ok' },
      ],
    },
    { kind: 'heading', text: 'Systems' },
    {
      kind: 'table',
      columns: [
        { header: 'System', weight: 21 },
        { header: 'Status', weight: 13 },
        { header: 'Location', weight: 18 },
        { header: 'Reason', weight: 21 },
        { header: 'Est. return', weight: 12 },
        { header: 'Comments', weight: 19 },
      ],
      rows: r.rows.map((row) => [
        [{ text: row.system }, { text: stateLabels[row.state], style: 'small' }],
        [{ text: row.statusLabel, tone: statusTones[row.status] }],
        row.location || '—',
        row.reason,
        row.estimatedReturn ? formatTime(new Date(row.estimatedReturn), tz) : '—',
        row.comments,
      ]),
    },
  ];
}

function hics214Blocks(r: Hics214Report, tz: string | undefined): PdfBlock[] {
  const blocks: PdfBlock[] = [
    {
      kind: 'paragraph',
      text: `${r.activityCount} notable activities from ${r.eventsRead} audit events in the period.`,
      style: 'muted',
    },
  ];
  for (const e of r.entries) {
    blocks.push(
      { kind: 'heading', text: `${e.person.name} — ${e.positionLabel}`, level: 2 },
      {
        kind: 'table',
        columns: [
          { header: 'Time', weight: 22 },
          { header: 'Notable activity', weight: 64 },
          { header: 'Audit event', weight: 14 },
        ],
        rows: e.activities.map((a) => [
          formatTime(new Date(a.at), tz),
          a.activity,
          `#${a.auditEventId}`,
        ]),
      },
    );
  }
  if (r.entries.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No activity in this period.', style: 'muted' });
  }
  return blocks;
}

function briefingBlocks(r: BriefingReport, tz: string | undefined): PdfBlock[] {
  const s = r.situation;
  const list = (items: string[]): PdfBlock[] =>
    items.length === 0
      ? [{ kind: 'paragraph', text: 'None.', style: 'muted' }]
      : // One paragraph: a run of short ones would all be kept together with what follows.
        [{ kind: 'paragraph', text: items.map((text) => `• ${text}`).join('\n') }];
  return [
    { kind: 'heading', text: 'Situation' },
    { kind: 'paragraph', text: s.summary },
    {
      kind: 'table',
      columns: [
        { header: 'Advisory', weight: 22 },
        { header: 'Title', weight: 46 },
        { header: 'CVEs (CVSS)', weight: 22 },
        { header: 'Cases', weight: 10 },
      ],
      rows: s.advisories.map((a) => [
        `${a.trackingId} rev ${a.version}`,
        a.title,
        a.cves.map((c) => `${c.cve}${c.cvss === null ? '' : ` (${c.cvss})`}`).join(', '),
        String(a.caseCount),
      ]),
    },
    {
      kind: 'keyValue',
      rows: [
        { key: 'Blocked by the gate', value: String(s.attention.blocked) },
        { key: 'Re-checks overdue', value: String(s.attention.recheckOverdue) },
        { key: 'Need re-review', value: String(s.attention.needsReReview) },
        { key: 'Awaiting sign-off', value: String(s.attention.awaitingSignoff) },
      ],
    },
    { kind: 'heading', text: 'Objectives' },
    ...list(r.objectives),
    { kind: 'heading', text: 'Highest priority first' },
    ...list(
      r.topPriorities.map(
        (p) => `${p.assetTag} (${p.trackingId}), priority ${p.priority}: ${p.reasons.join('; ')}`,
      ),
    ),
    { kind: 'heading', text: 'Actions planned' },
    ...list(r.actionsPlanned.map((a) => `${a.caseCount} × ${stateLabels[a.state]}: ${a.action}`)),
    { kind: 'heading', text: 'Actions taken' },
    r.actionsTaken.length === 0
      ? { kind: 'paragraph', text: 'None yet.', style: 'muted' }
      : {
          kind: 'table',
          columns: [
            { header: 'Time', weight: 22 },
            { header: 'By', weight: 26 },
            { header: 'Activity', weight: 52 },
          ],
          rows: r.actionsTaken.map((a) => [formatTime(new Date(a.at), tz), a.by, a.activity]),
        },
    { kind: 'heading', text: 'Resources' },
    {
      kind: 'table',
      columns: [
        { header: 'Role', weight: 30 },
        { header: 'Person', weight: 40 },
        { header: 'Open cases', weight: 15 },
        { header: 'All cases', weight: 15 },
      ],
      rows: r.resources.flatMap((g) =>
        g.people.map((p) => [g.roleLabel, p.name, String(p.openCases), String(p.cases)]),
      ),
    },
    {
      kind: 'paragraph',
      text: `${r.unassignedOpenCases} open cases are not assigned to anyone.`,
      style: 'muted',
    },
  ];
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
    throw new ServiceError(
      'internal',
      `The ${titles[kind]} report could not be built (${(error as Error).message}); export the case summary or the device cases meanwhile.`,
      { report: kind },
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
): Promise<PdfDocumentModel> {
  const { services } = ctx;
  const report = await fetchReport(ctx, incidentId, kind);
  const { facility, timeZone: zone } = documentFacility(services);
  const tz = report.header.timeZone ?? zone;
  const body =
    report.kind === 'hics251'
      ? hics251Blocks(report, tz)
      : report.kind === 'hics214'
        ? hics214Blocks(report, tz)
        : briefingBlocks(report, tz);
  return {
    kind: `incident.${kind}`,
    title: `${titles[kind]} — ${report.header.incident.name}`,
    subtitle: `Incident ${report.header.incident.id}`,
    facility: report.header.facility ?? facility,
    generatedAt: new Date(report.header.preparedAt),
    ...(tz ? { timeZone: tz } : {}),
    subjects: [
      { entityType: 'incident', entityId: String(incidentId) },
      preparerSubject(report.header.preparedBy),
    ],
    auditReference: lastIncidentAuditEvent(services.db, incidentId),
    signatureReason: `${titles[kind]} of the incident "${report.header.incident.name}", exported from Standalone`,
    blocks: [headerBlock(report.header, tz, facility), ...body],
  };
}
