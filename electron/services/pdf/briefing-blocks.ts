import { objectiveLines, plannedActionText, situationText } from '../../api/briefing-words';
import type { BriefingReport } from '../../api/domains/reports';
import { formatCvss } from '../../api/number-format';
import { activitySentence } from '../reports/activity-words';
import { priorityReasonText } from '../threats/priority-words';
import type { PdfBlock } from './model';
import { formatTime } from './text';
import { roleWord, type PdfWordKey, type PdfWords } from './words';

/** The incident briefing's body as PDF blocks (the header and signature are the report's). */

export function briefingBlocks(r: BriefingReport, tz: string | undefined, t: PdfWords): PdfBlock[] {
  const s = r.situation;
  // The keys are built from the report's codes, so the typed catalogue cannot check them here.
  const lookup = (key: string, values?: Record<string, string | number>) =>
    t(key as PdfWordKey, values);
  const list = (items: string[]): PdfBlock[] =>
    items.length === 0
      ? [{ kind: 'paragraph', text: t('reports.none'), style: 'muted' }]
      : // One paragraph: a run of short ones would all be kept together with what follows.
        [{ kind: 'paragraph', text: items.map((text) => `• ${text}`).join('\n') }];
  return [
    { kind: 'heading', text: t('reports.situation') },
    { kind: 'paragraph', text: situationText(s, lookup, t.language) },
    {
      kind: 'table',
      columns: [
        { header: t('reports.advisory'), weight: 22 },
        { header: t('reports.title'), weight: 46 },
        { header: t('reports.cves'), weight: 22 },
        { header: t('reports.cases'), weight: 10 },
      ],
      rows: s.advisories.map((a) => [
        t('reports.advisoryRevision', { trackingId: a.trackingId, version: a.version }),
        a.title,
        a.cves
          .map((c) => `${c.cve}${c.cvss === null ? '' : ` (${formatCvss(c.cvss, t.language)})`}`)
          .join(', '),
        String(a.caseCount),
      ]),
    },
    {
      kind: 'keyValue',
      rows: [
        { key: t('reports.blocked'), value: String(s.attention.blocked) },
        { key: t('reports.recheckOverdue'), value: String(s.attention.recheckOverdue) },
        { key: t('reports.needReReview'), value: String(s.attention.needsReReview) },
        { key: t('reports.awaitingSignoff'), value: String(s.attention.awaitingSignoff) },
      ],
    },
    { kind: 'heading', text: t('reports.objectives') },
    ...list(objectiveLines(r.objectiveCodes, lookup)),
    { kind: 'heading', text: t('reports.highestPriority') },
    ...list(
      r.topPriorities.map((p) =>
        t(p.station === null ? 'reports.priorityLine' : 'reports.priorityLineAt', {
          assetTag: p.assetTag,
          station: p.station ?? '',
          trackingId: p.trackingId,
          priority: p.priority,
          reasons: p.reasonCodes.map((r) => priorityReasonText(r, t.language)).join('; '),
        }),
      ),
    ),
    { kind: 'heading', text: t('reports.actionsPlanned') },
    ...list(
      r.actionsPlanned.map((a) =>
        t('reports.plannedLine', {
          count: a.caseCount,
          state: t(`states.${a.state}`),
          action: plannedActionText(a.state, lookup),
        }),
      ),
    ),
    { kind: 'heading', text: t('reports.actionsTaken') },
    r.actionsTaken.length === 0
      ? { kind: 'paragraph', text: t('reports.noneYet'), style: 'muted' }
      : {
          kind: 'table',
          columns: [
            { header: t('reports.time'), weight: 22 },
            { header: t('reports.by'), weight: 26 },
            { header: t('reports.activity'), weight: 52 },
          ],
          rows: r.actionsTaken.map((a) => [
            formatTime(new Date(a.at), tz),
            a.person ?? roleWord(t, a.position),
            activitySentence(t, a.words),
          ]),
        },
    { kind: 'heading', text: t('reports.resources') },
    {
      kind: 'table',
      columns: [
        { header: t('reports.role'), weight: 30 },
        { header: t('reports.person'), weight: 40 },
        { header: t('reports.openCases'), weight: 15 },
        { header: t('reports.allCases'), weight: 15 },
      ],
      rows: r.resources.flatMap((g) =>
        g.people.map((p) => [roleWord(t, g.role), p.name, String(p.openCases), String(p.cases)]),
      ),
    },
    {
      kind: 'paragraph',
      text: t('reports.unassigned', { count: r.unassignedOpenCases }),
      style: 'muted',
    },
  ];
}
