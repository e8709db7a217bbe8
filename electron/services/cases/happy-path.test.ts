import { afterEach, describe, expect, it } from 'vitest';
import * as given from '../demo/walkthrough-answers';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { signInAs, testOperator } from '../test/temp-runtime';
import {
  answerAll,
  demoIncident,
  signAs,
  testNow,
  type DemoIncident,
} from './test/case-test-setup';

let d: DemoIncident;
afterEach(() => d.rt.cleanup());

/** The first demo load in a test process is slow (the CSAF validator loads). */
const slow = 240_000;

const now = new Date(testNow);

/** The states a case walks through from at risk to returned to service. */
const walked = [
  'assessing',
  'standalone',
  'patching',
  'verifying',
  'reconnecting',
  'returned_to_service',
];

/** A demo incident in which only `assetTag`'s match is confirmed (kept in `d`), and its case. */
async function onlyCaseOf(assetTag: string): Promise<DemoIncident & { id: number }> {
  d = await demoIncident([assetTag]);
  return { ...d, id: d.caseOf(assetTag) };
}

describe('a PET/CT from at risk to returned to service, through the API', () => {
  it(
    'takes every step with real sign-offs, records history and audit, then the incident closes',
    async () => {
      const { api, rt, id } = await onlyCaseOf('NM-0001');
      const before = lastAuditId(rt);

      const tech = await signInAs(rt, 'technologist');
      let c = await api.value('cases.get', { caseId: id });
      expect(c).toMatchObject({
        state: 'at_risk',
        hics251: 'fully_functional',
        device: { assetTag: 'NM-0001', family: 'PET/CT' },
        advisory: {
          trackingId: 'ICSMA-17-215-02',
          lang: 'en',
          revision: { version: '1' },
          exposedPorts: ['80/tcp', '443/tcp', '3465/tcp'],
          product: { name: expect.stringContaining('PET/CT') as string },
        },
        template: { id: 'icsma-standalone-response', version: 1 },
        nextActions: { next: { target: 'assessing', allowed: true } },
      });
      expect(c.advisory.cves.map((v) => [v.cve, v.cvss])).toEqual([
        ['CVE-2015-1635', 9.8],
        ['CVE-2015-1497', 9.8],
        ['CVE-2015-7861', 9.8],
        ['CVE-2015-7860', 9.8],
      ]);
      expect(c.advisory.remediations.length).toBeGreaterThan(0);

      c = await api.value('cases.transition', { caseId: id, target: 'assessing' });
      expect(c.phaseSections).toEqual(['exposure_assessment', 'patient_safety_gate', 'backup']);
      await answerAll(api, id, 'exposure_assessment', given.exposedOnClinicalNetwork('available'));
      c = await answerAll(api, id, 'patient_safety_gate', given.gateClear(now));
      expect(c.gate.verdict).toBe('clear');
      // The first answer of the gate is stored with who gave it and when.
      const first = c.template.sections.find((s) => s.id === 'patient_safety_gate')?.items[0];
      expect(first?.answer).toEqual({
        value: false,
        by: { userId: tech.id, name: tech.displayName, role: 'technologist' },
        at: testNow,
      });
      expect(c.nextActions.next).toMatchObject({ target: 'standalone', allowed: false });

      await signInAs(rt, 'biomed');
      await answerAll(api, id, 'backup', given.backupDone(now, 'Ł. Wróbel'));
      await signAs(d, 'clinical_lead', id, 'patient_safety_clear');
      await signAs(d, 'biomed', id, 'technical_readiness');
      await signInAs(rt, 'technologist');
      c = await api.value('cases.transition', { caseId: id, target: 'standalone' });
      expect(c).toMatchObject({ state: 'standalone', hics251: 'partially_functional' });

      await answerAll(api, id, 'standalone_operation', given.standaloneLog(6, 1));
      c = await api.value('cases.transition', { caseId: id, target: 'patching' });
      await signInAs(rt, 'biomed');
      await answerAll(api, id, 'patch_record', given.patchedOnSite(now));
      c = await api.value('cases.transition', { caseId: id, target: 'verifying' });
      await answerAll(api, id, 'verification', given.verified);
      await signAs(d, 'biomed', id, 'verification_biomed');
      await signAs(d, 'it_security', id, 'verification_it');
      c = await api.value('cases.transition', { caseId: id, target: 'reconnecting' });
      await answerAll(api, id, 'reconnection', given.reconnected(6));
      await signAs(d, 'it_security', id, 'reconnect_approval');
      await signInAs(rt, 'technologist');
      c = await api.value('cases.transition', { caseId: id, target: 'returned_to_service' });

      expect(c).toMatchObject({
        state: 'returned_to_service',
        open: false,
        nextActions: { next: null },
      });
      expect(c.history.filter((h) => h.event === 'transition').map((h) => h.toState)).toEqual(
        walked,
      );
      // The step to standalone names the two sign-offs that admitted it.
      const toStandalone = c.history.find((h) => h.toState === 'standalone');
      const kinds = c.signoffs
        .filter((s) => (toStandalone?.detail.signoffIds as number[]).includes(s.id))
        .map((s) => s.kind);
      expect(kinds.sort()).toEqual(['patient_safety_clear', 'technical_readiness']);
      expect(c.signoffs.map((s) => [s.kind, s.stale])).toEqual([
        ['patient_safety_clear', false],
        ['technical_readiness', false],
        ['verification_biomed', false],
        ['verification_it', false],
        ['reconnect_approval', false],
      ]);

      const events = auditSince(rt, before).filter((e) => e.entityType === 'case');
      expect(
        events.filter((e) => e.action === 'case.transitioned').map((e) => e.payload.to),
      ).toEqual(walked);
      expect(events.some((e) => e.action === 'case.answered')).toBe(true);
      expect(events.filter((e) => e.action === 'signoff.given')).toHaveLength(5);

      // Nothing changes on a closed case.
      const late = await api.error('cases.answer', {
        caseId: id,
        sectionId: 'verification',
        itemId: 'daily_qc_passed',
        value: false,
      });
      expect(late).toMatchObject({ code: 'conflict' });
      expect(late.message).toContain('closed');

      await signInAs(rt, 'incident_commander');
      const closed = await api.value('incidents.close', {
        id: d.incidentId,
        summary: 'NM-0001 patched and back in service.',
      });
      expect(closed).toMatchObject({ status: 'closed', openCaseCount: 0, caseCount: 1 });
      const verify = await rt.client(testOperator).value('audit.verify', {});
      expect(verify).toMatchObject({ ok: true });
    },
    slow,
  );
});

describe('a blocked gate defers the case', () => {
  it(
    'shows the reason, defers with a re-check time, flags it overdue once the time passes',
    async () => {
      const { api, rt, id } = await onlyCaseOf('NM-0003');
      await signInAs(rt, 'technologist');
      await api.value('cases.transition', { caseId: id, target: 'assessing' });
      const c = await answerAll(
        api,
        id,
        'patient_safety_gate',
        given.gateInjectedPatientWaiting(now),
      );
      expect(c.gate.verdict).toBe('blocked');
      expect(c.gate.reasons[0]).toContain('F-18');
      expect(c.gate.patients).toMatchObject([
        { radionuclide: 'F-18', elapsedMinutes: 30, windowPassed: false },
      ]);
      expect(c.nextActions.next).toMatchObject({ target: 'deferred', needs: ['recheckAt'] });

      const noTime = await api.error('cases.transition', { caseId: id, target: 'deferred' });
      expect(noTime.details).toMatchObject({ missing: [expect.stringContaining('re-check time')] });

      const recheckAt = '2017-08-03T10:30:00.000Z';
      const deferred = await api.value('cases.transition', {
        caseId: id,
        target: 'deferred',
        recheckAt,
      });
      expect(deferred).toMatchObject({ state: 'deferred', recheckAt, flags: [] });

      rt.clock.set('2017-08-03T10:31:00.000Z');
      await signInAs(rt, 'technologist'); // the idle station locked meanwhile
      const late = await api.value('cases.get', { caseId: id });
      expect(late.flags).toEqual(['recheck_overdue']);
      expect(late.nextActions.recheck).toEqual({ at: recheckAt, due: true });
      const board = await api.value('cases.list', { incidentId: d.incidentId });
      expect(board.cases[0]).toMatchObject({ assetTag: 'NM-0003', flags: ['recheck_overdue'] });
      const incident = await api.value('incidents.get', { id: d.incidentId });
      expect(incident.flagged).toEqual({ needsReReview: 0, recheckOverdue: 1 });

      const back = await api.value('cases.transition', { caseId: id, target: 'assessing' });
      expect(back).toMatchObject({ state: 'assessing', recheckAt: null, flags: [] });
    },
    slow,
  );
});
