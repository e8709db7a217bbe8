import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { auditSince } from '../people/test/test-calls';
import { startTestRuntime, testOperator, type TestRuntime } from '../test/temp-runtime';
import { testNow } from '../cases/test/case-test-setup';

let rt: TestRuntime;
afterEach(() => rt.cleanup());

describe('demo walkthrough', () => {
  it('takes the four demo devices where the story leaves them, as the demo users, and the audit chain verifies', async () => {
    rt = startTestRuntime(testNow);
    const cli = rt.client(testOperator);
    expect(await cli.call('demo.walkthrough', {})).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('load the demo first') as string,
      },
    });
    expect(await cli.call('demo.load', {})).toMatchObject({ ok: true });

    const report = await cli.value('demo.walkthrough', {});
    expect(report).toMatchObject({ incidentName: 'ICSMA-17-215-02 response', auditOk: true });
    expect(report.cases.map((c) => [c.assetTag, c.trackingId, c.state])).toEqual([
      ['NM-0001', 'ICSMA-17-215-02', 'returned_to_service'],
      ['NM-0003', 'ICSMA-17-215-02', 'deferred'],
      ['NM-0007', 'ICSMA-17-215-02', 'protected_connected'],
      ['NM-0006', 'ICSMA-17-215-01', 'standalone'],
    ]);
    expect(report.cases[1]?.story).toContain('F-18');
    // The reason as catalogue words too, for the reader's language.
    expect(report.cases[1]?.reasonWords?.params).toMatchObject({ radionuclide: 'F-18' });
    expect(report.cases.filter((c) => c.reasonWords).map((c) => c.assetTag)).toEqual(['NM-0003']);
    expect(verifyAuditChain(rt.services.db)).toMatchObject({ ok: true });

    // Every step was taken by a demo user in their own role; sign-offs by the roles that give them.
    const events = auditSince(rt);
    const signers = events
      .filter((e) => e.action === 'signoff.given')
      .map((e) => [e.payload.kind, e.actorRole]);
    expect(signers).toEqual([
      ['patient_safety_clear', 'clinical_lead'],
      ['patient_safety_clear', 'clinical_lead'],
      ['technical_readiness', 'biomed'],
      ['technical_readiness', 'biomed'],
      ['risk_acceptance', 'biomed'],
      ['network_isolation', 'it_security'],
      ['verification_biomed', 'biomed'],
      ['verification_it', 'it_security'],
      ['reconnect_approval', 'it_security'],
    ]);
    const demoIds = new Set(
      rt.services.db.prepare('SELECT id FROM users WHERE demo = 1').pluck().all() as number[],
    );
    const caseEvents = events.filter((e) => e.entityType === 'case' && e.action !== 'case.opened');
    expect(caseEvents.length).toBeGreaterThan(50);
    expect(caseEvents.every((e) => e.actorUserId !== null && demoIds.has(e.actorUserId))).toBe(
      true,
    );
    // The walkthrough has a station of its own: nobody is signed in here because of it.
    expect(rt.services.sessions.current).toBeNull();

    const again = await cli.call('demo.walkthrough', {});
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already exists') as string },
    });
  }, 300_000);
});
