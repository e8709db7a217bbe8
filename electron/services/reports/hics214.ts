import type Database from 'better-sqlite3';
import type { Hics214Entry, Hics214Report } from '../../api/domains/reports';
import { describeEvent, notableActions, positionLabel } from './activity-words';
import { readIncidentEvents } from './incident-events';
import type { ReportContext } from './report-header';
import { assetTags, userNames } from './report-header';

/**
 * HICS 214 Activity Log: for each person and each position (role) they acted in during the
 * operational period, their notable activities in time order, from the audit trail. A person who
 * acted as biomed and as IT security gets two entries, as they would fill in two forms. Runs of
 * checklist answers by one person on one case section become one line with a count.
 */

export function hics214Entries(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string },
): { entries: Hics214Entry[]; activityCount: number; eventsRead: number } {
  const events = readIncidentEvents(db, incidentId, period, notableActions);
  const tags = assetTags(db, incidentId);
  const names = userNames(db);
  const entries = new Map<string, Hics214Entry>();
  const lastGroup = new Map<string, { key: string; count: number; base: string }>();
  let activityCount = 0;
  for (const e of events) {
    const tag = e.caseId !== null ? (tags.get(e.caseId) ?? null) : null;
    const described = describeEvent(e, tag);
    if (!described) continue;
    const who = `${e.actorUserId ?? 'none'}|${e.actorRole}`;
    let entry = entries.get(who);
    if (!entry) {
      entry = {
        person: {
          userId: e.actorUserId,
          name:
            e.actorUserId !== null
              ? (names.get(e.actorUserId) ?? `user ${e.actorUserId}`)
              : positionLabel(e.actorRole),
        },
        role: e.actorRole,
        positionLabel: positionLabel(e.actorRole),
        activities: [],
      };
      entries.set(who, entry);
    }
    const previous = lastGroup.get(who);
    const last = entry.activities.at(-1);
    if (described.groupKey !== null && previous?.key === described.groupKey && last) {
      previous.count += 1;
      last.activity = `${previous.base} (${previous.count} items)`;
      last.at = e.at;
      continue;
    }
    if (described.groupKey !== null) {
      lastGroup.set(who, { key: described.groupKey, count: 1, base: described.sentence });
    } else {
      lastGroup.delete(who);
    }
    entry.activities.push({
      at: e.at,
      activity: described.sentence,
      auditEventId: e.id,
      caseId: e.caseId,
      assetTag: tag,
    });
    activityCount += 1;
  }
  const sorted = [...entries.values()].sort(
    (a, b) => a.person.name.localeCompare(b.person.name) || a.role.localeCompare(b.role),
  );
  return { entries: sorted, activityCount, eventsRead: events.length };
}

export function hics214Report(db: Database.Database, rc: ReportContext): Hics214Report {
  return { kind: 'hics214', header: rc.header, ...hics214Entries(db, rc.head.id, rc.period) };
}
