import type Database from 'better-sqlite3';
import type { Hics214Entry, Hics214Report } from '../../api/domains/reports';
import { pdfWords } from '../pdf/words';
import { activitySentence, describeEvent, notableActions, positionLabel } from './activity-words';
import { selfRow } from '../stations/station-store';
import {
  incidentEventsByTime,
  readSessionsEndedWithApp,
  type IncidentEvent,
} from './incident-events';
import { assetTags, userNames, type ReportContext } from './report-header';
import { readStationEvents, type StationEvent } from './station-events';

const english = pdfWords('en');

const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/** Two lists of this station's events by time, those of one time in the order of the chain. */
function* byTimeThenId(
  events: Iterable<IncidentEvent>,
  more: readonly IncidentEvent[],
): Generator<IncidentEvent, void, undefined> {
  let j = 0;
  for (const e of events) {
    for (let m = more[j]; m && (m.at < e.at || (m.at === e.at && m.id < e.id)); m = more[++j]) {
      yield m;
    }
    yield e;
  }
  for (; j < more.length; j++) yield more[j] as IncidentEvent;
}

/**
 * This station's events (by time) and those other stations sent about their cases, merged by
 * time: of one time, this station's first.
 */
function* mergedByTime(
  mine: Iterable<IncidentEvent>,
  theirs: readonly StationEvent[],
): Generator<IncidentEvent | StationEvent, void, undefined> {
  let j = 0;
  for (const e of mine) {
    for (let t = theirs[j]; t && t.at < e.at; t = theirs[++j]) yield t;
    yield e;
  }
  for (; j < theirs.length; j++) yield theirs[j] as StationEvent;
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
  // Read before the incident's own events: the database is busy while they are read one by one.
  // Stable sorts by time, so that of one time the chain's order stays.
  const ended = readSessionsEndedWithApp(db, period).sort(byTime);
  const remote = readStationEvents(db, incidentId, period, notableActions).sort(byTime);
  const tags = assetTags(db, incidentId);
  const names = userNames(db);
  const self = selfRow(db)?.name ?? null;
  const events = byTimeThenId(incidentEventsByTime(db, incidentId, period, notableActions), ended);
  let eventsRead = remote.length;
  const entries = new Map<string, Hics214Entry>();
  const lastGroup = new Map<string, { key: string; count: number }>();
  // Summed lines are worded once, after the last answer they count.
  const summed = new Set<Hics214Entry['activities'][number]>();
  let activityCount = 0;
  for (const e of mergedByTime(events, remote)) {
    const sent = 'stationId' in e ? e : null;
    if (!sent) eventsRead += 1;
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
  return { entries: sorted, activityCount, eventsRead };
}

export function hics214Report(db: Database.Database, rc: ReportContext): Hics214Report {
  return { kind: 'hics214', header: rc.header, ...hics214Entries(db, rc.head.id, rc.period) };
}
