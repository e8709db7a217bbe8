import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectiveLines } from '../../api/briefing-words';
import type { ApiClient } from '../../api/client';
import pdfEn from '../../api/i18n/pdf.en.json' with { type: 'json' };
import { pdfWords, type PdfWordKey } from '../pdf/words';
import { testNow } from '../cases/test/case-test-setup';
import { auditSince } from '../people/test/test-calls';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { describeEvent, notableActions } from './activity-words';
import { caseEvent } from './test/case-event';

const operator = { kind: 'operator', osUser: 'night-shift' } as const;
let rt: TestRuntime;
let incidentId = 0;

const call: ApiClient['value'] = (method, input) => rt.client(operator).value(method, input);

beforeAll(async () => {
  rt = startTestRuntime(testNow);
  await call('demo.load', {});
  incidentId = (await call('demo.walkthrough', {})).incidentId;
});
afterAll(() => rt.cleanup());

describe('HICS 214 Activity Log from the audit trail', () => {
  it('lists each person in each position with their notable activities in plain words', async () => {
    const report = await call('reports.hics214', { incidentId });
    expect(report.header.preparedBy).toEqual({
      userId: null,
      name: 'night-shift',
      role: 'operator',
    });
    const positions = report.entries.map((e) => [e.person.name, e.role]);
    expect(positions).toEqual([
      ['Dr. Amara Okafor (demo)', 'clinical_lead'],
      ['Łukasz Wróbel (demo)', 'biomed'],
      ['María José Núñez (demo)', 'incident_commander'],
      ['Søren Ødegård (demo)', 'it_security'],
      ['Zoë Brändli (demo)', 'technologist'],
    ]);
    const of = (role: string) =>
      report.entries.find((e) => e.role === role)?.activities.map((a) => a.activity) ?? [];
    expect(of('incident_commander')[0]).toBe(
      'Opened the incident "ICSMA-17-215-02 response" with 8 cases',
    );
    expect(of('incident_commander')).toContain('Assigned NM-0003 to Zoë Brändli (demo)');
    expect(of('clinical_lead')).toEqual([
      'Signed off patient safety for NM-0001',
      'Signed off patient safety for NM-0006',
    ]);
    expect(of('technologist')).toContain('Moved NM-0003 from Assessing to Deferred');
    expect(of('technologist')).toContain('Answered the patient-safety gate of NM-0003 (7 items)');
    expect(of('it_security')).toContain('Signed off reconnection approval for NM-0001');

    // Every line points at a real audit event by that person in that role.
    const events = new Map(auditSince(rt).map((e) => [e.id, e]));
    for (const entry of report.entries) {
      for (const a of entry.activities) {
        const e = events.get(a.auditEventId);
        expect(e?.actorUserId).toBe(entry.person.userId);
        expect(e?.actorRole).toBe(entry.role);
        expect(notableActions as readonly string[]).toContain(e?.action);
      }
    }
    // Sign-ins, refusals and reads are not activities of the incident.
    const notable = [...events.values()].filter((e) =>
      (notableActions as readonly string[]).includes(e.action),
    );
    expect(report.eventsRead).toBe(notable.length);
    expect(report.activityCount).toBeLessThan(report.eventsRead); // answers were summed
  });

  it('keeps to the operational period', async () => {
    const report = await call('reports.hics214', {
      incidentId,
      operationalPeriod: { start: '2017-08-04T07:00:00+02:00', end: '2017-08-04T19:00:00+02:00' },
    });
    expect(report.header.operationalPeriod).toEqual({
      start: '2017-08-04T05:00:00.000Z',
      end: '2017-08-04T17:00:00.000Z',
    });
    expect(report.entries).toEqual([]);
    expect(
      await rt.client(operator).call('reports.hics214', {
        incidentId,
        operationalPeriod: { start: '2017-08-04T07:00:00Z', end: '2017-08-04T06:00:00Z' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('has a sentence for every notable action', () => {
    for (const action of notableActions) {
      const payload = { from: 'at_risk', to: 'assessing', kind: 'risk_acceptance' };
      const described = describeEvent(caseEvent(testNow, action, payload), 'NM-0042');
      expect(described?.sentence, action).toMatch(/\w/);
    }
    expect(
      describeEvent(
        {
          id: 1,
          at: testNow,
          actorUserId: null,
          actorRole: 'system',
          action: 'session.signed_in',
          entityType: 'user',
          caseId: null,
          payload: {},
        },
        null,
      ),
    ).toBeNull();
  });
});

describe('briefing and timeline', () => {
  it('briefs the situation, objectives, actions and resources from the records', async () => {
    const b = await call('reports.briefing', { incidentId });
    expect(b.situation.caseCount).toBe(8);
    expect(b.situation.countsByState).toMatchObject({
      returned_to_service: 1,
      deferred: 1,
      protected_connected: 1,
      standalone: 1,
      at_risk: 4,
    });
    expect(b.situation.advisories.map((a) => a.trackingId)).toEqual([
      'ICSMA-17-215-01',
      'ICSMA-17-215-02',
    ]);
    expect(b.situation.advisories[1]?.cves.map((c) => c.cve)).toContain('CVE-2015-1635');
    expect(b.situation.summary).toMatch(/^8 device cases under 2 advisories/);
    expect(b.objectives.some((o) => o.includes('standalone'))).toBe(true);
    expect(b.objectives.some((o) => o.startsWith('Reconnect only after'))).toBe(true);
    // Worded from the catalogue the screen and the PDFs word them from: one place.
    const english = pdfWords('en');
    const lookup = (key: string, values?: Record<string, string | number>) =>
      english(key as PdfWordKey, values);
    expect(b.objectives).toEqual(objectiveLines(b.objectiveCodes, lookup));
    expect(b.actionsPlanned.map((p) => p.action)).toEqual(
      b.actionsPlanned.map((p) => pdfEn.pdf.plannedActions[p.state]),
    );
    expect(b.actionsPlanned.map((p) => [p.state, p.caseCount])).toEqual([
      ['at_risk', 4],
      ['protected_connected', 1],
      ['deferred', 1],
      ['standalone', 1],
    ]);
    const techs = b.resources.find((r) => r.role === 'technologist')?.people ?? [];
    expect(techs).toContainEqual(
      expect.objectContaining({ name: 'Zoë Brändli (demo)', cases: 4, openCases: 3 }),
    );
    expect(b.unassignedOpenCases).toBe(4);
    expect(b.actionsTaken[0]?.activity).toBe(
      'Moved NM-0001 from Reconnecting to Returned to service',
    );
  });

  it('puts the notable events in time order, without single answers', async () => {
    const t = await call('reports.timeline', { incidentId });
    expect(t.entries[0]).toMatchObject({
      event: 'Opened the incident "ICSMA-17-215-02 response" with 8 cases',
      by: 'María José Núñez (demo)',
      role: 'Incident commander',
      // The screen words who acted in the station's language, from these two.
      person: 'María José Núñez (demo)',
      position: 'incident_commander',
    });
    for (const e of t.entries) expect(e.by).toBe(e.person ?? e.role);
    expect(t.entries.some((e) => e.event.startsWith('Answered'))).toBe(false);
    const ids = t.entries.map((e) => e.auditEventId);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });
});
