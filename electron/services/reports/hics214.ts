import type Database from 'better-sqlite3';
import type { Hics214Entry, Hics214Report } from '../../api/domains/reports';
import { pdfWords } from '../pdf/words';
import { activitySentence, describeEvent, notableActions, positionLabel } from './activity-words';
import { selfRow } from '../stations/station-store';
import { readIncidentEvents, type IncidentEvent } from './incident-events';
import { assetTags, userNames, type ReportContext } from './report-header';
import { readStationEvents } from './station-events';

const english = pdfWords('en');

interface Sourced {
  e: IncidentEvent;
  /** The name of the station where the event was recorded. */
  station: string | null;
  /** '' for this station, else the station's ID: people of two stations are not one person. */
  key: string;
  tag: string | null;
  name: string | null;
}

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
  const self = selfRow(db)?.name ?? null;
  // This station's events and those other stations sent about their cases, merged by time (a
  // stable sort: events of one time keep their chain order).
  const merged: Sourced[] = [
    ...events.map((e) => ({
      e,
      station: self,
      key: '',
      tag: e.caseId !== null ? (tags.get(e.caseId) ?? null) : null,
      name: e.actorUserId !== null ? (names.get(e.actorUserId) ?? null) : null,
    })),
    ...readStationEvents(db, incidentId, period, notableActions).map((e) => ({
      e,
      station: e.stationName,
      key: e.stationId,
      tag: e.assetTag,
      name: e.actorName,
    })),
  ].sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : 0));
  const entries = new Map<string, Hics214Entry>();
  const lastGroup = new Map<string, { key: string; count: number }>();
  // Summed lines are worded once, after the last answer they count.
  const summed = new Set<Hics214Entry['activities'][number]>();
  let activityCount = 0;
  for (const { e, station, key, tag, name } of merged) {
    const described = describeEvent(e, tag);
    if (!described) continue;
    const who = `${key}|${e.actorUserId ?? 'none'}|${e.actorRole}`;
    let entry = entries.get(who);
    if (!entry) {
      entry = {
        person: {
          userId: e.actorUserId,
          name:
            e.actorUserId !== null ? (name ?? `user ${e.actorUserId}`) : positionLabel(e.actorRole),
        },
        station,
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
      last.words = { ...last.words, items: previous.count };
      summed.add(last);
      last.at = e.at;
      continue;
    }
    if (described.groupKey !== null) {
      lastGroup.set(who, { key: described.groupKey, count: 1 });
    } else {
      lastGroup.delete(who);
    }
    entry.activities.push({
      at: e.at,
      activity: described.sentence,
      words: described.words,
      auditEventId: e.id,
      caseId: e.caseId,
      assetTag: tag,
    });
    activityCount += 1;
  }
  for (const activity of summed) activity.activity = activitySentence(english, activity.words);
  const sorted = [...entries.values()].sort(
    (a, b) =>
      a.person.name.localeCompare(b.person.name) ||
      a.role.localeCompare(b.role) ||
      (a.station ?? '').localeCompare(b.station ?? ''),
  );
  return { entries: sorted, activityCount, eventsRead: merged.length };
}

export function hics214Report(db: Database.Database, rc: ReportContext): Hics214Report {
  return { kind: 'hics214', header: rc.header, ...hics214Entries(db, rc.head.id, rc.period) };
}
