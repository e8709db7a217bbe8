import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../audit/append';
import { testNow } from '../cases/test/case-test-setup';
import { endedWithAppCondition } from '../db/migrations/020-sessions-ended-with-app';
import { pdfWords } from '../pdf/words';
import { endSessionsLeftOpen } from '../people/sessions-left-open';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { activitySentence } from './activity-words';
import {
  incidentEventsByTime,
  incidentEventsSql,
  readIncidentEvents,
  readSessionsEndedWithApp,
  sessionsEndedWithAppSql,
} from './incident-events';

const operator = { kind: 'operator', osUser: 'night-shift' } as const;
let rt: TestRuntime;
let incidentId = 0;

beforeAll(async () => {
  rt = startTestRuntime(testNow);
  await rt.client(operator).value('demo.load', {});
  incidentId = (await rt.client(operator).value('demo.walkthrough', {})).incidentId;
});
afterAll(() => rt.cleanup());

describe('the events of an incident', () => {
  it('are found through the entity index, the same events a pass over the whole trail finds', () => {
    const { db } = rt.services;
    const ids = (sql: string, id: number) =>
      new Set((db.prepare(sql).pluck().all(id) as number[]).map(String));
    const cases = ids('SELECT id FROM cases WHERE incident_id = ?', incidentId);
    const bulk = ids('SELECT id FROM bulk_decisions WHERE incident_id = ?', incidentId);
    // Events whose ids begin like a case's of this incident but are not its own: case 10 is no
    // case of the demo incident (8 cases), nor is incident 10 this one.
    const [first] = cases;
    expect(first).toBeDefined();
    expect(cases.has(`${first}0`)).toBe(false);
    db.transaction(() => {
      for (const [entityType, entityId] of [
        ['case', `${first}0`],
        ['case', `${first}0:technical_readiness`],
        ['case', `${first}:technical_readiness`],
        ['incident', `${incidentId}0`],
        ['bulk_decision', `${incidentId}0`],
      ] as const) {
        appendAuditEvent(db, new Date(testNow), {
          actor: { userId: null, role: 'system' },
          action: 'case.pdf',
          entityType,
          entityId,
          payload: {},
        });
      }
    })();
    // The events of the incident as a pass over every event tells them.
    const all = db
      .prepare('SELECT id, entity_type, entity_id FROM audit_events ORDER BY id')
      .raw()
      .all() as [number, string, string | null][];
    const expected = all
      .filter(([, type, entity]) => {
        const id = entity === null ? '' : String(parseInt(entity, 10));
        if (type === 'case') return cases.has(id);
        if (type === 'incident') return entity === String(incidentId);
        return type === 'bulk_decision' && bulk.has(id);
      })
      .map(([id]) => id);
    const read = readIncidentEvents(db, incidentId, null).map((e) => e.id);
    expect(read).toEqual(expected);
    expect(read).toContain(all.at(-3)?.[0]); // `<caseId>:technical_readiness`
    expect(read).not.toContain(all.at(-4)?.[0]); // `<caseId>0:technical_readiness`

    // Every search of the trail goes through the index, none reads every event.
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${incidentEventsSql}`).all({
        id: incidentId,
        idText: String(incidentId),
        actions: null,
        start: null,
        end: null,
      }) as { detail: string }[]
    ).map((p) => p.detail);
    const searches = plan.filter((d) => / e\b/.test(d) && !d.startsWith('LIST'));
    expect(searches.length).toBe(4);
    for (const d of searches)
      expect(d).toMatch(
        /^SEARCH e USING .*INDEX audit_events_entity \(entity_type=\? AND entity_id[=>]\?/,
      );
  });

  it('come by time, those of one time in the order of the chain, as the chain sorted by time', () => {
    const { db } = rt.services;
    const [caseId] = db
      .prepare('SELECT id FROM cases WHERE incident_id = ? ORDER BY id')
      .pluck()
      .all(incidentId) as number[];
    // A later time first in the chain, an earlier one after it, and the later time once more.
    const at = (hours: number) => new Date(Date.parse(testNow) + hours * 3_600_000);
    const appended = db.transaction(() =>
      [5, 4, 5].map(
        (hours) =>
          appendAuditEvent(db, at(hours), {
            actor: { userId: null, role: 'system' },
            action: 'case.pdf',
            entityType: 'case',
            entityId: caseId,
            payload: {},
          }).id,
      ),
    )();
    const byTime = (a: { at: string }, b: { at: string }) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
    for (const period of [null, { start: testNow, end: at(6).toISOString() }]) {
      const expected = readIncidentEvents(db, incidentId, period).sort(byTime);
      const read = [...incidentEventsByTime(db, incidentId, period)];
      expect(read).toEqual(expected);
      expect(read.map((e) => e.id).filter((id) => appended.includes(id))).toEqual([
        appended[1],
        appended[0],
        appended[2],
      ]);
    }
  });

  it('include, in HICS 214, a session the app did not live to end, in English and German', async () => {
    const biomed = await signInAs(rt, 'biomed');
    // What a start after a crash records for the session still open.
    expect(endSessionsLeftOpen(rt.services)).toContain(biomed.id);
    const ended = rt.services.db
      .prepare(
        `SELECT id FROM audit_events WHERE entity_type = 'user' AND entity_id = ?
            AND body ->> '$.action' = 'session.ended'`,
      )
      .pluck()
      .get(String(biomed.id)) as number;
    const report = await rt.client(operator).value('reports.hics214', {
      incidentId,
      operationalPeriod: { start: '2017-08-03T00:00:00Z', end: '2017-08-03T23:59:59Z' },
    });
    const entry = report.entries.find((e) => e.person.userId === biomed.id);
    expect(entry?.role).toBe('biomed');
    expect(entry?.activities.map((a) => [a.auditEventId, a.activity])).toEqual([
      [ended, 'Session ended with the app: the app stopped before anyone signed out'],
    ]);
    const words = entry?.activities[0]?.words;
    expect(words && activitySentence(pdfWords('de'), words)).toBe(
      'Sitzung mit der App beendet: Die App wurde beendet, bevor sich jemand abgemeldet hatte',
    );
    // Outside the operational period it is not listed.
    const later = await rt.client(operator).value('reports.hics214', {
      incidentId,
      operationalPeriod: { start: '2017-08-04T00:00:00Z', end: '2017-08-04T23:59:59Z' },
    });
    expect(later.entries.find((e) => e.person.userId === biomed.id)).toBeUndefined();
  });

  it('find the sessions ended with the app through their index, the same a pass over every user event finds', () => {
    const { db } = rt.services;
    // Events that name the reason but are no such end: another end, and a name that is the word.
    db.transaction(() => {
      for (const [action, payload] of [
        ['session.ended', { reason: 'signed_out', note: 'process_ended' }],
        ['user.updated', { displayName: 'process_ended' }],
      ] as const) {
        appendAuditEvent(db, new Date(testNow), {
          actor: { userId: null, role: 'system' },
          action,
          entityType: 'user',
          entityId: 1,
          payload,
        });
      }
    })();
    const expected = (
      db
        .prepare(`SELECT id, body FROM audit_events WHERE entity_type = 'user' ORDER BY id`)
        .raw()
        .all() as [number, string][]
    )
      .filter(([, body]) => {
        const b = JSON.parse(body) as { action: string; payload: { reason?: string } };
        return b.action === 'session.ended' && b.payload.reason === 'process_ended';
      })
      .map(([id]) => id);
    expect(expected.length).toBeGreaterThan(0);
    expect(readSessionsEndedWithApp(db, null).map((e) => e.id)).toEqual(expected);
    // Only the index of those ends is read, not every user event.
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${sessionsEndedWithAppSql}`).all({
        reason: 'process_ended',
        start: null,
        end: null,
      }) as { detail: string }[]
    ).map((p) => p.detail);
    expect(plan).toEqual(['SCAN audit_events USING INDEX audit_events_ended_with_app']);
    const indexed = db
      .prepare(
        `SELECT count(*) FROM audit_events INDEXED BY audit_events_ended_with_app
          WHERE ${endedWithAppCondition}`,
      )
      .pluck()
      .get() as number;
    expect(indexed).toBe(expected.length + 2);
  });
});
