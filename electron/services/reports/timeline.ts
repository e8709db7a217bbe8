import type Database from 'better-sqlite3';
import type { TimelineEntry, TimelineReport } from '../../api/domains/reports';
import { describeEvent, notableActions, positionLabel } from './activity-words';
import { readIncidentEvents } from './incident-events';
import { assetTags, userNames, type ReportContext } from './report-header';

/**
 * The incident's notable events in time order. Unlike HICS 214 it is one list for everyone, and
 * single checklist answers are left out: the timeline is for "what happened when", not the work.
 */
const timelineActions = notableActions.filter((a) => a !== 'case.answered');

export function timelineEntries(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string } | null,
): TimelineEntry[] {
  const tags = assetTags(db, incidentId);
  const names = userNames(db);
  const out: TimelineEntry[] = [];
  for (const e of readIncidentEvents(db, incidentId, period, timelineActions)) {
    const tag = e.caseId !== null ? (tags.get(e.caseId) ?? null) : null;
    const described = describeEvent(e, tag);
    if (!described) continue;
    const person =
      e.actorUserId !== null ? (names.get(e.actorUserId) ?? `user ${e.actorUserId}`) : null;
    out.push({
      at: e.at,
      event: described.sentence,
      words: described.words,
      by: person ?? positionLabel(e.actorRole),
      role: positionLabel(e.actorRole),
      person,
      position: e.actorRole,
      caseId: e.caseId,
      assetTag: tag,
      auditEventId: e.id,
    });
  }
  return out;
}

export function timelineReport(db: Database.Database, rc: ReportContext): TimelineReport {
  return {
    kind: 'timeline',
    header: rc.header,
    entries: timelineEntries(db, rc.head.id, rc.period),
  };
}
