import type Database from 'better-sqlite3';
import type { Hics214Entry, Hics214Report } from '../../api/domains/reports';
import { pdfWords } from '../pdf/words';
import { activitySentence, describeEvent, notableActions, positionLabel } from './activity-words';
import { selfRow } from '../stations/station-store';
import {
  readIncidentEvents,
  readSessionsEndedWithApp,
  type IncidentEvent,
} from './incident-events';
import { assetTags, userNames, type ReportContext } from './report-header';
import { readStationEvents, type StationEvent } from './station-events';

const english = pdfWords('en');

/**
 * This station's events and those other stations sent about their cases, merged by time: a
 * stable sort of both lists, this station's first, without copying them into one.
 */
function mergedByTime(
  mine: IncidentEvent[],
  theirs: StationEvent[],
): (IncidentEvent | StationEvent)[] {
  const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  mine.sort(byTime);
  if (theirs.length === 0) return mine;
  theirs.sort(byTime);
  const out: (IncidentEvent | StationEvent)[] = [];
  let j = 0;
  for (const e of mine) {
    for (let t = theirs[j]; t && t.at < e.at; t = theirs[++j]) out.push(t);
    out.push(e);
  }
  for (; j < theirs.length; j++) out.push(theirs[j] as StationEvent);
  return out;
}

/**
 * HICS 214 Activity Log: for each person and each position (role) they acted in during the
 * operational period, their notable activities in time order, from the audit trail. A person who
 * acted as biomed and as IT security gets two entries, as they would fill in two forms. Runs of
 * checklist answers by one person on one case section become one line with a count. A session
 * this station's app did not live to end is a line of its own in the person's position.
 */

export function hics214Entries(
  db: Database.Database,
  incidentId: number,
  period: { start: string; end: string },
): { entries: Hics214Entry[]; activityCount: number; eventsRead: number } {
  const events = readIncidentEvents(db, incidentId, period, notableActions);
  const ended = readSessionsEndedWithApp(db, period);
  if (ended.length > 0) {
    // In the order of the chain, as the incident's own events (a stable sort by time follows).
    events.push(...ended);
    events.sort((a, b) => a.id - b.id);
  }
  const remote = readStationEvents(db, incidentId, period, notableActions);
  const tags = assetTags(db, incidentId);
  const names = userNames(db);
  const self = selfRow(db)?.name ?? null;
  const entries = new Map<string, Hics214Entry>();
  const lastGroup = new Map<string, { key: string; count: number }>();
  // Summed lines are worded once, after the last answer they count.
  const summed = new Set<Hics214Entry['activities'][number]>();
  let activityCount = 0;
  for (const e of mergedByTime(events, remote)) {
    const sent = 'stationId' in e ? e : null;
    const station = sent ? sent.stationName : self;
    // People of two stations are not one person.
    const key = sent ? sent.stationId : '';
    const tag = sent ? sent.assetTag : e.caseId !== null ? (tags.get(e.caseId) ?? null) : null;
    const name = sent
      ? sent.actorName
      : e.actorUserId !== null
        ? (names.get(e.actorUserId) ?? null)
        : null;
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
  return { entries: sorted, activityCount, eventsRead: events.length + remote.length };
}

export function hics214Report(db: Database.Database, rc: ReportContext): Hics214Report {
  return { kind: 'hics214', header: rc.header, ...hics214Entries(db, rc.head.id, rc.period) };
}
